/// What to predict at each profile (``SurvivalRegressionFit/predict(_:request:data:)``).
public struct PredictionRequest: Sendable, Equatable {
    /// Times `≥ 0` for `S(t | x)`.
    public var times: [Double]
    /// Probabilities in (0, 1) for quantiles of `T | x` (0.5 = the median).
    public var probabilities: [Double]
    /// Horizon of the restricted mean, or nil for none.
    public var tau: Double?
    /// Two-sided confidence level in (0, 1).
    public var confidenceLevel: Double

    /// Creates a request.
    ///
    /// - Parameters:
    ///   - times: Survival times, default none.
    ///   - probabilities: Quantile probabilities, default the median.
    ///   - tau: Restricted-mean horizon, default none.
    ///   - confidenceLevel: Level of the intervals, default 0.95.
    public init(times: [Double] = [], probabilities: [Double] = [0.5], tau: Double? = nil, confidenceLevel: Double = 0.95) {
        self.times = times
        self.probabilities = probabilities
        self.tau = tau
        self.confidenceLevel = confidenceLevel
    }
}
