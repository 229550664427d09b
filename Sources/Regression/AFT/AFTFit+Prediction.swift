import Foundation
import NumericCore
import Survival

/// Predictions for covariate profiles given by the caller (rows of the design matrix, intercept
/// included; there is never a default "mean patient").
///
/// All standard errors use the delta method with `inferenceVariance` `V` of `θ = (β, log σ)` (the robust
/// variance when the fit has one, as R's `predict.survreg`). With `η = xᵀβ` and `y = log t`:
/// - survival: `S(t|x) = S₀(z)`, `z = (y − η)/σ`, `∂z/∂β = −x/σ`, `∂z/∂log σ = −z`; interval
///   `[S₀(z + c·se(z)), S₀(z − c·se(z))]` (on the `z` scale, so it stays in [0, 1]; for the Weibull it
///   is the log(−log S) interval);
/// - quantile: `log t_p = η + σ F₀⁻¹(p)`, gradient `(x, σ F₀⁻¹(p))`, SE on the time scale `t_p se(log t_p)`
///   (R's `se.fit`), interval `exp(log t_p ± c·se(log t_p))`;
/// - restricted mean: `∫₀^τ S(t|x) dt`, gradient `(x ∫ f₀(z)/σ dt, ∫ f₀(z) z dt)`, interval `± c·se`;
/// where `c = z_{1−α/2}`.
extension AFTFit {
    /// `xᵀβ` for a profile.
    ///
    /// - Parameter profile: A design row of length `p`.
    /// - Returns: The linear predictor (location of `log T`).
    /// - Throws: `.lengthMismatch` or `.nonFiniteValue` for a bad profile.
    /// - Complexity: O(p).
    public func linearPredictor(_ profile: [Double]) throws(StatModelError) -> Double {
        try checkProfile(profile, context: "AFTFit.linearPredictor")
        return zip(profile, coefficients).reduce(0) { $0 + $1.0 * $1.1 }
    }

    /// Predicted survival `S(t | x)` at each time.
    ///
    /// - Parameters:
    ///   - profile: A design row of length `p`.
    ///   - times: Times `≥ 0` (`S(0) = 1` exactly).
    ///   - confidenceLevel: Two-sided level, default the fit's.
    /// - Returns: One prediction per time, in order.
    /// - Throws: `.lengthMismatch`/`.nonFiniteValue` for the profile, `.invalidArgument` for a negative
    ///   or non-finite time or a bad level.
    /// - Complexity: O(p² · times).
    public func predictSurvival(profile: [Double], times: [Double],
                                confidenceLevel: Double? = nil) throws(StatModelError) -> [TimedEstimate] {
        let eta = try linearPredictor(profile)
        return try predictor.survival(location: eta, gradient: profile, times: times, confidenceLevel: confidenceLevel,
                                      context: "AFTFit.predictSurvival")
    }

    /// Predicted quantiles of the survival time (R's `predict(type = "quantile", se.fit = TRUE)`).
    ///
    /// - Parameters:
    ///   - profile: A design row of length `p`.
    ///   - probabilities: Probabilities in (0, 1); 0.5 gives the median.
    ///   - confidenceLevel: Two-sided level, default the fit's.
    /// - Returns: One prediction per probability, in order.
    /// - Throws: As `predictSurvival`, `.invalidArgument` for a probability outside (0, 1).
    /// - Complexity: O(p² · probabilities).
    public func predictQuantiles(profile: [Double], probabilities: [Double] = [0.5],
                                 confidenceLevel: Double? = nil) throws(StatModelError) -> [QuantileEstimate] {
        let eta = try linearPredictor(profile)
        return try predictor.quantiles(location: eta, gradient: profile, probabilities: probabilities,
                                       confidenceLevel: confidenceLevel, context: "AFTFit.predictQuantiles")
    }

    /// The predicted median survival time with its delta-method interval.
    ///
    /// - Parameter profile: A design row of length `p`.
    /// - Returns: The 0.5 quantile.
    /// - Throws: As `predictQuantiles`.
    /// - Complexity: O(p²).
    public func predictMedian(profile: [Double]) throws(StatModelError) -> QuantileEstimate {
        let quantiles = try predictQuantiles(profile: profile, probabilities: [0.5])
        guard let median = quantiles.first else {
            throw .undefinedStatistic(context: "AFTFit.predictMedian", message: "no quantile was computed.")
        }
        return median
    }

    /// The restricted mean survival time `∫₀^τ S(t | x) dt` with a delta-method SE.
    ///
    /// - Parameters:
    ///   - profile: A design row of length `p`.
    ///   - tau: The horizon, finite and `> 0`.
    ///   - confidenceLevel: Two-sided level, default the fit's.
    /// - Returns: The restricted mean, its SE and a symmetric interval.
    /// - Throws: As `predictSurvival`, `.invalidArgument` for a bad `tau`.
    /// - Complexity: a few hundred evaluations of `S₀` and `f₀` (adaptive quadrature), plus O(p²).
    public func predictRestrictedMean(profile: [Double], tau: Double,
                                      confidenceLevel: Double? = nil) throws(StatModelError) -> TimedEstimate {
        let eta = try linearPredictor(profile)
        return try predictor.restrictedMean(location: eta, gradient: profile, tau: tau, confidenceLevel: confidenceLevel,
                                            context: "AFTFit.predictRestrictedMean")
    }

    /// Survival, quantiles and restricted mean for every row of `profiles`.
    ///
    /// - Parameters:
    ///   - profiles: An `m × p` matrix, one covariate profile (design row) per row.
    ///   - times: Times for `S(t | x)`.
    ///   - probabilities: Quantile probabilities (default the median).
    ///   - tau: Horizon of the restricted mean, or nil for none.
    ///   - confidenceLevel: Two-sided level, default the fit's.
    /// - Returns: One prediction per profile.
    /// - Throws: As the single-profile functions; `.lengthMismatch` when `profiles.columns != p`.
    /// - Complexity: O(m · (p² (times + probabilities) + quadrature)).
    public func predict(profiles: Matrix, times: [Double] = [], probabilities: [Double] = [0.5],
                        tau: Double? = nil, confidenceLevel: Double? = nil) throws(StatModelError) -> [SurvivalProfilePrediction] {
        guard profiles.columns == coefficients.count else {
            throw .lengthMismatch(context: "AFTFit.predict", argument: "profiles (columns)",
                                  expected: coefficients.count, found: profiles.columns)
        }
        var result: [SurvivalProfilePrediction] = []
        for i in 0..<profiles.rows {
            let row = (0..<profiles.columns).map { profiles.elements[i + $0 * profiles.rows] }
            let eta = try linearPredictor(row)
            var gradient = row
            if distribution.estimatesScale { gradient.append(0) }
            result.append(SurvivalProfilePrediction(
                profile: row, dose: nil, stratum: nil, linearPredictor: eta,
                linearPredictorStandardError: quadraticForm(gradient).squareRoot(),
                survival: try predictSurvival(profile: row, times: times, confidenceLevel: confidenceLevel),
                quantiles: try predictQuantiles(profile: row, probabilities: probabilities,
                                                confidenceLevel: confidenceLevel),
                restrictedMean: try tau.map { (t: Double) throws(StatModelError) in
                    try predictRestrictedMean(profile: row, tau: t, confidenceLevel: confidenceLevel)
                },
                confidenceLevel: confidenceLevel ?? self.confidenceLevel))
        }
        return result
    }

    /// The delta-method predictor with `inferenceVariance`.
    package var predictor: AFTPredictor {
        AFTPredictor(distribution: distribution, scale: scale, variance: inferenceVariance, confidenceLevel: confidenceLevel)
    }

    /// `gᵀ V g` with `V = inferenceVariance`.
    private func quadraticForm(_ g: [Double]) -> Double { predictor.quadraticForm(g) }

    private func checkProfile(_ profile: [Double], context: String) throws(StatModelError) {
        guard profile.count == coefficients.count else {
            throw .lengthMismatch(context: context, argument: "profile", expected: coefficients.count,
                                  found: profile.count)
        }
        for (i, value) in profile.enumerated() where !value.isFinite {
            throw .nonFiniteValue(context: context, argument: "profile", index: i)
        }
    }
}
