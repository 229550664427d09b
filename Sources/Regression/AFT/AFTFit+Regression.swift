import NumericCore
import Survival

/// A parametric AFT fit as a ``SurvivalRegressionFit``: parameters `(β, Log(scale))`, the likelihood-ratio
/// test against the intercept-only model and delta-method predictions (R's `predict.survreg`).
extension AFTFit: SurvivalRegressionFit {
    /// The distribution's name (`weibull`, …).
    public var modelName: String { distribution.name }

    /// The term names, then `Log(scale)` when the scale is estimated (R's `names(coef)` and `Log(scale)`).
    public var parameterNames: [String] { termNames + (distribution.estimatesScale ? ["Log(scale)"] : []) }

    /// `(β, log σ)`.
    public var parameterEstimates: [Double] { parameters }

    /// The intercept-only log-likelihood (R's `fit$loglik[1]`).
    public var referenceLogLikelihood: Double? { nullLogLikelihood }

    /// The likelihood-ratio test against the intercept-only model.
    public var tests: [RegressionTest] {
        [RegressionTest(kind: .likelihoodRatio, statistic: likelihoodRatioTest.statistic,
                        degreesOfFreedom: likelihoodRatioTest.degreesOfFreedom, pValue: likelihoodRatioTest.pValue)]
    }

    /// The warnings.
    public var warningMessages: [String] { warnings }

    /// Survival, quantiles and restricted mean.
    public var predictionCapabilities: PredictionCapabilities { .all }

    /// Delta-method predictions at design rows (intercept included), as
    /// ``predict(profiles:times:probabilities:tau:confidenceLevel:)``.
    ///
    /// - Parameters:
    ///   - profiles: Design rows; no dose or strata.
    ///   - request: Times, probabilities, horizon, level.
    ///   - data: Not needed (the fit carries everything).
    /// - Returns: One prediction per profile.
    /// - Throws: As ``predict(profiles:times:probabilities:tau:confidenceLevel:)``; `.invalidArgument` for a
    ///   dose or strata.
    /// - Complexity: O(m · (p² (times + probabilities) + quadrature)).
    public func predict(_ profiles: RegressionProfiles, request: PredictionRequest,
                        data: RegressionData) throws(StatModelError) -> [SurvivalProfilePrediction] {
        guard profiles.dose == nil, profiles.strata == nil else {
            throw .invalidArgument(context: "AFTFit.predict", message: "a \(distribution.name) model has no dose or strata "
                + "role; give those columns in the design rows.")
        }
        return try predict(profiles: profiles.x, times: request.times, probabilities: request.probabilities,
                           tau: request.tau, confidenceLevel: request.confidenceLevel)
    }
}
