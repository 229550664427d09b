/// A survival-time quantile with its confidence limits; nil = "not reached" (R's NA).
public struct QuantileEstimate: Sendable, Equatable {
    /// The probability p: the time by which a fraction p has had the event (S(t) = 1 - p).
    public let probability: Double
    /// The quantile, nil when the curve does not get that low.
    public let estimate: Double?
    /// Lower limit (from the lower confidence curve), nil when not reached.
    public let lower: Double?
    /// Upper limit (from the upper confidence curve), nil when not reached.
    public let upper: Double?
    /// Standard error of the estimate: a parametric model's delta-method SE on the time scale (R's
    /// `predict(type = "quantile", se.fit = TRUE)`); nil for curves, which have none.
    public let standardError: Double?

    /// Creates a quantile row.
    /// - Parameters: the fields, see their documentation.
    public init(probability: Double, estimate: Double?, lower: Double?, upper: Double?, standardError: Double? = nil) {
        self.probability = probability
        self.estimate = estimate
        self.lower = lower
        self.upper = upper
        self.standardError = standardError
    }
}
