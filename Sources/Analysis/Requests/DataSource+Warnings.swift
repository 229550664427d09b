import DataIO

extension DataSource {
    /// The warnings about the input every command reports first: a delimiter read from the header, rows
    /// with a duration of 0 (kept), how many rows were excluded and why, each cause with its first lines,
    /// and a hint when more than half were.
    /// - Parameter dataset: The data set read.
    /// - Returns: The warnings, possibly none.
    /// - Complexity: O(rows).
    public static func inputWarnings(_ dataset: SurvivalDataset) -> [String] {
        var warnings: [String] = []
        if dataset.source.isDelimiterDetected {
            warnings.append(
                "the header has no ',' but ';'-separated names: the file was read as \(dataset.source.delimiter)-separated "
                    + "(choose with --delimiter)")
        }
        let lines = dataset.zeroDurationLines
        if !lines.isEmpty {
            warnings.append(
                "\(lines.count) \(lines.count == 1 ? "row has" : "rows have") a duration of 0 (\(lineList(lines))): kept by "
                    + "Kaplan–Meier, the log-rank tests and Cox models (as R); parametric models leave them out")
        }
        guard !dataset.exclusions.isEmpty else { return warnings }
        let missing = dataset.exclusions.filter(\.isMissing).map(\.line)
        let invalid = dataset.exclusions.filter { !$0.isMissing }.map(\.line)
        var parts: [String] = []
        if !missing.isEmpty { parts.append("\(missing.count) with a missing value: \(lineList(missing))") }
        if !invalid.isEmpty { parts.append("\(invalid.count) invalid: \(lineList(invalid))") }
        warnings.append(
            "\(dataset.exclusions.count) of \(dataset.source.rowsRead) rows excluded (\(parts.joined(separator: "; "))); "
                + "the output lists each one")
        if dataset.exclusions.count * 2 > dataset.source.rowsRead {
            warnings.append(
                "more than half of the rows were excluded: check the reading options (--delimiter, --decimal-comma, "
                    + "--missing, --event-codes) against the first exclusions")
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
