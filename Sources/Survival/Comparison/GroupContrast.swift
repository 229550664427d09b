/// One group against the reference group (``KaplanMeierComparison``): restricted mean difference and
/// ratio, survival differences at given times, the median difference (bootstrap).
public struct GroupContrast: Sendable, Equatable {
    /// A survival difference at one time.
    public struct AtTime: Sendable, Equatable {
        /// The time.
        public let time: Double
        /// `S_group(t) − S_reference(t)` with the Greenwood SEs.
        public let difference: Contrast
    }

    /// The group's level.
    public let level: String
    /// `RMST_group(τ) − RMST_reference(τ)` (days), variance the sum of R's `se(rmean)²`.
    public let restrictedMeanDifference: Contrast
    /// `RMST_group(τ) / RMST_reference(τ)`, on the log scale.
    public let restrictedMeanRatio: Contrast
    /// Survival differences at the requested times.
    public let survivalDifferences: [AtTime]
    /// The survival difference at every distinct time of the two curves (``differenceCurve(_:_:level:)``),
    /// for the figure; not part of the tables.
    public let differenceCurve: [AtTime]
    /// The median difference with its percentile-bootstrap interval; nil when a median is not reached
    /// or no replicates were asked for.
    public let medianDifference: BootstrapContrast?
}
