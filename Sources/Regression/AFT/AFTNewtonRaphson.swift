import NumericCore
import Survival

/// Newton–Raphson maximisation of an `AFTLikelihood`, step for step as R's `survreg6`:
///
/// 1. From `θ₀` take the Newton step `θ₁ = θ₀ + I⁻¹U` (Cholesky of the information `I`; when `I` is
///    not positive definite, the outer product of scores `J` instead; when that fails too, a symmetric
///    indefinite solve with `I`).
/// 2. At each iteration: converged when `|1 − ℓ_old / ℓ_new| ≤ ε` and no halving is in progress;
///    if `ℓ_new < ℓ_old` (or not finite) halve the step toward the last accepted point up to 5 times
///    (the first halving also keeps `log σ` within 1.1 of its last accepted value); otherwise accept
///    and take the next Newton step.
///
/// The returned parameters are the last trial point, as R's; the information there gives the variance.
package struct AFTNewtonRaphson {
    package let maxIterations: Int
    package let epsilon: Double

    package struct Outcome {
        package let parameters: [Double]
        package let logLikelihood: Double
        package let information: Matrix
        package let iterations: Int
        package let converged: Bool
    }

    package func run(_ likelihood: inout AFTLikelihood, start: [Double]) throws(StatModelError) -> Outcome {
        let context = likelihood.context
        var beta = start
        var loglik = try likelihood.evaluate(beta)
        guard loglik.isFinite else {
            throw .undefinedStatistic(
                context: context,
                message: "the log-likelihood is not finite at the starting values; check for extreme times.")
        }
        var derivatives = likelihood.derivatives()
        if maxIterations <= 0 {
            return Outcome(parameters: beta, logLikelihood: loglik, information: derivatives.information,
                           iterations: 0, converged: false)
        }
        var newBeta = add(beta, try step(derivatives, &likelihood))
        var halving = 0
        var newLoglik = try likelihood.evaluate(newBeta)
        let scaleIndex = likelihood.estimatesScale ? likelihood.columns : nil

        for iteration in 1...maxIterations {
            if newLoglik.isFinite, abs(1 - loglik / newLoglik) <= epsilon, halving == 0 {
                derivatives = likelihood.derivatives()
                return Outcome(parameters: newBeta, logLikelihood: newLoglik,
                               information: derivatives.information, iterations: iteration, converged: true)
            }
            if !newLoglik.isFinite || newLoglik < loglik {
                var tries = 0
                while tries < 5, !newLoglik.isFinite || newLoglik < loglik {
                    halving += 1
                    for i in newBeta.indices { newBeta[i] = (newBeta[i] + beta[i]) / 2 }
                    if halving == 1, let s = scaleIndex, beta[s] - newBeta[s] > 1.1 {
                        newBeta[s] = beta[s] - 1.1
                    }
                    newLoglik = try likelihood.evaluate(newBeta)
                    tries += 1
                }
                // R re-evaluates at the same point here; the kept per-row state already matches it.
            } else {
                halving = 0
                loglik = newLoglik
                derivatives = likelihood.derivatives()
                let delta = try step(derivatives, &likelihood)
                beta = newBeta
                newBeta = add(newBeta, delta)
                newLoglik = try likelihood.evaluate(newBeta)
            }
        }
        if !newLoglik.isFinite {
            newBeta = beta
            newLoglik = try likelihood.evaluate(beta)
        }
        derivatives = likelihood.derivatives()
        return Outcome(parameters: newBeta, logLikelihood: newLoglik, information: derivatives.information,
                       iterations: maxIterations, converged: false)
    }

    /// The Newton step `I⁻¹U`, with R's fall-back to `J⁻¹U` and then a symmetric indefinite solve.
    private func step(_ d: (score: [Double], information: Matrix),
                      _ likelihood: inout AFTLikelihood) throws(StatModelError) -> [Double] {
        if let factor = try? Cholesky(d.information), let delta = try? factor.solve(d.score),
           delta.allSatisfy(\.isFinite) {
            return delta
        }
        let outer = try likelihood.outerProductOfScores()
        if let factor = try? Cholesky(outer), let delta = try? factor.solve(d.score), delta.allSatisfy(\.isFinite) {
            return delta
        }
        return try AFTLinearAlgebra.run(likelihood.context, "the Newton step") { () throws(LinearAlgebraError) -> [Double] in
            try SymmetricIndefiniteSolver(d.information).solve(d.score)
        }
    }

    private func add(_ a: [Double], _ b: [Double]) -> [Double] {
        var result = a
        for i in result.indices where i < b.count { result[i] += b[i] }
        return result
    }
}
