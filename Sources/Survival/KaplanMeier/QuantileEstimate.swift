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

    /// Creates a quantile row.
    /// - Parameters: the fields, see their documentation.
    public init(probability: Double, estimate: Double?, lower: Double?, upper: Double?) {
        self.probability = probability
        self.estimate = estimate
        self.lower = lower
        self.upper = upper
    }
}
