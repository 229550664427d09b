/// Medians for two crossed `by` columns laid out as a table: rows are the levels of the first
/// column, columns the levels of the second (e.g. dose group x frequency band).
public struct MedianTable: Sendable {
    /// One cell: the group's size and median with CI; absent when the cross is empty.
    public struct Cell: Sendable {
        /// The number of rows in the group.
        public let n: Int
        /// The number of events.
        public let events: Int
        /// The median with its CI (`nil` values = not reached).
        public let median: QuantileEstimate
    }

    /// The column whose levels are the rows.
    public let rowColumn: String
    /// The column whose levels are the columns.
    public let columnColumn: String
    /// The row labels.
    public let rowLevels: [String]
    /// The column labels.
    public let columnLevels: [String]
    /// `cells[row][column]`, `nil` for an empty cross.
    public let cells: [[Cell?]]

    /// Creates a table.
    /// - Parameters:
    ///   - rowColumn: The row column.
    ///   - columnColumn: The column column.
    ///   - rowLevels: The row labels.
    ///   - columnLevels: The column labels.
    ///   - cells: The cells, row-major.
    public init(
        rowColumn: String, columnColumn: String, rowLevels: [String], columnLevels: [String],
        cells: [[Cell?]]
    ) {
        self.rowColumn = rowColumn
        self.columnColumn = columnColumn
        self.rowLevels = rowLevels
        self.columnLevels = columnLevels
        self.cells = cells
    }
}
