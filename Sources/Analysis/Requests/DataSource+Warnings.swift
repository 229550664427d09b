import DataIO

extension DataSource {
    /// The warnings about the input every command reports first: a delimiter read from the header, rows
    /// with a duration of 0 (kept), how many rows were excluded and why, each cause with its first lines,
    /// and a hint when more than half were.
    /// - Parameter dataset: The data set read.
    /// - Returns: The warnings, possibly none.
    /// - Complexity: O(rows).
    public static func inputWarnings(_ dataset: SurvivalDataset) -> [String] {
        var warnings = delimiterWarning(dataset.source)
        let lines = dataset.zeroDurationLines
        if !lines.isEmpty {
            warnings.append(
                "\(lines.count) \(lines.count == 1 ? "row has" : "rows have") a duration of 0 (\(lineList(lines))): kept by "
                    + "Kaplan–Meier, the log-rank tests and Cox models (as R); parametric models leave them out")
        }
        return warnings + exclusionWarnings(
            dataset.exclusions, rowsRead: dataset.source.rowsRead, missing: "with a missing value",
            consequence: "the output lists each one", options: "--delimiter, --decimal-comma, --missing, --event-codes")
    }

    /// At most this many excluded rows are listed one by one by ``exclusionWarnings(_:rowsRead:missing:consequence:options:listed:)``
    /// (by the data-file jobs, whose output does not list them).
    public static let maxListedExclusions = 50

    /// The warning that the file was read with another delimiter than asked for (a header with `;` and no
    /// `,`), or none.
    /// - Parameter source: The file's record.
    static func delimiterWarning(_ source: SourceInfo?) -> [String] {
        guard let source, source.isDelimiterDetected else { return [] }
        return ["the header has no ',' but ';'-separated names: the file was read as \(source.delimiter)-separated (choose with --delimiter)"]
    }

    /// The warnings about rows left out: how many and why (each cause with its first lines), then up to
    /// `listed` of them one by one with the count of the others, and a hint when more than half were.
    /// - Parameters:
    ///   - exclusions: The rows left out, in line order.
    ///   - rowsRead: The records read.
    ///   - missing: How a row with a missing value is described, e.g. `with a missing value`.
    ///   - consequence: What became of them, e.g. `the output lists each one`.
    ///   - options: The reading options to check, e.g. `--delimiter, --missing`.
    ///   - listed: How many to list one by one (0: none).
    /// - Returns: The warnings, none without exclusions.
    /// - Complexity: O(exclusions).
    static func exclusionWarnings(
        _ exclusions: [Exclusion], rowsRead: Int, missing: String, consequence: String, options: String, listed: Int = 0
    ) -> [String] {
        guard !exclusions.isEmpty else { return [] }
        let missingLines = exclusions.filter(\.isMissing).map(\.line)
        let invalid = exclusions.filter { !$0.isMissing }.map(\.line)
        var parts: [String] = []
        if !missingLines.isEmpty { parts.append("\(missingLines.count) \(missing): \(lineList(missingLines))") }
        if !invalid.isEmpty { parts.append("\(invalid.count) invalid: \(lineList(invalid))") }
        var warnings = ["\(exclusions.count) of \(rowsRead) rows excluded (\(parts.joined(separator: "; "))); \(consequence)"]
        for exclusion in exclusions.prefix(listed) {
            let column = exclusion.column.map { ", column '\($0)'" } ?? ""
            warnings.append("excluded line \(exclusion.line)\(column): \(exclusion.reason)")
        }
        if listed > 0, exclusions.count > listed {
            warnings.append("\(exclusions.count - listed) more excluded rows are not listed")
        }
        if exclusions.count * 2 > rowsRead {
            warnings.append("more than half of the rows were excluded: check the reading options (\(options)) against the first exclusions")
        }
        return warnings
    }

    /// `line 4`, `lines 4, 8, 11`, or the first five and how many more: `lines 4, 8, 11, 15, 20 and 7 more`.
    /// - Parameter lines: The line numbers, in file order.
    /// - Returns: The text.
    static func lineList(_ lines: [Int]) -> String {
        let shown = lines.prefix(5).map(String.init).joined(separator: ", ")
        let more = lines.count > 5 ? " and \(lines.count - 5) more" : ""
        return (lines.count == 1 ? "line " : "lines ") + shown + more
    }
}
