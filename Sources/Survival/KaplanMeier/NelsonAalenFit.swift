import Foundation

/// A fitted Nelson–Aalen curve: one row per distinct time (events and censor-only times), as the `time`,
/// `n.risk`, `n.event`, `n.censor`, `cumhaz` and `std.chaz` of R's `survfit(..., ctype = 1)`, with
/// `exp(-H)` and its limits as `surv`, `lower`, `upper` of `survfit(..., ctype = 1, stype = 2)`.
public struct NelsonAalenFit: Sendable, Equatable {
    /// The table the estimate accumulates over: the Kaplan–Meier fit of the same rows, whose times, risk
    /// sets, event and censoring counts, n, transform and level are this fit's (its survival is not used).
    public let counts: KaplanMeierFit
    /// H(t) = Σ d/n, R's `$cumhaz`.
    public let cumulativeHazard: [Double]
    /// SE of H(t) = sqrt(Σ d/n²), R's `$std.chaz`; also the SE of log exp(-H).
    public let standardError: [Double]
    /// exp(-H(t)), R's `$surv` with `stype = 2`.
    public let survival: [Double]
    /// Lower limit of exp(-H) at each time; nil where R gives NA.
    public let lower: [Double?]
    /// Upper limit of exp(-H) at each time; nil where R gives NA.
    public let upper: [Double?]

    /// Reads the counts of a Kaplan–Meier fit (times, risk sets, events, censorings, its transform and
    /// level) and accumulates the Nelson–Aalen estimate over them; the Kaplan–Meier estimates are not used.
    /// - Parameter counts: A Kaplan–Meier fit of the same rows.
    /// - Complexity: O(distinct times).
    public init(counts: KaplanMeierFit) {
        let m = counts.times.count
        var hazard = [Double](repeating: 0, count: m), se = hazard, survival = hazard
        var lower = [Double?](repeating: nil, count: m), upper = lower
        var h = 0.0, variance = 0.0
        for j in 0..<m {
            let d = Double(j < counts.eventCounts.count ? counts.eventCounts[j] : 0)
            let n = Double(j < counts.atRisk.count ? counts.atRisk[j] : 0)
            if d > 0, n > 0 {
                h += d / n
                variance += d / (n * n)
            }
            hazard[j] = h
            se[j] = variance.squareRoot()
            survival[j] = exp(-h)
            let limits = counts.confidenceTransform.limits(survival: survival[j], logStandardError: se[j], z: counts.criticalValue)
            (lower[j], upper[j]) = (limits.lower, limits.upper)
        }
        self.counts = counts
        self.cumulativeHazard = hazard
        self.standardError = se
        self.survival = survival
        self.lower = lower
        self.upper = upper
    }
}
