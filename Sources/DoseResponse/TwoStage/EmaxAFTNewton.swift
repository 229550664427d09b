import Foundation
import NumericCore
import Survival

/// Damped Newton maximisation of an `EmaxAFTLikelihood` over the parameters not in `fixed` (the profile
/// likelihood fixes `log ED50`; a fixed-scale distribution fixes `log σ`).
///
/// Each iteration solves `I_ff δ = U_f` by Cholesky; when `I_ff` is not positive definite a
/// Levenberg–Marquardt ridge `λ·diag(I_ff)` (λ = 1e-4, ×10 until it factors) is added. The step is
/// halved (up to 40 times) until `ℓ` does not decrease, and the box bounds on `log ED50` and `log h`
/// are enforced by clipping. Converged when the Newton decrement `U_fᵀ δ / 2 ≤ tolerance`.
package struct EmaxAFTNewton {
    package let maxIterations: Int
    package let tolerance: Double
    /// `(index, lower, upper)` boxes on the unconstrained scale.
    package let bounds: [(index: Int, lower: Double, upper: Double)]

    package struct Outcome {
        package var parameters: [Double]
        package var logLikelihood: Double
        package var score: [Double]
        package var information: Matrix
        package var iterations: Int
        package var converged: Bool
    }

    package func run(_ likelihood: EmaxAFTLikelihood, start: [Double], fixed: Set<Int>) throws(StatModelError) -> Outcome {
        var theta = clip(start)
        var current = try likelihood.evaluate(theta)
        guard current.logLikelihood.isFinite else {
            throw .undefinedStatistic(context: likelihood.context,
                                      message: "the log-likelihood is not finite at the starting values (E0 + Emax·f(dose) ≤ 0 "
                                        + "or extreme times); check the dose and time columns.")
        }
        let free = (0..<likelihood.parameterCount).filter { !fixed.contains($0) }
        for iteration in 0..<maxIterations {
            let u = free.map { current.score[$0] }
            var info = Matrix(rows: free.count, columns: free.count)
            for (b, j) in free.enumerated() {
                for (a, i) in free.enumerated() { info[a, b] = current.information[i, j] }
            }
            let delta = step(info, u)
            let decrement = zip(u, delta).reduce(0) { $0 + $1.0 * $1.1 }
            if decrement.isFinite, abs(decrement) / 2 <= tolerance {
                return Outcome(parameters: theta, logLikelihood: current.logLikelihood, score: current.score,
                               information: current.information, iterations: iteration, converged: true)
            }
            var factor = 1.0
            var accepted = false
            for _ in 0..<40 {
                var trial = theta
                for (a, i) in free.enumerated() { trial[i] += factor * delta[a] }
                trial = clip(trial)
                let value = try likelihood.evaluate(trial, derivatives: false).logLikelihood
                if value.isFinite, value >= current.logLikelihood - 1e-12 * abs(current.logLikelihood) {
                    theta = trial
                    current = try likelihood.evaluate(theta)
                    accepted = true
                    break
                }
                factor /= 2
            }
            if !accepted {
                let gradientSmall = u.allSatisfy { abs($0) < 1e-6 * max(1, abs(current.logLikelihood)) }
                return Outcome(parameters: theta, logLikelihood: current.logLikelihood, score: current.score,
                               information: current.information, iterations: iteration + 1, converged: gradientSmall)
            }
        }
        return Outcome(parameters: theta, logLikelihood: current.logLikelihood, score: current.score,
                       information: current.information, iterations: maxIterations, converged: false)
    }

    /// `I⁻¹U`, ridged until the system factors; the scaled gradient when nothing factors.
    private func step(_ info: Matrix, _ u: [Double]) -> [Double] {
        if let factor = try? Cholesky(info), let delta = try? factor.solve(u), delta.allSatisfy(\.isFinite) {
            return delta
        }
        var lambda = 1e-4
        for _ in 0..<12 {
            var ridged = info
            for i in 0..<info.rows { ridged[i, i] += lambda * max(abs(info[i, i]), 1e-8) }
            if let factor = try? Cholesky(ridged), let delta = try? factor.solve(u), delta.allSatisfy(\.isFinite) {
                return delta
            }
            lambda *= 10
        }
        let scale = max(u.map(abs).max() ?? 1, 1)
        return u.map { $0 / scale }
    }

    package func clip(_ theta: [Double]) -> [Double] {
        var out = theta
        for bound in bounds where bound.index < out.count {
            out[bound.index] = min(max(out[bound.index], bound.lower), bound.upper)
        }
        return out
    }
}
