import Foundation
import NumericCore
import Survival

/// A Cox fit as a ``SurvivalRegressionFit``: R's information criteria for `coxph`, its three global tests
/// and predictions through the baseline hazard (`survfit.coxph`).
extension CoxPHFit: SurvivalRegressionFit {
    /// `"cox"`.
    public var modelName: String { "cox" }

    /// The term names.
    public var parameterNames: [String] { termNames }

    /// The log hazard ratios `β`.
    public var parameterEstimates: [Double] { coefficients }

    /// `log L(0)`, the reference of the likelihood-ratio and score tests.
    public var referenceLogLikelihood: Double? { nullLogLikelihood }

    /// The number of finite coefficients (R's `AIC(coxph)` counts the estimated ones).
    public var parameterCount: Int { coefficients.filter(\.isFinite).count }

    /// R's `AIC(coxph)`: `−2 log L + 2p`.
    public var aic: Double { -2 * logLikelihood + 2 * Double(parameterCount) }

    /// R's `BIC(coxph)`: `−2 log L + log(d) p` with `d` the number of events (NaN without events).
    public var bic: Double {
        events > 0 ? -2 * logLikelihood + log(Double(events)) * Double(parameterCount) : .nan
    }

    /// Likelihood ratio, Wald and score tests, and the robust score test when the variance is robust.
    public var tests: [RegressionTest] {
        var result = [
            RegressionTest(kind: .likelihoodRatio, test: likelihoodRatioTest),
            RegressionTest(kind: .wald, test: waldTest),
            RegressionTest(kind: .score, test: scoreTest),
        ]
        if let robustScoreTest { result.append(RegressionTest(kind: .robustScore, test: robustScoreTest)) }
        return result
    }

    /// Survival, quantiles and restricted mean from the baseline hazard.
    public var predictionCapabilities: PredictionCapabilities { .all }
    /// The curves are the baseline's steps.
    public var predictsStepCurves: Bool { true }

    /// Curves at design profiles as R's `survfit(fit, newdata = profiles)`: the baseline hazard is
    /// rebuilt from `data` (``baselineHazard(x:time:event:strata:weights:)``) and each profile's curve
    /// summarised at the requested times, quantiles (R's `quantile.survfit` rule; the median is
    /// `print.survfit`'s) and restricted mean (interval `± z se(rmean)`).
    ///
    /// - Parameters:
    ///   - profiles: Design rows without intercept; `strata` required when the fit has several strata.
    ///   - request: Times, probabilities, horizon, level.
    ///   - data: The data of the fit.
    /// - Returns: One prediction per profile.
    /// - Throws: As ``CoxBaselineHazard/predict(profile:stratum:times:tau:confidenceLevel:)``;
    ///   `.invalidArgument` for a dose or a probability outside (0, 1).
    /// - Complexity: O(n log n) for the baseline, then O(T p²) per profile.
    public func predict(_ profiles: RegressionProfiles, request: PredictionRequest,
                        data: RegressionData) throws(StatModelError) -> [SurvivalProfilePrediction] {
        let context = CoxBaselineHazard.predictContext
        try CoxBaselineHazard.check(profiles, request, context: context)
        if let strata = profiles.strata, strata.count != profiles.count {
            throw .lengthMismatch(context: context, argument: "strata", expected: profiles.count, found: strata.count)
        }
        let baseline = try baselineHazard(x: data.x, time: data.time, event: data.event, strata: data.strata,
                                          weights: data.weights, start: data.start)
        var result: [SurvivalProfilePrediction] = []
        for index in 0..<profiles.count {
            let curve = try baseline.predict(profile: profiles.row(index), stratum: profiles.strata?[index], times: request.times,
                                             tau: request.tau, confidenceLevel: request.confidenceLevel)
            result.append(curve.profilePrediction(probabilities: request.probabilities))
        }
        return result
    }
}
