import Foundation
import NumericCore
import Survival

extension RandomInterceptAFT {
    /// The profile-likelihood interval of the between-patient SD τ: the τ whose profile log-likelihood
    /// `ℓₚ(τ) = max over (β, log σ) of ℓ(β, log σ, log τ)` is within `χ²₁(level)/2` of the maximum
    /// (1.920729 at 95%). `ℓₚ(0)` is the model without the random intercept (the limit of the marginal
    /// likelihood as τ → 0), so the lower limit is 0 exactly when the likelihood-ratio test of τ = 0 does
    /// not reject at `1 − level` (two-sided: the χ²₁ quantile, not the boundary mixture's).
    ///
    /// The search is ``FrailtyVarianceProfile`` on the variance `v = τ²` (it roots in `√v = τ`): the
    /// Illinois variant of false position between the fits known so far (τ = 0, τ̂ and, when SE(log τ) < 1,
    /// the Wald limits `exp(log τ̂ ± z SE)` to begin with), the upper limit bracketed by doubling τ when the Wald limit is
    /// still above the cut; each ``profileFit(at:from:episodes:information:context:)`` starts from the
    /// nearest τ fitted so far (coefficients, `log σ` and every patient's mode). The R reference
    /// (`make_aft_random_intercept_profile_fixtures.R`) finds the same limits by `uniroot` over its own
    /// maximisation of the marginal likelihood at fixed τ.
    ///
    /// - Parameters:
    ///   - estimate: `(β̂, log σ̂, log τ̂)` of the full fit.
    ///   - best: Its marginal log-likelihood on the time scale.
    ///   - modes: Its patients' modes.
    ///   - fixed: The fit without the random intercept (`ℓₚ(0)` and its `(β, log σ)`).
    ///   - episodes: The grouped episodes.
    ///   - logCorrection: The log-time scale's log-likelihood plus this is the time scale's.
    ///   - information: The full fit's information (the Wald guesses and the chord iterations), if any.
    /// - Returns: `lower...upper` (lower 0 as above; upper `.infinity` when `ℓₚ` stays above the cut up to
    ///   `τ = 2³⁰ · 0.01`).
    /// - Throws: `StatModelError.undefinedStatistic` when a fit at fixed τ fails or does not converge.
    /// - Complexity: One fit at fixed τ per step of the search (12 to 16 on the reference data and a
    ///   100,000-episode trial), each a few chord steps of one gradient and one value: at 100,000 episodes
    ///   about as much CPU as the fit itself.
    func tauProfileInterval(estimate: [Double], best: Double, modes: [Double], fixed: AFTFit, episodes: RandomInterceptEpisodes,
                            logCorrection: Double, information: Matrix?) throws(StatModelError) -> ClosedRange<Double> {
        let p = estimate.count - 2
        let context = Self.context(distribution)
        let waldStandardError = information.flatMap { try? Cholesky($0).inverse() }.map { $0[p + 1, p + 1].squareRoot() }
        return try tauProfileInterval(
            logTau: estimate[p + 1], best: best, waldStandardError: waldStandardError,
            known: [
                (0, fixed.logLikelihood, fixed.coefficients + [fixed.logScale], [Double](repeating: 0, count: episodes.patients)),
                (exp(2 * estimate[p + 1]), best, Array(estimate.prefix(p + 1)), modes),
            ]
        ) { (tau: Double, start: (beta: [Double], frailty: [Double])) throws(StatModelError) in
            let fit = try profileFit(at: tau, from: start, episodes: episodes, information: information, context: context)
            return (fit.value + logCorrection, fit.parameters, fit.modes)
        }
    }

    /// The profile-likelihood interval of τ from a profile log-likelihood (``FrailtyVarianceProfile`` on
    /// `v = τ²`), primed with the Wald limits `exp(log τ̂ ± z SE)` when `SE(log τ) < 1`; shared by the
    /// maximum-likelihood and the restricted (REML) fits.
    ///
    /// - Parameters:
    ///   - logTau: `log τ̂`.
    ///   - best: The maximised (restricted) log-likelihood.
    ///   - waldStandardError: `SE(log τ̂)`, if any.
    ///   - known: Points already fitted: `(τ², value, start, modes)`, `τ² = 0` the model without the random intercept.
    ///   - profile: The profile log-likelihood at a τ > 0 from a start, with the start of the next.
    func tauProfileInterval(
        logTau: Double, best: Double, waldStandardError: Double?,
        known: [(theta: Double, marginal: Double, beta: [Double], frailty: [Double])],
        profile: @escaping (Double, (beta: [Double], frailty: [Double])) throws(StatModelError) -> (value: Double, beta: [Double], frailty: [Double])
    ) throws(StatModelError) -> ClosedRange<Double> {
        let tau = exp(logTau)
        var search = FrailtyVarianceProfile(
            marginal: { (variance: Double, start: (beta: [Double], frailty: [Double])) throws(StatModelError) in
                try profile(variance.squareRoot(), start)
            },
            known: known)
        // The Wald limits on log τ are the first guesses where they are informative (SE(log τ) < 1; near
        // τ = 0 the SE is huge and its limits absurd).
        if let se = waldStandardError, se > 0, se < 1 {
            let z = Normal.quantile(0.5 + confidenceLevel / 2)
            search.prime([exp(2 * (logTau - z * se)), exp(2 * (logTau + z * se))])
        }
        let interval = try search.interval(estimate: tau * tau, best: best, level: confidenceLevel)
        return interval.lowerBound.squareRoot()...interval.upperBound.squareRoot()
    }

    /// The chord iteration's optimiser: Newton-decrement convergence as the fit's, and trials evaluated with
    /// their gradient (one gradient is all a chord evaluation costs) and halved until no worse.
    static func chordNewton(maxIterations: Int) -> DampedNewton {
        DampedNewton(maxIterations: maxIterations, convergence: .newtonDecrement(tolerance: 1e-10),
                     halving: .halving(maxTries: 20, cap: nil), solver: .ridgedCholesky(initialRidge: 1e-4, growth: 10, attempts: 12),
                     bounds: [], finalPoint: .accepted)
    }

    /// The marginal log-likelihood (log-time scale) maximised over `(β, log σ)` at a fixed τ > 0: first by a
    /// chord iteration (``RandomInterceptLikelihood/fixedInformation``: the full fit's information, one
    /// gradient per step, at most 25 steps), else by the damped Newton iteration of the fit itself.
    ///
    /// - Parameters:
    ///   - tau: The between-patient SD held fixed.
    ///   - start: `(β, log σ)` and the patients' modes to start from.
    ///   - information: The full fit's information `(p + 2)²`, or nil for Newton steps only.
    /// - Returns: The maximum, its `(β, log σ)` and the patients' modes there.
    /// - Throws: `StatModelError.undefinedStatistic` when the fit does not converge.
    func profileFit(at tau: Double, from start: (beta: [Double], frailty: [Double]), episodes: RandomInterceptEpisodes,
                    information: Matrix?, context: String) throws(StatModelError) -> (value: Double, parameters: [Double], modes: [Double]) {
        let p = episodes.columns
        guard tau > 0, tau.isFinite, start.beta.count == p + 1 else {
            throw .undefinedStatistic(context: context, message: "internal: a profile fit at tau = \(tau).")
        }
        var likelihood = RandomInterceptLikelihood(episodes: episodes, context: context, modes: start.frailty)
        likelihood.heldFixed = [p + 1]
        let newton = DampedNewton.backtracking(maxIterations: maxIterations, tolerance: 1e-10)
        var chordResult: DampedNewtonResult?
        if let information, information.rows == p + 2, information.columns == p + 2 {
            // A chord iteration with the full fit's information first (one gradient per step), as the fits
            // at fixed τ start near their optimum; a full Newton fit when that does not converge.
            likelihood.fixedInformation = information
            let chord = try Self.chordNewton(maxIterations: min(maxIterations, 25)).maximize(&likelihood, from: start.beta + [log(tau)], fixed: [p + 1])
            likelihood.fixedInformation = nil
            if chord.isConverged, chord.evaluation.value.isFinite { chordResult = chord }
        }
        let result: DampedNewtonResult
        if let chordResult { result = chordResult } else {
            result = try newton.maximize(&likelihood, from: start.beta + [log(tau)], fixed: [p + 1])
        }
        guard result.isConverged, result.evaluation.value.isFinite else {
            throw .undefinedStatistic(context: context, message: "the fit at tau = \(tau) for its profile likelihood did not "
                + "converge in \(result.iterations) iteration(s).")
        }
        return (result.evaluation.value, Array(result.parameters.prefix(p + 1)), likelihood.modes)
    }
}
