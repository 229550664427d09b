/// Everything `relief predict` reports for one covariate profile: the linear predictor, survival at the
/// requested times, quantiles (median etc.) and, when a horizon is given, the restricted mean.
public struct AFTProfilePrediction: Sendable, Equatable {
    /// The design row `x` (intercept included).
    public let profile: [Double]
    /// `xᵀβ`, the predicted location of `log T`.
    public let linearPredictor: Double
    /// Its standard error `√(xᵀ V_ββ x)`.
    public let linearPredictorStandardError: Double
    /// `S(t | x)` at each requested time.
    public let survival: [AFTSurvivalPrediction]
    /// Each requested quantile.
    public let quantiles: [AFTQuantilePrediction]
    /// The restricted mean up to `tau`, nil when no `tau` was given.
    public let restrictedMean: AFTRestrictedMeanPrediction?

    /// Creates a profile prediction; see the properties.
    public init(profile: [Double], linearPredictor: Double, linearPredictorStandardError: Double,
                survival: [AFTSurvivalPrediction], quantiles: [AFTQuantilePrediction],
                restrictedMean: AFTRestrictedMeanPrediction?) {
        self.profile = profile
        self.linearPredictor = linearPredictor
        self.linearPredictorStandardError = linearPredictorStandardError
        self.survival = survival
        self.quantiles = quantiles
        self.restrictedMean = restrictedMean
    }
}
