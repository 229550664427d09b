import Survival
extension FrailtyCoxPH {
    /// One inner fit at θ: R's `coxfit5_b` (Newton–Raphson with step halving; the frailties recentred and
    /// penalised at every step; converged when the penalised log-likelihood changes by at most `epsilon`
    /// relative, starting from 0 as R's).
    /// - Parameters:
    ///   - likelihood: The partial likelihood (sparse or dense frailty term).
    ///   - theta: The frailty variance (0: the frailties are held at 0).
    ///   - start: Starting fixed effects; `startFrailty`, starting frailties.
    /// - Throws: `.undefinedStatistic` when the penalised likelihood is not finite or the information singular.
    func innerFit<Likelihood: FrailtyCoxLikelihood>(
        _ likelihood: Likelihood, theta: Double, beta start: [Double], frailty startFrailty: [Double]
    ) throws(StatModelError) -> _FrailtyInnerFit {
        var beta = start, frailty = startFrailty
        var oldBeta = beta, oldFrailty = frailty
        var previous = 0.0
        var halving = false
        var iteration = 0
        while true {
            var evaluation = likelihood.evaluate(beta: beta, frailty: frailty)
            var penalized = evaluation.logLikelihood
            var second = [Double](repeating: 0, count: frailty.count)
            if let penalty = distribution.penalty(recentring: &frailty, theta: theta) {
                evaluation.penalise(score: penalty.score, second: penalty.second)
                penalized += penalty.logPenalty
                second = penalty.second
            } else {
                evaluation.holdFrailties()
            }
            guard penalized.isFinite else {
                throw .undefinedStatistic(context: Self.fitContext, message: "the penalised likelihood is not finite at θ = \(theta).")
            }
            let information = try evaluation.factored()
            let converged = abs(penalized) < epsilon || (abs(1 - previous / penalized) <= epsilon && !halving)
            if converged || iteration == maxIterations {
                return _FrailtyInnerFit(beta: beta, frailty: frailty, logLikelihood: evaluation.logLikelihood,
                                        penalizedLogLikelihood: penalized, information: information,
                                        penaltySecond: second, iterations: converged ? iteration : maxIterations,
                                        isConverged: converged)
            }
            if iteration > 0 && penalized < previous {
                halving = true
                for j in beta.indices { beta[j] = (oldBeta[j] + beta[j]) / 2 }
                for g in frailty.indices { frailty[g] = (oldFrailty[g] + frailty[g]) / 2 }
            } else {
                halving = false
                previous = penalized
                let step = try information.step(frailtyScore: evaluation.frailtyScore, score: evaluation.score)
                oldBeta = beta
                oldFrailty = frailty
                for j in beta.indices { beta[j] += step.fixed[j] }
                for g in frailty.indices { frailty[g] += step.frailty[g] }
            }
            iteration += 1
        }
    }
}
