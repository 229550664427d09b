import Foundation
import NumericCore
import Survival

extension RandomInterceptAFT {
    /// The restricted (REML) fit (``Estimation/reml``): `(log σ, log τ)` maximise
    /// ``RandomInterceptRestrictedLikelihood`` by the damped Newton iteration (differenced gradient and
    /// information), from the maximum-likelihood fit; `β̂` is the marginal likelihood's maximum at the
    /// REML `(σ̂, τ̂)`.
    ///
    /// The covariance is block-diagonal, as nlme reports a REML fit: `(−∂²ℓ/∂β∂βᵀ)⁻¹` at `(β̂, σ̂, τ̂)` for
    /// `β` (for uncensored log-normal episodes `σ̂²(XᵀV̂⁻¹X)⁻¹`, `vcov(lme)`), and the inverse of the
    /// restricted likelihood's negative Hessian in `(log σ, log τ)` (nlme's `apVar`). τ's profile interval
    /// profiles the restricted likelihood over `σ` at fixed τ; its `τ = 0` end is the restricted likelihood
    /// of the model without the random intercept (at `log τ` = ``logTauFloor``).
    ///
    /// - Parameters:
    ///   - ml: The maximum-likelihood optimum `(β̂, log σ̂, log τ̂)` and its patients' modes (the start).
    /// - Returns: The fit.
    /// - Throws: `StatModelError.undefinedStatistic` when the restricted likelihood is not defined at the
    ///   estimates.
    func restrictedFit(data: RegressionData, ml: (parameters: [Double], modes: [Double]), episodes: RandomInterceptEpisodes,
                       fixed: AFTFit, response: AFTResponse) throws(StatModelError) -> RandomInterceptAFTFit {
        let p = episodes.columns
        let context = Self.context(distribution)
        var restricted = RandomInterceptRestrictedLikelihood(
            episodes: episodes, context: context, maxIterations: maxIterations, beta: Array(ml.parameters.prefix(p)), modes: ml.modes)
        let logScale = ml.parameters[p]
        // REML's τ̂ lies above ML's; from the floor the restricted likelihood is flat in log τ.
        let start = [logScale, max(ml.parameters[p + 1], logScale - 2)]
        let outer = DampedNewton.backtracking(maxIterations: maxIterations, tolerance: 1e-9,
                                              bounds: [DampedNewton.Bound(index: 1, lower: Self.logTauFloor, upper: 10)])
        let result = try outer.maximize(&restricted, from: start)
        guard let optimum = restricted.point(result.parameters) else {
            throw .undefinedStatistic(context: context, message: "the restricted likelihood is not defined at the estimates.")
        }
        // The model without the random intercept: the restricted likelihood profiled over σ at the floor of τ.
        let reduced = try restrictedProfile(&restricted, logTau: Self.logTauFloor, from: [fixed.logScale])
        restricted.restart(at: optimum)
        var information = Matrix(rows: p + 2, columns: p + 2)
        for i in 0..<p { for j in 0..<p { information[i, j] = optimum.information[i, j] } }
        for i in 0..<2 { for j in 0..<2 { information[p + i, p + j] = result.evaluation.information[i, j] } }
        let parameters = optimum.beta + result.parameters
        let final = NewtonEvaluation(value: optimum.restricted, gradient: [Double](repeating: 0, count: p) + result.evaluation.gradient,
                                     information: information)
        let summaryResult = DampedNewtonResult(
            parameters: parameters, evaluation: final, start: result.start, initialStep: nil, iterations: result.iterations,
            isConverged: result.isConverged && optimum.isConverged, stop: result.stop)
        var profile: Result<ClosedRange<Double>, StatModelError>?
        if profilesTau {
            do throws(StatModelError) {
                let se = (try? Cholesky(result.evaluation.information).inverse()).map { $0[1, 1].squareRoot() }
                profile = .success(try tauProfileInterval(
                    logTau: result.parameters[1], best: optimum.restricted + response.logCorrection, waldStandardError: se,
                    known: [
                        (0, reduced.value + response.logCorrection, reduced.beta + [reduced.logScale], reduced.modes),
                        (exp(2 * result.parameters[1]), optimum.restricted + response.logCorrection, optimum.beta + [result.parameters[0]],
                         optimum.likelihood.modes),
                    ]
                ) { (tau: Double, start: (beta: [Double], frailty: [Double])) throws(StatModelError) in
                    var objective = RandomInterceptRestrictedLikelihood(
                        episodes: episodes, context: context, maxIterations: maxIterations, beta: Array(start.beta.prefix(p)),
                        modes: start.frailty)
                    let fit = try restrictedProfile(&objective, logTau: log(tau), from: Array(start.beta.suffix(1)))
                    return (fit.value + response.logCorrection, fit.beta + [fit.logScale], fit.modes)
                })
            } catch {
                profile = .failure(error)
            }
        }
        return try RandomInterceptAFTFit(
            model: self, data: data, result: summaryResult, final: final, likelihood: optimum.likelihood, response: response,
            fixed: fixed, tauProfile: profile, reducedLogLikelihood: reduced.value + response.logCorrection,
            covariance: try Self.blockCovariance(fixedEffects: optimum.information, variance: result.evaluation.information, context: context))
    }

    /// The block-diagonal covariance of `(β, log σ, log τ)`: the inverse of the information in β, and of the
    /// restricted likelihood's information in `(log σ, log τ)`. Where the latter is not positive definite
    /// (τ̂ at 0, where the restricted likelihood is flat in `log τ`), `log σ` alone (τ held at its estimate)
    /// and `Var(log τ)` undefined (NaN), so that the coefficients' SEs stay available.
    ///
    /// - Throws: `StatModelError.undefinedStatistic` when the information in β is not positive definite.
    static func blockCovariance(fixedEffects: Matrix, variance: Matrix, context: String) throws(StatModelError) -> Matrix {
        let p = fixedEffects.rows
        let beta: Matrix
        do { beta = try Cholesky(fixedEffects).inverse() } catch {
            throw .undefinedStatistic(context: context, message: "the information of the fixed effects is not positive definite at the REML estimates.")
        }
        var covariance = Matrix(rows: p + 2, columns: p + 2)
        for i in 0..<p { for j in 0..<p { covariance[i, j] = beta[i, j] } }
        if let inverse = try? Cholesky(variance).inverse() {
            for i in 0..<2 { for j in 0..<2 { covariance[p + i, p + j] = inverse[i, j] } }
        } else {
            covariance[p, p] = variance[0, 0] > 0 ? 1 / variance[0, 0] : .nan
            covariance[p + 1, p + 1] = .nan
        }
        return covariance
    }

    /// The restricted log-likelihood (log-time scale) maximised over `log σ` at a fixed `log τ`.
    ///
    /// - Throws: `StatModelError.undefinedStatistic` when the iteration does not converge.
    func restrictedProfile(_ objective: inout RandomInterceptRestrictedLikelihood, logTau: Double, from logScale: [Double])
        throws(StatModelError) -> (value: Double, beta: [Double], logScale: Double, modes: [Double])
    {
        let context = Self.context(distribution)
        objective.holdsTau = true
        defer { objective.holdsTau = false }
        let start = [logScale.first ?? 0, logTau]
        let result = try DampedNewton.backtracking(maxIterations: maxIterations, tolerance: 1e-10).maximize(&objective, from: start, fixed: [1])
        guard result.isConverged, let point = objective.point(result.parameters) else {
            throw .undefinedStatistic(context: context, message: "the restricted fit at tau = \(exp(logTau)) for its profile "
                + "likelihood did not converge in \(result.iterations) iteration(s) (\(result.stop)).")
        }
        return (point.restricted, point.beta, result.parameters[0], point.likelihood.modes)
    }
}
