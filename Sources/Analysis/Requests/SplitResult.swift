import DataIO

/// The split rows of a ``SplitRequest``: the table, the warnings about the input, the CSV file
/// (``DataFileResult/csvBytes()``, ``DataFileResult/write(to:)``) and a one-line summary.
public struct SplitResult: DataFileResult {
    /// The request that was run.
    public let request: SplitRequest
    /// The rows to split and every row left out.
    public let table: SplitTable

    /// The input file.
    public var inputPath: String { request.path }

    /// The warnings, in order: a delimiter read from the header; how many rows were left out and why, then
    /// each of them (at most ``DataSource/maxListedExclusions``).
    /// - Complexity: O(exclusions).
    public var warnings: [String] {
        DataSource.delimiterWarning(table.source) + DataSource.exclusionWarnings(
            table.exclusions, rowsRead: table.source.rowsRead, missing: "with a missing value",
            consequence: "they are not in the split file", options: "--delimiter, --decimal-comma, --missing, --event-codes",
            listed: DataSource.maxListedExclusions)
    }

    /// Writes the split file in pieces (``DataIO/SplitTable/writeCSV(_:)``).
    public func writeCSV<E: Error>(_ emit: (UnsafeRawBufferPointer) throws(E) -> Void) throws(E) {
        try table.writeCSV(emit)
    }

    /// One line for stderr: `relief: 1597 rows cut at 7, 14, 28 into 3484 rows (1160 events, each on its
    /// row's last piece) -> split.csv`.
    /// - Parameter destination: Where the file went (a path, or `stdout`).
    public func summaryLine(destination: String) -> String {
        let (rows, pieces, events) = (table.rowCount, table.count, table.eventCount)
        return "relief: \(rows) row\(rows == 1 ? "" : "s") cut at \(table.split.cutList) into \(pieces) row\(pieces == 1 ? "" : "s") "
            + "(\(events) event\(events == 1 ? "" : "s"), each on its row's last piece) -> \(destination)"
    }
}
