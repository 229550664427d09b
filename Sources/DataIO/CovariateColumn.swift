/// One covariate column of the used rows: numeric values, or categorical levels with a code per row.
///
/// A column is numeric when every non-missing value among the used rows is a finite number (as R's
/// `read.csv` makes a column numeric); otherwise it is categorical, with levels sorted by UTF-8 byte
/// order (R's `factor` in the C locale) and only levels present among the used rows.
public struct CovariateColumn: Sendable, Equatable {
    /// The values of a covariate column.
    public enum Values: Sendable, Equatable {
        /// One finite number per used row (NaN for a missing value of a column read with
        /// `ColumnRoles.descriptiveColumns`).
        case numeric([Double])
        /// Levels in byte order and, per used row, an index into `levels` (-1 for a missing value of a
        /// column read with `ColumnRoles.descriptiveColumns`). Four bytes a row: a column has fewer
        /// levels than rows, and the reader refuses more than `Int32.max` rows.
        case categorical(levels: [String], codes: [Int32])
    }

    /// The column name (as in the header).
    public let name: String
    /// The 1-based column number in the file.
    public let columnNumber: Int
    /// The values, in the row order of ``SurvivalDataset/time``.
    public let values: Values

    /// Whether the column is numeric.
    public var isNumeric: Bool {
        if case .numeric = values { return true }
        return false
    }

    /// The numeric values, or `nil` for a categorical column.
    public var numericValues: [Double]? {
        if case .numeric(let v) = values { return v }
        return nil
    }

    /// The levels in order, or `nil` for a numeric column.
    public var levels: [String]? {
        if case .categorical(let levels, _) = values { return levels }
        return nil
    }

    /// Per used row, the index into ``levels``; `nil` for a numeric column.
    public var codes: [Int32]? {
        if case .categorical(_, let codes) = values { return codes }
        return nil
    }

    /// The number of rows.
    public var count: Int {
        switch values {
        case .numeric(let v): return v.count
        case .categorical(_, let codes): return codes.count
        }
    }
}
