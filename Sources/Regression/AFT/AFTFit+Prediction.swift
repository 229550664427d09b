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
                                confidenceLevel: Double? = nil) throws(StatModelError) -> [AFTSurvivalPrediction] {
        let context = "AFTFit.predictSurvival"
        let eta = try linearPredictor(profile)
        let c = try critical(confidenceLevel, context: context)
        let family = distribution.family
        var result: [AFTSurvivalPrediction] = []
        for t in times {
            guard t.isFinite, t >= 0 else {
                throw .invalidArgument(context: context, message: "time \(t) is not a finite value >= 0.")
            }
            let y = distribution.transform.forward(t)
            guard y.isFinite else {
                result.append(AFTSurvivalPrediction(time: t, survival: 1, standardError: 0, lower: 1, upper: 1))
                continue
            }
            let z = (y - eta) / scale
            var gradient = profile.map { -$0 / scale }
            if distribution.estimatesScale { gradient.append(-z) }
            let seZ = quadraticForm(gradient).squareRoot()
            result.append(AFTSurvivalPrediction(
                time: t, survival: family.survival(z), standardError: family.density(z) * seZ,
                lower: family.survival(z + c * seZ), upper: family.survival(z - c * seZ)))
        }
        return result
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
                                 confidenceLevel: Double? = nil) throws(StatModelError) -> [AFTQuantilePrediction] {
        let context = "AFTFit.predictQuantiles"
        let eta = try linearPredictor(profile)
        let c = try critical(confidenceLevel, context: context)
        let transform = distribution.transform
        var result: [AFTQuantilePrediction] = []
        for p in probabilities {
            guard p > 0, p < 1 else {
                throw .invalidArgument(context: context, message: "probability \(p) is outside (0, 1).")
            }
            let q = distribution.family.quantile(p)
            let y = eta + scale * q
            var gradient = profile
            if distribution.estimatesScale { gradient.append(q * scale) }
            let seY = quadraticForm(gradient).squareRoot()
            let t = transform.inverse(y)
            result.append(AFTQuantilePrediction(
                probability: p, estimate: t, standardError: seY / exp(transform.logDerivative(t)),
                logStandardError: seY, lower: transform.inverse(y - c * seY), upper: transform.inverse(y + c * seY)))
        }
        return result
    }

    /// The predicted median survival time with its delta-method interval.
    ///
    /// - Parameter profile: A design row of length `p`.
    /// - Returns: The 0.5 quantile.
    /// - Throws: As `predictQuantiles`.
    /// - Complexity: O(p²).
    public func predictMedian(profile: [Double]) throws(StatModelError) -> AFTQuantilePrediction {
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
                                      confidenceLevel: Double? = nil) throws(StatModelError) -> AFTRestrictedMeanPrediction {
        let context = "AFTFit.predictRestrictedMean"
        let eta = try linearPredictor(profile)
        let c = try critical(confidenceLevel, context: context)
        guard tau.isFinite, tau > 0 else {
            throw .invalidArgument(context: context, message: "tau \(tau) must be a finite time > 0.")
        }
        let family = distribution.family
        let transform = distribution.transform
        let sigma = scale
        let breaks = [1e-4, 0.01, 0.1, 0.25, 0.5, 0.75, 0.9, 0.99].map {
            transform.inverse(eta + sigma * family.quantile($0))
        }
        let integrals = AdaptiveQuadrature().integrate(0, tau, breaks: breaks, count: 3) { t in
            let z = (transform.forward(t) - eta) / sigma
            guard z.isFinite else { return [z < 0 ? 1 : 0, 0, 0] }
            let density = family.density(z)
            return [family.survival(z), density / sigma, density * z]
        }
        var gradient = profile.map { $0 * integrals[1] }
        if distribution.estimatesScale { gradient.append(integrals[2]) }
        let se = quadraticForm(gradient).squareRoot()
        return AFTRestrictedMeanPrediction(tau: tau, estimate: integrals[0], standardError: se,
                                           lower: integrals[0] - c * se, upper: integrals[0] + c * se)
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
                        tau: Double? = nil, confidenceLevel: Double? = nil) throws(StatModelError) -> [AFTProfilePrediction] {
        guard profiles.columns == coefficients.count else {
            throw .lengthMismatch(context: "AFTFit.predict", argument: "profiles (columns)",
                                  expected: coefficients.count, found: profiles.columns)
        }
        var result: [AFTProfilePrediction] = []
        for i in 0..<profiles.rows {
            let row = (0..<profiles.columns).map { profiles.elements[i + $0 * profiles.rows] }
            let eta = try linearPredictor(row)
            var gradient = row
            if distribution.estimatesScale { gradient.append(0) }
            result.append(AFTProfilePrediction(
                profile: row, linearPredictor: eta, linearPredictorStandardError: quadraticForm(gradient).squareRoot(),
                survival: try predictSurvival(profile: row, times: times, confidenceLevel: confidenceLevel),
                quantiles: try predictQuantiles(profile: row, probabilities: probabilities,
                                                confidenceLevel: confidenceLevel),
                restrictedMean: try tau.map { (t: Double) throws(StatModelError) in
                    try predictRestrictedMean(profile: row, tau: t, confidenceLevel: confidenceLevel)
                }))
        }
        return result
    }

    /// `gᵀ V g` with `V = inferenceVariance`.
    private func quadraticForm(_ g: [Double]) -> Double {
        let v = inferenceVariance
        var total = 0.0
        for j in g.indices {
            for i in g.indices { total += g[i] * v[i, j] * g[j] }
        }
        return max(total, 0)
    }

    private func checkProfile(_ profile: [Double], context: String) throws(StatModelError) {
        guard profile.count == coefficients.count else {
            throw .lengthMismatch(context: context, argument: "profile", expected: coefficients.count,
                                  found: profile.count)
        }
        for (i, value) in profile.enumerated() where !value.isFinite {
            throw .nonFiniteValue(context: context, argument: "profile", index: i)
        }
    }

    private func critical(_ level: Double?, context: String) throws(StatModelError) -> Double {
        let level = level ?? confidenceLevel
        guard level > 0, level < 1 else {
            throw .invalidArgument(context: context, message: "confidence level \(level) is outside (0, 1).")
        }
        return Normal.quantile(0.5 + level / 2)
    }
}
