import Foundation
import NumericCore
import Survival

/// A new patient's (marginal) predictions from a random-intercept AFT fit: the patient's intercept
/// `b ~ N(0, τ²)` integrated out of `S₀((g(t) − xᵀβ − b)/σ)` by a 40-node Gauss–Hermite rule, with
/// delta-method SEs from central-difference gradients in `(β, log σ, log τ)`.
struct RandomInterceptMarginal {
    let fit: RandomInterceptAFTFit
    /// The rule's nodes scaled for `N(0, 1)` (`√2 x`) and weights divided by `√π`.
    let nodes: [Double]
    let weights: [Double]

    init(fit: RandomInterceptAFTFit) {
        self.fit = fit
        let rule = (try? GaussHermite(nodes: 40)) ?? (try? GaussHermite(nodes: 1))
        nodes = (rule?.nodes ?? [0]).map { $0 * 2.0.squareRoot() }
        weights = (rule?.weights ?? [Double.pi.squareRoot()]).map { $0 / Double.pi.squareRoot() }
    }

    /// `S(t | x)` at parameters `theta = (β, log σ, log τ)`.
    func survival(_ theta: [Double], row: [Double], at t: Double) -> Double {
        let p = fit.coefficientCount
        let y = fit.distribution.transform.forward(t)
        guard y.isFinite else { return y < 0 ? 1 : 0 }
        let mu = zip(row, theta.prefix(p)).reduce(0) { $0 + $1.0 * $1.1 }
        let sigma = exp(theta[p]), tau = exp(theta[p + 1])
        var total = 0.0
        for (u, w) in zip(nodes, weights) { total += w * fit.distribution.family.survival((y - mu - tau * u) / sigma) }
        return min(max(total, 0), 1)
    }

    /// The `q` quantile's `g(t)` (S = 1 − q) by bisection on the transformed time.
    func quantile(_ theta: [Double], row: [Double], probability q: Double) -> Double {
        let p = fit.coefficientCount
        let mu = zip(row, theta.prefix(p)).reduce(0) { $0 + $1.0 * $1.1 }
        let spread = 60 * (exp(theta[p]) + exp(theta[p + 1]))
        var low = mu - spread, high = mu + spread
        let transform = fit.distribution.transform
        for _ in 0..<200 where high - low > 1e-13 * max(1, abs(mu)) {
            let middle = (low + high) / 2
            if survival(theta, row: row, at: transform.inverse(middle)) > 1 - q { low = middle } else { high = middle }
        }
        return (low + high) / 2
    }

    /// `∫₀^τ S(t | x) dt`.
    func restrictedMean(_ theta: [Double], row: [Double], tau: Double) -> Double {
        let p = fit.coefficientCount
        let mu = zip(row, theta.prefix(p)).reduce(0) { $0 + $1.0 * $1.1 }
        let spread = exp(theta[p]) + exp(theta[p + 1])
        let breaks = [-3.0, -2, -1, 0, 1, 2, 3].map { fit.distribution.transform.inverse(mu + spread * $0) }
        return AdaptiveQuadrature().integrate(0, tau, breaks: breaks, count: 1) { [survival(theta, row: row, at: $0)] }[0]
    }

    /// `value(θ̂)` and its delta-method SE (``PatientVariationFit/deltaMethod(_:)``).
    func estimate(_ value: ([Double]) -> Double) -> (estimate: Double, standardError: Double) { fit.deltaMethod(value) }

    /// The marginal prediction at one design row.
    func prediction(_ row: [Double], request: PredictionRequest, context: String) throws(StatModelError) -> SurvivalProfilePrediction {
        let z = Normal.quantile(0.5 + request.confidenceLevel / 2)
        let atTimes = request.times.map { t -> TimedEstimate in
            let (s, se) = estimate { self.survival($0, row: row, at: t) }
            guard s > 0, s < 1 else { return TimedEstimate(time: t, estimate: s, standardError: se, lower: s, upper: s) }
            // On the family's standardised scale, as the AFT's own intervals: w = S₀⁻¹(S), se(w) = se(S)/f₀(w).
            let family = fit.distribution.family
            let w = family.quantile(1 - s)
            let spread = z * se / family.density(w)
            return TimedEstimate(time: t, estimate: s, standardError: se, lower: family.survival(w + spread),
                                 upper: family.survival(w - spread))
        }
        let transform = fit.distribution.transform
        let quantiles = request.probabilities.map { q -> QuantileEstimate in
            let (y, se) = estimate { quantile($0, row: row, probability: q) }
            let t = transform.inverse(y)
            return QuantileEstimate(probability: q, estimate: t, lower: transform.inverse(y - z * se), upper: transform.inverse(y + z * se),
                                    standardError: se / exp(transform.logDerivative(t)))
        }
        let mean = request.tau.map { tau -> TimedEstimate in
            let (m, se) = estimate { restrictedMean($0, row: row, tau: tau) }
            return TimedEstimate(time: tau, estimate: m, standardError: se, lower: m - z * se, upper: m + z * se)
        }
        return fit.profilePrediction(row, survival: atTimes, quantiles: quantiles, restrictedMean: mean,
                                     confidenceLevel: request.confidenceLevel)
    }
}
