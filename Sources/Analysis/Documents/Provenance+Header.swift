import Reporting
import Survival

extension Provenance {
    /// The key/value header lines of a text or Markdown report: input, rows, CI transform, options,
    /// version and command.
    /// - Parameters:
    ///   - input: The input record.
    ///   - transform: The CI transform.
    ///   - level: The confidence level.
    /// - Returns: The lines in display order.
    public func headerLines(
        input: ReportInput, transform: KaplanMeier.ConfidenceTransform, level: Double
    ) -> [(key: String, value: String)] {
        var lines: [(key: String, value: String)] = [
            ("input", input.file),
            ("sha256", input.sha256),
            ("rows", "\(input.rowsRead) read, \(input.rowsUsed) used, \(input.rowsExcluded) excluded"),
            ("confidence intervals", "\(Self.percent(level)) pointwise, \(transform.rawValue) transform"),
        ]
        for option in options { lines.append((option.name, option.value)) }
        lines.append(("version", "Relief \(version)"))
        if let date { lines.append(("date", date)) }
        lines.append(("command", command))
        return lines
    }

    /// A confidence level as a percentage, e.g. `95%` or `97.5%`.
    /// - Parameter level: The level in (0, 1).
    /// - Returns: The text.
    public static func percent(_ level: Double) -> String {
        ReportText.display(level * 100, style: .general(significant: 6), missing: "NA") + "%"
    }
}
