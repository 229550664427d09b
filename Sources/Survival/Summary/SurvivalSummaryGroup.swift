/// One group of a ``SurvivalSummaryResult``: a cell of the cross of the `by` columns with its
/// Kaplan–Meier fit and the numbers read off it.
public struct SurvivalSummaryGroup: Sendable {
    /// The group's level in each `by` column, in column order; empty without `by` columns.
    public let by: [ByLevel]
    /// The group's level index in each `by` column (same order as `by`).
    public let levelIndices: [Int]
    /// The number of rows.
    public let n: Int
    /// The number of events (relief ended).
    public let events: Int
    /// The number of censored rows.
    public let censored: Int
    /// The quantile estimates, one per ``SurvivalSummaryResult/quantileProbabilities`` entry
    /// (`nil` estimate or bound = not reached, as R's `quantile.survfit`).
    public let quantiles: [QuantileEstimate]
    /// The median (the 0.5 quantile).
    public let median: QuantileEstimate
    /// The survival estimate, its standard error and CI at each of ``SurvivalSummaryResult/times``.
    public let survival: [SurvivalEstimate]
    /// The restricted mean survival time up to the common tau.
    public let restrictedMean: RestrictedMean
    /// The Kaplan–Meier fit of the group.
    public let fit: KaplanMeierFit
    /// The median follow-up by reverse Kaplan–Meier (censoring as the event, as
    /// `survfit(Surv(time, 1 - event) ~ 1)`), with its CI by the same method as the median.
    public let medianFollowUp: QuantileEstimate

    /// Creates a group record (normally done by ``SurvivalSummary``).
    /// - Parameters:
    ///   - by: The group's levels.
    ///   - levelIndices: The level indices.
    ///   - quantiles: The quantile estimates.
    ///   - median: The median.
    ///   - survival: The survival estimates at the report times.
    ///   - restrictedMean: The RMST.
    ///   - fit: The Kaplan–Meier fit (n, events and censored are read from it).
    ///   - medianFollowUp: The median follow-up by reverse Kaplan–Meier.
    public init(
        by: [ByLevel], levelIndices: [Int], quantiles: [QuantileEstimate], median: QuantileEstimate,
        survival: [SurvivalEstimate], restrictedMean: RestrictedMean, fit: KaplanMeierFit,
        medianFollowUp: QuantileEstimate
    ) {
        self.by = by
        self.levelIndices = levelIndices
        self.n = fit.n
        self.events = fit.events
        self.censored = fit.censored
        self.quantiles = quantiles
        self.median = median
        self.survival = survival
        self.restrictedMean = restrictedMean
        self.fit = fit
        self.medianFollowUp = medianFollowUp
    }
}
