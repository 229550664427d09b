/// A fitted Kaplan–Meier curve: one row per distinct time (events *and* censor-only times), as the
/// `time`, `n.risk`, `n.event`, `n.censor`, `surv`, `std.err`, `lower`, `upper` of R's `survfit`.
///
/// `standardError` is the SE of S(t) (what `summary.survfit` prints), `logStandardError` is R's
/// `survfit(...)$std.err` (Greenwood SE of log S). Where S drops to 0 after a time at which everyone at
/// risk has the event, `logStandardError` is `+inf` and `standardError` is NaN, exactly as R (renderers
/// show these as null); the CI limits there are nil. (`Equatable` compares doubles with `==`, so a fit
/// holding a NaN standard error is not equal to itself.)
public struct KaplanMeierFit: Sendable, Equatable {
    /// Number of observations (the total weight when frequency weights were given; R's `n` counts rows).
    public let n: Int
    /// Number of events.
    public let events: Int
    /// Number of censored observations.
    public let censored: Int
    /// Every distinct time, ascending (events and censorings), after the near-tie rule if it was on.
    public let times: [Double]
    /// Number at risk just before each time.
    public let atRisk: [Int]
    /// Number of events at each time.
    public let eventCounts: [Int]
    /// Number censored at each time.
    public let censorCounts: [Int]
    /// S(t) at each time (right-continuous step function).
    public let survival: [Double]
    /// Greenwood SE of S(t) = S·sqrt(Σ d/(n(n-d))); NaN where S = 0 (as R).
    public let standardError: [Double]
    /// Greenwood SE of log S(t) = sqrt(Σ d/(n(n-d))), R's `survfit()$std.err`; +inf once some n = d.
    public let logStandardError: [Double]
    /// Lower confidence limit at each time; nil where R gives NA.
    public let lower: [Double?]
    /// Upper confidence limit at each time; nil where R gives NA.
    public let upper: [Double?]
    /// The transform used for `lower` / `upper`.
    public let confidenceTransform: KaplanMeier.ConfidenceTransform
    /// The two-sided confidence level of `lower` / `upper`.
    public let confidenceLevel: Double
    /// The normal critical value used, `z_{1-(1-level)/2}`.
    public let criticalValue: Double

    /// The largest observed time (event or censoring): the last time at which someone is still at risk.
    /// The default RMST horizon of several groups is the minimum of their `lastTimeAtRisk`.
    /// - Complexity: O(1).
    public var lastTimeAtRisk: Double {
        times.last ?? 0
    }
}
