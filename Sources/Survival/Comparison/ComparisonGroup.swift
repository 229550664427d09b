/// One group's own estimates in a ``KaplanMeierComparison``.
public struct ComparisonGroup: Sendable, Equatable {
    /// The level.
    public let level: String
    /// Rows.
    public let n: Int
    /// Events.
    public let events: Int
    /// The Kaplan–Meier median with its interval.
    public let median: QuantileEstimate
    /// The restricted mean to the comparison's τ.
    public let restrictedMean: RestrictedMean
    /// The survival estimates at the requested times.
    public let survival: [SurvivalEstimate]
    /// The group's Kaplan–Meier curve (what the comparison's figure draws).
    public let fit: KaplanMeierFit
}
