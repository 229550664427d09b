/// A titled table of typed columns, with notes printed under it.
///
/// Rows shorter than `columns` are padded with ``ReportCell/empty`` by the renderers; extra cells are
/// ignored.
public struct ReportTable: Sendable, Equatable {
    /// The title shown above the table.
    public var title: String
    /// The columns.
    public var columns: [ReportColumn]
    /// The rows, one cell per column.
    public var rows: [[ReportCell]]
    /// Notes shown under the table (e.g. "NR = not reached").
    public var notes: [String]

    /// Creates a table.
    /// - Parameters:
    ///   - title: The title.
    ///   - columns: The columns.
    ///   - rows: The rows.
    ///   - notes: Notes under the table.
    public init(title: String, columns: [ReportColumn], rows: [[ReportCell]] = [], notes: [String] = []) {
        self.title = title
        self.columns = columns
        self.rows = rows
        self.notes = notes
    }

    /// The cell at `row`, `column`, or ``ReportCell/empty`` when out of range.
    /// - Parameters:
    ///   - row: The row index.
    ///   - column: The column index.
    /// - Returns: The cell.
    /// - Complexity: O(1).
    public func cell(_ row: Int, _ column: Int) -> ReportCell {
        guard rows.indices.contains(row), rows[row].indices.contains(column) else { return .empty }
        return rows[row][column]
    }
}
