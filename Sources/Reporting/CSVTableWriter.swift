import DataIO

/// Writes a ``ReportTable`` as RFC 4180 CSV with a header row: the single CSV writer of the data exports.
///
/// Numbers keep full precision (``ReportText/fullPrecision(_:)``); an unknown number is written as `NA`
/// (read as missing by R and pandas by default); an empty cell is an empty field. The table title and
/// notes are not written: CSV carries data only, so callers put provenance into columns. Quoting is
/// DataIO's `CSVWriter`.
public struct CSVTableWriter: Sendable {
    /// The text written for an unknown number.
    public var missing: String

    /// Creates a writer.
    /// - Parameter missing: The text for unknown numbers, `NA` by default.
    public init(missing: String = "NA") {
        self.missing = missing
    }

    /// The table as CSV text with a header row (the column names), each record ending in `\n`.
    /// - Parameter table: The table.
    /// - Returns: The CSV text.
    /// - Complexity: O(cells).
    public func write(_ table: ReportTable) -> String {
        let rows = table.rows.indices.map { rowIndex in
            table.columns.indices.map { field(table.cell(rowIndex, $0)) }
        }
        return CSVWriter().string(header: table.columns.map { Self.neutralised($0.name) }, rows: rows)
    }

    private func field(_ cell: ReportCell) -> String {
        switch cell {
        case .text(let value): return Self.neutralised(value)
        case .integer(let value): return String(value)
        case .number(let value): return value.flatMap(ReportText.fullPrecision) ?? missing
        case .empty: return ""
        }
    }

    /// A text cell a spreadsheet will not run as a formula (OWASP "CSV injection"): text starting with
    /// `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading `'`, unless the whole text is a
    /// number (`-0.5`, `+3`), which stays as it is. The rule is DataIO's ``DataIO/CSVWriter/neutralised(_:)``,
    /// which the episode writer applies to every field too.
    /// - Parameter text: The cell's text.
    /// - Returns: The text to write.
    /// - Complexity: O(n) in the length of `text`.
    public static func neutralised(_ text: String) -> String {
        CSVWriter.neutralised(text)
    }
}
