import Reporting
import Survival

extension Provenance {
    /// The key/value header lines of a Kaplan–Meier document (`relief summary`, `relief curves`): input,
    /// rows, CI transform, options, version, date and command (``modelHeaderLines(input:model:)`` with
    /// the CI line as the model line).
    /// - Parameters:
    ///   - input: The input record.
    ///   - transform: The CI transform.
    ///   - level: The confidence level.
    /// - Returns: The lines in display order.
    public func headerLines(
        input: ReportInput, transform: KaplanMeier.ConfidenceTransform, level: Double
    ) -> [(key: String, value: String)] {
        modelHeaderLines(
            input: input, model: [("confidence intervals", "\(Self.percent(level)) pointwise, \(transform.rawValue) transform")])
    }

    /// A confidence level as a percentage, e.g. `95%` or `97.5%`.
    /// - Parameter level: The level in (0, 1).
    /// - Returns: The text.
    public static func percent(_ level: Double) -> String {
        ReportText.display(level * 100, style: .general(significant: 6), missing: "NA") + "%"
    }
}
