import Foundation
import NumericCore
import Survival

/// The closed-form survival curves of a gamma-frailty Weibull fit at one design row, as functions of
/// the parameters `(β, log σ, log θ)`, with delta-method SEs (central differences, step
/// `10⁻⁵ · max(1, |θⱼ|)`).
///
/// With `H(t) = exp((log t − xᵀβ)/σ)` and the frailty's distribution `Gamma(shape a, rate b)`,
/// `S(t) = E[exp(−Z H(t))] = (1 + H(t)/b)^{−a}`: for a new patient the prior, `a = b = 1/θ`, so
/// `S(t) = (1 + θ H(t))^{−1/θ}`; for a patient of the fit the posterior, `a = 1/θ + dᵢ`,
/// `b = 1/θ + Σⱼ Hᵢⱼ` (the posterior-predictive curve of the patient's next episode). Quantiles are
/// closed form, `log t_q = xᵀβ + σ log(b · expm1(−log(1 − q)/a))`; the restricted mean is integrated.
struct GammaFrailtyCurve {
    let fit: GammaFrailtyAFTFit
    let row: [Double]
    /// The patient's episodes (nil: a new patient).
    let history: GammaFrailtyEpisodes?

    /// `(η, σ, a, b)` at `theta`.
    func terms(_ theta: [Double]) -> (eta: Double, sigma: Double, shape: Double, rate: Double) {
        let p = fit.coefficientCount
        let eta = zip(row, theta.prefix(p)).reduce(0) { $0 + $1.0 * $1.1 }
        let prior = exp(-theta[p + 1])
        guard let history else { return (eta, exp(theta[p]), prior, prior) }
        let sum = history.cumulativeHazards(beta: Array(theta.prefix(p)), logScale: theta[p]).first ?? 0
        return (eta, exp(theta[p]), prior + Double(history.events.first ?? 0), prior + sum)
    }

    /// `S(t)` at `theta`.
    func survival(_ theta: [Double], at t: Double) -> Double {
        guard t > 0 else { return 1 }
        let c = terms(theta)
        let h = exp((log(t) - c.eta) / c.sigma)
        return exp(-c.shape * log1p(h / c.rate))
    }

    /// The `q` quantile's log time at `theta`.
    func logQuantile(_ theta: [Double], probability q: Double) -> Double {
        let c = terms(theta)
        return c.eta + c.sigma * log(c.rate * expm1(-log1p(-q) / c.shape))
    }

    /// `∫₀^τ S(t) dt` at `theta`.
    func restrictedMean(_ theta: [Double], tau: Double) -> Double {
        let breaks = [0.1, 0.25, 0.5, 0.75, 0.9].map { exp(logQuantile(theta, probability: $0)) }.filter { $0 > 0 && $0 < tau }
        return AdaptiveQuadrature().integrate(0, tau, breaks: breaks, count: 1) { [survival(theta, at: $0)] }[0]
    }

    /// `value(θ̂)` and its delta-method SE (``PatientVariationFit/deltaMethod(_:)``).
    func estimate(_ value: ([Double]) -> Double) -> (estimate: Double, standardError: Double) { fit.deltaMethod(value) }

    /// The prediction: survival intervals on the complementary log-log scale (the Weibull's standardised
    /// scale), quantile intervals on log time, restricted-mean intervals `± z se`.
    func prediction(_ request: PredictionRequest) -> SurvivalProfilePrediction {
        let z = Normal.quantile(0.5 + request.confidenceLevel / 2)
        let family = AFTDistribution.weibull.family
        let atTimes = request.times.map { t -> TimedEstimate in
            let (s, se) = estimate { survival($0, at: t) }
            guard s > 0, s < 1 else { return TimedEstimate(time: t, estimate: s, standardError: se, lower: s, upper: s) }
            let w = family.quantile(1 - s)
            let spread = z * se / family.density(w)
            return TimedEstimate(time: t, estimate: s, standardError: se, lower: family.survival(w + spread),
                                 upper: family.survival(w - spread))
        }
        let quantiles = request.probabilities.map { q -> QuantileEstimate in
            let (y, se) = estimate { logQuantile($0, probability: q) }
            let t = exp(y)
            return QuantileEstimate(probability: q, estimate: t, lower: exp(y - z * se), upper: exp(y + z * se), standardError: se * t)
        }
        let mean = request.tau.map { tau -> TimedEstimate in
            let (m, se) = estimate { restrictedMean($0, tau: tau) }
            return TimedEstimate(time: tau, estimate: m, standardError: se, lower: m - z * se, upper: m + z * se)
        }
        return fit.profilePrediction(row, survival: atTimes, quantiles: quantiles, restrictedMean: mean,
                                     confidenceLevel: request.confidenceLevel)
    }
}
