import DataIO

extension SurvivalSummary {
    /// Fits the summary to a dataset read by DataIO: its used rows, `by` groupings and strata.
    /// - Parameter data: The dataset.
    /// - Returns: The summary result.
    /// - Throws: ``StatModelError`` as ``fit(time:event:by:strata:)``.
    /// - Complexity: As ``fit(time:event:by:strata:)``.
    public func fit(_ data: SurvivalDataset) throws(StatModelError) -> SurvivalSummaryResult {
        try fit(
            time: data.time, event: data.event, start: data.start, by: data.groupings.map(SurvivalSummaryFactor.init),
            strata: data.strata.map(SurvivalSummaryFactor.init))
    }
}
