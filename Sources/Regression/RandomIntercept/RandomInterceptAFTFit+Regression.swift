import Foundation
import NumericCore
import Survival

/// A random-intercept AFT fit as a ``SurvivalRegressionFit``: parameters `(β, Log(scale), Log(tau))`,
/// the boundary likelihood-ratio test of `τ = 0`, no predictions yet.
extension RandomInterceptAFTFit: SurvivalRegressionFit {
    /// The distribution's name (`weibull`, `lognormal`, `loglogistic`).
    public var modelName: String { distribution.name }
    /// The term names, `Log(scale)` and `Log(tau)`.
    public var parameterNames: [String] { termNames + ["Log(scale)", "Log(tau)"] }
    /// `(β, log σ, log τ)`.
    public var parameterEstimates: [Double] { parameters }
    /// None.
    public var robustVariance: Matrix? { nil }
    /// The fixed-effects model's log-likelihood (`τ = 0`).
    public var referenceLogLikelihood: Double? { fixedEffectsLogLikelihood }
    /// `p + 2`.
    public var parameterCount: Int { parameters.count }
    /// None (the random intercept replaces clustering).
    public var clusterCount: Int? { nil }
    /// `−2ℓ + 2k`.
    public var aic: Double { -2 * logLikelihood + 2 * Double(parameterCount) }
    /// `−2ℓ + log(n) k`, `n` the episodes.
    public var bic: Double { -2 * logLikelihood + log(Double(n)) * Double(parameterCount) }
    /// The likelihood-ratio test of `τ = 0` (1 df, p-value halved on the boundary).
    public var tests: [RegressionTest] {
        [RegressionTest(kind: .likelihoodRatio, statistic: patientEffectStatistic, degreesOfFreedom: 1,
                        pValue: patientEffectPValue)]
    }
    /// The warnings.
    public var warningMessages: [String] { warnings }
    /// None yet.
    public var predictionCapabilities: PredictionCapabilities { [] }

    public func predict(_ profiles: RegressionProfiles, request: PredictionRequest,
                        data: RegressionData) throws(StatModelError) -> [SurvivalProfilePrediction] {
        throw .invalidArgument(
            context: RandomInterceptAFT.context(distribution),
            message: "predictions from a random-intercept \(distribution.name) model are not built yet; fit without frailty() to predict.")
    }
}
