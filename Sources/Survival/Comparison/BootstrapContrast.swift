/// A difference whose interval comes from a percentile bootstrap (the median difference of
/// ``KaplanMeierComparison``): the difference on the data, the standard deviation of the replicate
/// differences as its SE, the percentiles as its interval and `2 Φ(−|estimate / SE|)` as its p-value.
public struct BootstrapContrast: Sendable, Equatable {
    /// The difference, bootstrap SE, percentile interval and normal-approximation p.
    public let contrast: Contrast
    /// Replicates drawn.
    public let replicates: Int
    /// Replicates in which both medians were reached (the others are left out of the interval).
    public let usedReplicates: Int
}
