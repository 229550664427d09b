/// A model prediction at one time with its standard error and confidence interval: the survival
/// probability `S(t | x)` at a time `t`, or the restricted mean `∫₀^τ S(t | x) dt` to a horizon `τ`
/// (then ``time`` is `τ`).
public struct TimedEstimate: Sendable, Equatable {
    /// The time `t`, or the horizon `τ` of a restricted mean.
    public let time: Double
    /// The estimate.
    public let estimate: Double
    /// Its standard error (delta method for parametric models).
    public let standardError: Double
    /// Lower confidence limit.
    public let lower: Double
    /// Upper confidence limit.
    public let upper: Double

    /// Creates an estimate; see the properties.
    public init(time: Double, estimate: Double, standardError: Double, lower: Double, upper: Double) {
        self.time = time
        self.estimate = estimate
        self.standardError = standardError
        self.lower = lower
        self.upper = upper
    }
}
