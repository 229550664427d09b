import NumericCore

/// R's `coxfit6` iteration on centred/scaled sorted data: Newton–Raphson from `β = 0` with step
/// halving, convergence when `|1 − L_best / L_new| ≤ ε`. Internal.
package enum CoxNewtonRaphson {
    /// The result, in the internal (centred, scaled) coordinates.
    package struct Outcome: Sendable {
        /// Final `β`.
        package var beta: [Double]
        /// Inverse information at `β` (zero rows/columns for numerically singular columns).
        package var variance: Matrix
        /// Columns kept by the tolerant Cholesky at `β` (all of them unless singular).
        package var kept: [Int]
        /// `log L(0)`.
        package var nullLogLikelihood: Double
        /// `log L(β)`.
        package var logLikelihood: Double
        /// Score test at `β = 0`: `U(0)ᵀ I(0)⁻¹ U(0)`.
        package var scoreTest: Double
        /// Gradient at `β`.
        package var score: [Double]
        /// Iterations used.
        package var iterations: Int
        /// Whether the convergence rule was met.
        package var converged: Bool
    }

    /// Runs the iteration.
    ///
    /// - Complexity: O(n p²) per iteration, at most `maxIterations + 2` evaluations.
    package static func run(_ data: CoxSortedData, ties: CoxPH.Ties, maxIterations: Int, epsilon: Double,
                    tolerance: Double) -> Outcome {
        let p = data.p
        var beta = [Double](repeating: 0, count: p)
        var likelihood = CoxPartialLikelihood(data, ties: ties)
        var evaluation = likelihood.evaluate(beta: beta)
        let nullLogLikelihood = evaluation.logLikelihood
        var factor = TolerantCholesky(evaluation.information, tolerance: tolerance)
        let firstStep = factor.solve(evaluation.score)
        var scoreTest = 0.0
        for j in 0..<p { scoreTest += evaluation.score[j] * firstStep[j] }

        if maxIterations == 0 || !nullLogLikelihood.isFinite {
            return Outcome(beta: beta, variance: factor.inverse(), kept: factor.kept,
                           nullLogLikelihood: nullLogLikelihood, logLikelihood: nullLogLikelihood,
                           scoreTest: scoreTest, score: evaluation.score, iterations: 0, converged: false)
        }
        var best = nullLogLikelihood
        var newBeta = (0..<p).map { beta[$0] + firstStep[$0] }
        var halving = 0.0
        for iteration in 1...maxIterations {
            evaluation = likelihood.evaluate(beta: newBeta)
            factor = TolerantCholesky(evaluation.information, tolerance: tolerance)
            let finite = evaluation.logLikelihood.isFinite && evaluation.score.allSatisfy(\.isFinite)
                && evaluation.information.isFinite
            if finite, abs(1 - best / evaluation.logLikelihood) <= epsilon {
                return Outcome(beta: newBeta, variance: factor.inverse(), kept: factor.kept,
                               nullLogLikelihood: nullLogLikelihood, logLikelihood: evaluation.logLikelihood,
                               scoreTest: scoreTest, score: evaluation.score, iterations: iteration,
                               converged: true)
            }
            if !finite || evaluation.logLikelihood < best {
                halving += 1
                for j in 0..<p { newBeta[j] = (newBeta[j] + halving * beta[j]) / (halving + 1) }
            } else {
                halving = 0
                best = evaluation.logLikelihood
                let step = factor.solve(evaluation.score)
                beta = newBeta
                for j in 0..<p { newBeta[j] += step[j] }
            }
        }
        // Out of iterations: report the best β with its own information (R recomputes it too).
        evaluation = likelihood.evaluate(beta: beta)
        factor = TolerantCholesky(evaluation.information, tolerance: tolerance)
        return Outcome(beta: beta, variance: factor.inverse(), kept: factor.kept,
                       nullLogLikelihood: nullLogLikelihood, logLikelihood: evaluation.logLikelihood,
                       scoreTest: scoreTest, score: evaluation.score, iterations: maxIterations,
                       converged: false)
    }
}
