/// What ``KaplanMeierComparison`` computes: each group's estimates and its contrasts with the reference.
public struct KaplanMeierComparisonResult: Sendable, Equatable {
    /// The reference level.
    public let reference: String
    /// The restricted-mean horizon used.
    public let tau: Double
    /// How τ was chosen.
    public let tauRule: RestrictedMeanTauRule
    /// The confidence level of every interval.
    public let confidenceLevel: Double
    /// Every group (the reference included), in level order.
    public let groups: [ComparisonGroup]
    /// Every other group against the reference, in level order.
    public let contrasts: [GroupContrast]
    /// Bootstrap replicates of the median difference.
    public let bootstrapReplicates: Int
    /// The bootstrap seed.
    public let seed: UInt64
    /// The strata of a stratified comparison (``KaplanMeierComparison/compare(time:event:start:groups:levels:strata:strataLevels:)``),
    /// each with its weight and its groups' own curves; empty when the comparison is not stratified.
    public internal(set) var strata: [ComparisonStratum] = []

    /// Whether the contrasts are stratum-weighted averages of within-stratum contrasts.
    public var isStratified: Bool { !strata.isEmpty }
}
