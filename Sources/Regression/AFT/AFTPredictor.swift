import Foundation
import NumericCore
import Survival

/// Delta-method predictions of an AFT model at one location `μ` with gradient `∂μ/∂θ`, for any location
/// model (``AFTFit`` passes `μ = xᵀβ`, `∂μ/∂β = x`; the Emax fit its curve's location).
///
/// With `V` the inference variance of `(θ, log σ)` and `c = z_{1−α/2}`:
/// - survival: `S(t) = S₀(z)`, `z = (g(t) − μ)/σ`, `∂z/∂θ = −(∂μ/∂θ)/σ`, `∂z/∂log σ = −z`; interval
///   `[S₀(z + c·se(z)), S₀(z − c·se(z))]`;
/// - quantile: `g(t_p) = μ + σ F₀⁻¹(p)`, gradient `(∂μ/∂θ, σ F₀⁻¹(p))`, interval `g⁻¹(g(t_p) ± c·se)`;
/// - restricted mean: `∫₀^τ S(t) dt`, gradient `((∂μ/∂θ) ∫ f₀(z)/σ dt, ∫ f₀(z) z dt)`, interval `± c·se`.
package struct AFTPredictor: Sendable {
    /// The distribution.
    package let distribution: AFTDistribution
    /// `σ`.
    package let scale: Double
    /// The inference variance of `(θ, log σ)` (robust when present).
    package let variance: Matrix
    /// The default level.
    package let confidenceLevel: Double

    /// Creates a predictor.
    package init(distribution: AFTDistribution, scale: Double, variance: Matrix, confidenceLevel: Double) {
        self.distribution = distribution
        self.scale = scale
        self.variance = variance
        self.confidenceLevel = confidenceLevel
    }

    /// `S(t)` at each time.
    ///
    /// - Throws: `.invalidArgument` for a negative or non-finite time or a bad level.
    /// - Complexity: O(k² · times).
    package func survival(location eta: Double, gradient locationGradient: [Double], times: [Double],
                          confidenceLevel level: Double?, context: String) throws(StatModelError) -> [TimedEstimate] {
        let c = try critical(level, context: context)
        let family = distribution.family
        var result: [TimedEstimate] = []
        for t in times {
            guard t.isFinite, t >= 0 else {
                throw .invalidArgument(context: context, message: "time \(t) is not a finite value >= 0.")
            }
            let y = distribution.transform.forward(t)
            guard y.isFinite else {
                result.append(TimedEstimate(time: t, estimate: 1, standardError: 0, lower: 1, upper: 1))
                continue
            }
            let z = (y - eta) / scale
            var gradient = locationGradient.map { -$0 / scale }
            if distribution.estimatesScale { gradient.append(-z) }
            let seZ = quadraticForm(gradient).squareRoot()
            result.append(TimedEstimate(
                time: t, estimate: family.survival(z), standardError: family.density(z) * seZ,
                lower: family.survival(z + c * seZ), upper: family.survival(z - c * seZ)))
        }
        return result
    }

    /// Quantiles of `T`.
    ///
    /// - Throws: `.invalidArgument` for a probability outside (0, 1) or a bad level.
    /// - Complexity: O(k² · probabilities).
    package func quantiles(location eta: Double, gradient locationGradient: [Double], probabilities: [Double],
                           confidenceLevel level: Double?, context: String) throws(StatModelError) -> [QuantileEstimate] {
        let c = try critical(level, context: context)
        let transform = distribution.transform
        var result: [QuantileEstimate] = []
        for p in probabilities {
            guard p > 0, p < 1 else {
                throw .invalidArgument(context: context, message: "probability \(p) is outside (0, 1).")
            }
            let q = distribution.family.quantile(p)
            let y = eta + scale * q
            var gradient = locationGradient
            if distribution.estimatesScale { gradient.append(q * scale) }
            let seY = quadraticForm(gradient).squareRoot()
            let t = transform.inverse(y)
            result.append(QuantileEstimate(
                probability: p, estimate: t, lower: transform.inverse(y - c * seY), upper: transform.inverse(y + c * seY),
                standardError: seY / exp(transform.logDerivative(t))))
        }
        return result
    }

    /// The restricted mean `∫₀^τ S(t) dt` (adaptive quadrature with the distribution's quantiles as breaks).
    ///
    /// - Throws: `.invalidArgument` for a bad `tau` or level.
    /// - Complexity: a few hundred evaluations of `S₀` and `f₀`, plus O(k²).
    package func restrictedMean(location eta: Double, gradient locationGradient: [Double], tau: Double,
                                confidenceLevel level: Double?, context: String) throws(StatModelError) -> TimedEstimate {
        let c = try critical(level, context: context)
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
        var gradient = locationGradient.map { $0 * integrals[1] }
        if distribution.estimatesScale { gradient.append(integrals[2]) }
        let se = quadraticForm(gradient).squareRoot()
        return TimedEstimate(time: tau, estimate: integrals[0], standardError: se,
                             lower: integrals[0] - c * se, upper: integrals[0] + c * se)
    }

    /// `gᵀ V g` over the leading entries of `V` (clamped at 0).
    package func quadraticForm(_ g: [Double]) -> Double {
        var total = 0.0
        for j in g.indices where j < variance.columns {
            for i in g.indices where i < variance.rows { total += g[i] * variance[i, j] * g[j] }
        }
        return max(total, 0)
    }

    /// `z_{1−α/2}` for the level (default this predictor's).
    package func critical(_ level: Double?, context: String) throws(StatModelError) -> Double {
        let level = level ?? confidenceLevel
        guard level > 0, level < 1 else {
            throw .invalidArgument(context: context, message: "confidence level \(level) is outside (0, 1).")
        }
        return Normal.quantile(0.5 + level / 2)
    }
}
