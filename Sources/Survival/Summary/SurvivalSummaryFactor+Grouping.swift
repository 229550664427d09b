import DataIO

extension SurvivalSummaryFactor {
    /// The factor for one of DataIO's groupings (column, levels, per-row codes, scores if ordered).
    /// - Parameter grouping: A `by` or strata grouping of a `SurvivalDataset`.
    public init(_ grouping: Grouping) {
        self.init(column: grouping.column, levels: grouping.levels, codes: grouping.codes, scores: grouping.scores)
    }
}
