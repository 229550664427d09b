/// One stratum of a stratified ``KaplanMeierComparison``: its rows, its weight and every group's own
/// curve within it.
public struct ComparisonStratum: Sendable, Equatable {
    /// The stratum's level.
    public let level: String
    /// Rows in the stratum (all groups).
    public let n: Int
    /// `n_s / n`: the stratum's share of all rows, the weight of its within-stratum contrasts.
    public let weight: Double
    /// Every group's estimates within the stratum (level order, the reference included), restricted
    /// means to the comparison's τ.
    public let groups: [ComparisonGroup]
}
