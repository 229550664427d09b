import NumericCore
import Regression
import Survival

/// An Emax AFT fit as a ``SurvivalRegressionFit``: `θ = (log E0, Emax, log ED50, [log h], b, Log(scale))`
/// and predictions at dose and covariate profiles.
///
/// Its ``logLikelihood`` (and so ``aic``/``bic``) is on the `log t` scale, as `relief fit emax` reports it;
/// compare with the AFT families through ``timeScaleLogLikelihood``.
extension EmaxAFTFit: SurvivalRegressionFit {
    /// `emax` or `sigemax`.
    public var modelName: String { curve.rawValue }

    /// `log(e0)`, `eMax`, `log(ed50)`, [`log(h)`], the covariates, `Log(scale)` (fixed for the exponential).
    public var parameterNames: [String] {
        ["log(e0)", "eMax", "log(ed50)"] + (curve == .sigmoidEmax ? ["log(h)"] : []) + termNames + ["Log(scale)"]
    }

    /// `theta`.
    public var parameterEstimates: [Double] { theta }

    /// None (no reference model is fitted).
    public var referenceLogLikelihood: Double? { nil }

    /// None.
    public var tests: [RegressionTest] { [] }

    /// The warnings.
    public var warningMessages: [String] { warnings }

    /// Survival, quantiles and restricted mean.
    public var predictionCapabilities: PredictionCapabilities { .all }

    /// Predictions at dose and covariate profiles (``predict(dose:covariates:times:probabilities:tau:confidenceLevel:)``).
    ///
    /// - Parameters:
    ///   - profiles: Covariate rows without intercept, with the dose of each (required).
    ///   - request: Times, probabilities, horizon, level.
    ///   - data: Not needed.
    /// - Returns: One prediction per profile.
    /// - Throws: `.invalidArgument` without doses or with strata; as the single-profile prediction.
    /// - Complexity: As the single-profile prediction, per profile.
    public func predict(_ profiles: RegressionProfiles, request: PredictionRequest,
                        data: RegressionData) throws(StatModelError) -> [SurvivalProfilePrediction] {
        let context = "EmaxAFTFit.predict"
        guard let doses = profiles.dose, doses.count == profiles.count else {
            throw .invalidArgument(context: context, message: "give the dose of every profile (RegressionProfiles.dose).")
        }
        guard profiles.strata == nil else {
            throw .invalidArgument(context: context, message: "the \(curve.rawValue) model has no strata.")
        }
        var result: [SurvivalProfilePrediction] = []
        for index in 0..<profiles.count {
            result.append(try predict(dose: doses[index], covariates: profiles.row(index), times: request.times,
                                      probabilities: request.probabilities, tau: request.tau,
                                      confidenceLevel: request.confidenceLevel))
        }
        return result
    }
}
