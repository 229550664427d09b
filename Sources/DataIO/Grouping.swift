/// A grouping of the used rows by one column: levels in order and a level code per row.
public struct Grouping: Sendable, Equatable {
    /// The column name.
    public let column: String
    /// Display labels in order (bands: `<=7`, `8-28`, `>28`).
    public let levels: [String]
    /// Per used row, an index into ``levels``.
    public let codes: [Int]
    /// A numeric score per level when the levels are ordered: the value for a numeric column, the band
    /// index 1...k for a banded column (indices of empty bands are skipped), or the position 1...k in
    /// an explicit level order; `nil` for an unordered string column.
    public let scores: [Double]?
    /// Whether the levels are bands of a numeric column.
    public let isBanded: Bool

    /// Creates a grouping.
    /// - Parameters:
    ///   - column: The column name.
    ///   - levels: Display labels in order.
    ///   - codes: Per row, an index into `levels`.
    ///   - scores: Numeric score per level, or `nil`.
    ///   - isBanded: Whether the levels are bands.
    public init(column: String, levels: [String], codes: [Int], scores: [Double]?, isBanded: Bool) {
        self.column = column
        self.levels = levels
        self.codes = codes
        self.scores = scores
        self.isBanded = isBanded
    }

    /// The number of rows in each level.
    /// - Complexity: O(rows).
    public var counts: [Int] {
        var result = [Int](repeating: 0, count: levels.count)
        for code in codes where code >= 0 && code < result.count { result[code] += 1 }
        return result
    }
}
