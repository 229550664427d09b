import Foundation
import NumericCore
import Regression
import Survival

/// The profile-likelihood interval of `ED50`: on `ψ = log ED50`, `ℓ_p(ψ) = max_{other θ} ℓ(θ | ψ)`
/// (warm-started ``DampedNewton`` with `ψ` fixed); each side steps out from `ψ̂` by `max(0.05, se(ψ̂))`,
/// doubling, until `ℓ_p` falls below `ℓ_max − χ²₁(level)/2` or the search bound is reached (open side),
/// then bisects to `|Δψ| ≤ 1e-3` (0.1% in ED50).
package enum EmaxAFTProfile {
    /// - Parameters:
    ///   - likelihood: The Emax AFT likelihood.
    ///   - newton: The optimiser of the fit.
    ///   - estimate: `θ̂` (with `log σ` when estimated).
    ///   - logLikelihood: `ℓ(θ̂)`.
    ///   - standardError: `se(log ED50)`.
    ///   - level: The confidence level.
    ///   - bounds: The ED50 search box.
    /// - Returns: The interval (a side is nil when open).
    /// - Throws: The likelihood's errors.
    /// - Complexity: About 20–40 warm-started maximisations.
    package static func interval(likelihood: inout AFTLikelihood<EmaxLocation>, newton: DampedNewton,
                                 estimate: [Double], logLikelihood: Double, standardError: Double, level: Double,
                                 bounds: (Double, Double)) throws(StatModelError) -> EmaxAFTProfileInterval {
        let index = 2
        let cutoff = logLikelihood - ChiSquared(degreesOfFreedom: 1).quantile(level) / 2
        let center = estimate[index]
        let initialStep = max(0.05, standardError.isFinite ? standardError : 0.05)
        var limits: [Double?] = []
        for direction in [-1.0, 1.0] {
            let bound = direction < 0 ? log(bounds.0) : log(bounds.1)
            var inside = (psi: center, theta: estimate)
            var outside: Double?
            var stepSize = initialStep
            while outside == nil {
                var psi = inside.psi + direction * stepSize
                let atBound = direction < 0 ? psi <= bound : psi >= bound
                if atBound { psi = bound }
                let value = try profile(&likelihood, newton, inside.theta, psi: psi, index: index)
                if value.logLikelihood < cutoff {
                    outside = psi
                } else {
                    inside = (psi, value.theta)
                    if atBound { break }
                    stepSize *= 2
                }
            }
            guard var out = outside else {
                limits.append(nil)
                continue
            }
            for _ in 0..<40 where abs(out - inside.psi) > 1e-3 {
                let mid = (out + inside.psi) / 2
                let value = try profile(&likelihood, newton, inside.theta, psi: mid, index: index)
                if value.logLikelihood < cutoff { out = mid } else { inside = (mid, value.theta) }
            }
            // Linear interpolation of ℓ_p between the bracketing points.
            let lIn = try profile(&likelihood, newton, inside.theta, psi: inside.psi, index: index)
            let lOut = try profile(&likelihood, newton, inside.theta, psi: out, index: index)
            let denominator = lIn.logLikelihood - lOut.logLikelihood
            let t = denominator > 0 ? min(max((lIn.logLikelihood - cutoff) / denominator, 0), 1) : 0.5
            limits.append(exp(inside.psi + t * (out - inside.psi)))
        }
        return EmaxAFTProfileInterval(lower: limits[0], upper: limits[1], level: level)
    }

    /// `ℓ_p(ψ)` and the maximising `θ`, warm-started at `start`.
    private static func profile(_ likelihood: inout AFTLikelihood<EmaxLocation>, _ newton: DampedNewton,
                                _ start: [Double], psi: Double, index: Int) throws(StatModelError)
        -> (logLikelihood: Double, theta: [Double]) {
        var theta = start
        theta[index] = psi
        guard (try? likelihood.value(at: theta))?.isFinite ?? false else {
            return (-.infinity, start)
        }
        let outcome = try AFTEstimator<EmaxLocation>.maximize(&likelihood, newton: newton, from: theta, fixed: [index])
        return (outcome.evaluation.value, outcome.parameters)
    }
}
