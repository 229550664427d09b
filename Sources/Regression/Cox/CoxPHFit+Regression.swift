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
        if profiles.dose != nil {
            throw .invalidArgument(context: context, message: "a Cox model has no dose role; give the dose in the design row.")
        }
        for p in request.probabilities where !(p > 0 && p < 1) {
            throw .invalidArgument(context: context, message: "probability \(p) is outside (0, 1).")
        }
        if let strata = profiles.strata, strata.count != profiles.count {
            throw .lengthMismatch(context: context, argument: "strata", expected: profiles.count, found: strata.count)
        }
        let baseline = try baselineHazard(x: data.x, time: data.time, event: data.event, strata: data.strata,
                                          weights: data.weights, start: data.start)
        let z = Normal.quantile(0.5 + request.confidenceLevel / 2)
        var result: [SurvivalProfilePrediction] = []
        for index in 0..<profiles.count {
            let row = profiles.row(index)
            let curve = try baseline.predict(profile: row, stratum: profiles.strata?[index], times: request.times,
                                             tau: request.tau, confidenceLevel: request.confidenceLevel)
            let quantiles = request.probabilities.map { p -> QuantileEstimate in
                if p == 0.5 { return curve.median }
                return QuantileEstimate(
                    probability: p, estimate: CoxBaselineHazard.firstBelow(1 - p, curve.survival, times: curve.times),
                    lower: CoxBaselineHazard.firstBelow(1 - p, curve.lower, times: curve.times),
                    upper: CoxBaselineHazard.firstBelow(1 - p, curve.upper, times: curve.times))
            }
            let survival = curve.survivalAtTimes.map {
                TimedEstimate(time: $0.time, estimate: $0.estimate, standardError: $0.standardError,
                              lower: $0.lower ?? $0.estimate, upper: $0.upper ?? $0.estimate)
            }
            let mean = curve.restrictedMean.map {
                TimedEstimate(
                    time: $0.tau, estimate: $0.estimate, standardError: $0.standardError,
                    lower: $0.estimate - z * $0.standardError, upper: $0.estimate + z * $0.standardError)
            }
            result.append(SurvivalProfilePrediction(
                profile: row, dose: nil, stratum: curve.stratum, linearPredictor: curve.linearPredictor,
                linearPredictorStandardError: curve.linearPredictorStandardError, survival: survival,
                quantiles: quantiles, restrictedMean: mean, confidenceLevel: request.confidenceLevel))
        }
        return result
    }
}
