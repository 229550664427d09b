import Survival

/// What any survival regression fit predicts at one covariate profile, in one vocabulary: survival at
/// times, quantiles (the median among them) and the restricted mean, each with a confidence interval.
///
/// Cox fits fill it from their baseline hazard (``CoxBaselineHazard/predict(profile:stratum:times:tau:confidenceLevel:)``,
/// R's `survfit.coxph`), AFT fits from the delta method (``AFTFit/predict(profiles:times:probabilities:tau:confidenceLevel:)``,
/// R's `predict.survreg`); the model-specific values stay available from those functions.
public struct SurvivalProfilePrediction: Sendable, Equatable {
    /// The design row.
    public let profile: [Double]
    /// The dose (dose–response models), nil otherwise.
    public let dose: Double?
    /// The stratum whose baseline was used (stratified Cox), nil otherwise.
    public let stratum: Int?
    /// The linear predictor: `(x − means)ᵀβ` for Cox, the location of `log T` for AFT models.
    public let linearPredictor: Double
    /// Its standard error.
    public let linearPredictorStandardError: Double
    /// `S(t | x)` at each requested time.
    public let survival: [TimedEstimate]
    /// Each requested quantile (`nil` components: not reached by a Cox curve; a standard error from
    /// parametric models only).
    public let quantiles: [QuantileEstimate]
    /// The restricted mean (``TimedEstimate/time`` is the horizon), when a horizon was requested.
    public let restrictedMean: TimedEstimate?
    /// The confidence level of the intervals.
    public let confidenceLevel: Double

    /// Creates a prediction; see the properties.
    public init(profile: [Double], dose: Double?, stratum: Int?, linearPredictor: Double,
                linearPredictorStandardError: Double, survival: [TimedEstimate], quantiles: [QuantileEstimate],
                restrictedMean: TimedEstimate?, confidenceLevel: Double) {
        self.profile = profile
        self.dose = dose
        self.stratum = stratum
        self.linearPredictor = linearPredictor
        self.linearPredictorStandardError = linearPredictorStandardError
        self.survival = survival
        self.quantiles = quantiles
        self.restrictedMean = restrictedMean
        self.confidenceLevel = confidenceLevel
    }

    /// This prediction with another restricted mean.
    public func replacingRestrictedMean(_ mean: TimedEstimate?) -> SurvivalProfilePrediction {
        SurvivalProfilePrediction(profile: profile, dose: dose, stratum: stratum, linearPredictor: linearPredictor,
                                  linearPredictorStandardError: linearPredictorStandardError, survival: survival,
                                  quantiles: quantiles, restrictedMean: mean, confidenceLevel: confidenceLevel)
    }

    /// The median (the 0.5 quantile), when it was requested.
    public var median: QuantileEstimate? { quantiles.first { $0.probability == 0.5 } }
}
