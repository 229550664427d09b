/// A categorical variable for ``SurvivalSummary``: a column name, its level labels in order and one
/// level index per row, plus optional numeric scores when the levels are ordered.
///
/// This is the StatModels view of DataIO's `Grouping`; it has a public initializer so summaries can be
/// fitted on data that did not come from a CSV file.
public struct SurvivalSummaryFactor: Sendable, Equatable {
    /// The column name.
    public let column: String
    /// The level labels, in display order.
    public let levels: [String]
    /// One index into `levels` per row.
    public let codes: [Int]
    /// One numeric score per level when the levels are ordered (used by the trend test), else `nil`.
    public let scores: [Double]?

    /// Creates a factor.
    /// - Parameters:
    ///   - column: The column name.
    ///   - levels: The level labels, in display order.
    ///   - codes: One index into `levels` per row.
    ///   - scores: One score per level when ordered, else `nil`.
    public init(column: String, levels: [String], codes: [Int], scores: [Double]? = nil) {
        self.column = column
        self.levels = levels
        self.codes = codes
        self.scores = scores
    }
}
