/// The Kaplan–Meier estimate at one requested time, as one row of `summary(fit, times = t, extend = TRUE)`.
public struct SurvivalEstimate: Sendable, Equatable {
    /// The requested time.
    public let time: Double
    /// S(t).
    public let estimate: Double
    /// SE of S(t) (Greenwood), NaN where S = 0 as R.
    public let standardError: Double
    /// Lower confidence limit; nil where R gives NA.
    public let lower: Double?
    /// Upper confidence limit; nil where R gives NA.
    public let upper: Double?
    /// Number at risk at `time` as `summary.survfit` reports it: the risk set of the first fit time
    /// `>= time` (0 beyond the last time).
    public let atRisk: Int
    /// `true` when `time` is after the last observed time: R's `summary(..., times)` drops such a time
    /// unless `extend = TRUE`, which carries the last value forward (as here) with 0 at risk.
    public let isBeyondLastTime: Bool

    /// Creates an estimate row.
    /// - Parameters: the fields, see their documentation.
    package init(time: Double, estimate: Double, standardError: Double, lower: Double?, upper: Double?,
                atRisk: Int, isBeyondLastTime: Bool) {
        self.time = time
        self.estimate = estimate
        self.standardError = standardError
        self.lower = lower
        self.upper = upper
        self.atRisk = atRisk
        self.isBeyondLastTime = isBeyondLastTime
    }
}
