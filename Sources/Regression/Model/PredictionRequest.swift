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
    /// For a model with a per-patient effect (`frailty()`): the patient (a value of the frailty column)
    /// whose own curve to predict; nil, or a patient without episodes in the data, gives the population
    /// curve. Models without such an effect ignore it.
    public var patient: String?

    /// Creates a request.
    ///
    /// - Parameters:
    ///   - times: Survival times, default none.
    ///   - probabilities: Quantile probabilities, default the median.
    ///   - tau: Restricted-mean horizon, default none.
    ///   - confidenceLevel: Level of the intervals, default 0.95.
    ///   - patient: The patient of a per-patient prediction, default none (the population).
    public init(times: [Double] = [], probabilities: [Double] = [0.5], tau: Double? = nil, confidenceLevel: Double = 0.95,
                patient: String? = nil) {
        self.patient = patient
        self.times = times
        self.probabilities = probabilities
        self.tau = tau
        self.confidenceLevel = confidenceLevel
    }
}
