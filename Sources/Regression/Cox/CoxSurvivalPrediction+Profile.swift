import NumericCore
import Survival

extension CoxSurvivalPrediction {
    /// The curve's summaries in the protocol's shape: survival at the times, quantiles (R's
    /// `quantile.survfit` rule; the median is `print.survfit`'s) and the restricted mean with `± z se`.
    /// - Parameters:
    ///   - probabilities: Quantile probabilities in (0, 1).
    ///   - row: The design row to report (default the curve's profile).
    /// - Returns: The prediction at this curve's profile.
    package func profilePrediction(probabilities: [Double], row: [Double]? = nil) -> SurvivalProfilePrediction {
        let z = Normal.quantile(0.5 + confidenceLevel / 2)
        let quantiles = probabilities.map { p -> QuantileEstimate in
            if p == 0.5 { return median }
            return QuantileEstimate(
                probability: p, estimate: CoxBaselineHazard.firstBelow(1 - p, survival, times: times),
                lower: CoxBaselineHazard.firstBelow(1 - p, lower, times: times),
                upper: CoxBaselineHazard.firstBelow(1 - p, upper, times: times))
        }
        let atTimes = survivalAtTimes.map {
            TimedEstimate(time: $0.time, estimate: $0.estimate, standardError: $0.standardError,
                          lower: $0.lower ?? $0.estimate, upper: $0.upper ?? $0.estimate)
        }
        let mean = restrictedMean.map {
            TimedEstimate(time: $0.tau, estimate: $0.estimate, standardError: $0.standardError,
                          lower: $0.estimate - z * $0.standardError, upper: $0.estimate + z * $0.standardError)
        }
        return SurvivalProfilePrediction(
            profile: row ?? profile, dose: nil, stratum: stratum, linearPredictor: linearPredictor,
            linearPredictorStandardError: linearPredictorStandardError, survival: atTimes,
            quantiles: quantiles, restrictedMean: mean, confidenceLevel: confidenceLevel)
    }
}
