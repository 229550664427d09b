import DataIO

/// The columns a design is built from: the used rows of a dataset, or prediction profiles.
package struct _DesignFrame: Sendable {
    /// One column of a frame.
    package enum Column: Sendable {
        /// Numbers, one per row.
        case numeric([Double])
        /// Codes into `levels` (coding order: reference level first), one per row.
        case factor(codes: [Int], levels: [String])
    }

    /// The number of rows.
    package let rows: Int
    /// Columns by name.
    package let columns: [String: Column]
    /// Per row, its physical file line (empty when not from a file).
    package let lines: RowLines

    /// The line of `row` for messages, if known.
    package func line(of row: Int) -> Int? {
        row >= 0 && row < lines.count ? lines[row] : nil
    }
}
