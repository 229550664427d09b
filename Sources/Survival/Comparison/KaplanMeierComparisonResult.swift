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
}
