import NumericCore
import Survival

/// The profile-likelihood interval of a gamma frailty's variance θ: the θ whose I-likelihood (the
/// marginal likelihood R's `method = "em"` maximises, the penalised log-likelihood plus R's
/// `frailty.gammacon` correction) lies within `χ²₁(level)/2` of its value at the estimate. R prints the
/// I-likelihood but no interval; the fixture script finds the same limits with `uniroot` over
/// `coxph(... + frailty(id, theta = θ))`'s `history[[1]]$c.loglik`.
///
/// The search's own evaluations bracket the limits where they can (θ = 0 is always one of them); beyond the
/// largest θ tried, θ is quadrupled until the I-likelihood falls below the cut (at most 30 times, else
/// the upper limit is infinite). Each limit is then found by the Illinois variant of false position on
/// √θ, every inner fit starting from the nearest θ fitted so far.
///
/// The random-intercept AFT's profile interval of τ uses the same search with θ = τ² (its `marginal` is
/// the marginal likelihood maximised over the other parameters at fixed τ, warm-started from the `beta`
/// and `frailty` slots: `(β, log σ)` and the patients' modes; ``RandomInterceptAFT`` `+Profile`).
struct FrailtyVarianceProfile {
    /// The I-likelihood at θ (one inner fit).
    let marginal: (Double, _ start: (beta: [Double], frailty: [Double])) throws(StatModelError) -> (value: Double, beta: [Double], frailty: [Double])
    /// The fits so far: θ, the I-likelihood, and the estimates (warm starts).
    var known: [(theta: Double, marginal: Double, beta: [Double], frailty: [Double])]

    /// Relative tolerance on √θ of a limit.
    static let tolerance = 1e-6
    /// The most inner fits per limit.
    static let maximumEvaluations = 60

    /// The interval around `estimate`, whose I-likelihood is `best`.
    /// - Returns: `lower...upper` (lower 0 when the cut is not reached between 0 and the estimate; upper
    ///   `.infinity` when it is not reached above).
    mutating func interval(estimate: Double, best: Double, level: Double) throws(StatModelError) -> ClosedRange<Double> {
        let cut = best - ChiSquared(degreesOfFreedom: 1).quantile(level) / 2
        let root = estimate.squareRoot()
        // Lower: the largest √θ below the estimate that is under the cut.
        let below = known.filter { $0.theta < estimate && $0.marginal < cut }.map { $0.theta.squareRoot() }.max()
        var lower = 0.0
        if let low = below {
            let high = known.filter { $0.theta.squareRoot() > low && $0.theta <= estimate }.map { $0.theta.squareRoot() }.min() ?? root
            lower = try limit(between: low, and: high, cut: cut)
        }
        // Upper: the smallest √θ above the estimate under the cut, else quadruple θ until one is.
        var above = known.filter { $0.theta > estimate && $0.marginal < cut }.map { $0.theta.squareRoot() }.min()
        var probe = max(known.map(\.theta).max() ?? estimate, estimate, 1e-4).squareRoot()
        var doublings = 0
        while above == nil, doublings < 30 {
            probe *= 2
            doublings += 1
            if try evaluate(probe * probe) < cut { above = probe }
        }
        guard let high = above else { return try Self.range(lower, Double.infinity) }
        let low = known.filter { $0.theta >= estimate && $0.theta.squareRoot() < high && $0.marginal >= cut }
            .map { $0.theta.squareRoot() }.max() ?? root
        return try Self.range(lower, try limit(between: low, and: high, cut: cut))
    }

    /// Fits at each positive, finite θ of `guesses` (points near the limits, e.g. the Wald interval's), so
    /// that the search starts from a narrow bracket; a guess whose fit fails is left out (the search
    /// brackets the limits itself).
    mutating func prime(_ guesses: [Double]) {
        for theta in guesses where theta.isFinite && theta > 0 { _ = try? evaluate(theta) }
    }

    /// `lower...upper` when both are numbers in order (the upper may be infinite), else the error that
    /// leaves the fit without an interval.
    private static func range(_ lower: Double, _ upper: Double) throws(StatModelError) -> ClosedRange<Double> {
        guard lower.isFinite, !upper.isNaN, lower <= upper else {
            throw .undefinedStatistic(context: "FrailtyVarianceProfile", message: "the profile interval of the variance is not defined.")
        }
        return lower...upper
    }

    /// The I-likelihood at θ, fitted from the nearest known θ and remembered.
    private mutating func evaluate(_ theta: Double) throws(StatModelError) -> Double {
        if let hit = known.first(where: { $0.theta == theta }) { return hit.marginal }
        var nearest = 0
        for k in known.indices where abs(known[k].theta - theta) < abs(known[nearest].theta - theta) { nearest = k }
        let start = known.indices.contains(nearest) ? (known[nearest].beta, known[nearest].frailty) : ([], [])
        let fit = try marginal(theta, start)
        known.append((theta, fit.value, fit.beta, fit.frailty))
        return fit.value
    }

    /// The √θ in `a...b` where the I-likelihood crosses `cut` (one end above, one below), squared back.
    private mutating func limit(between a: Double, and b: Double, cut: Double) throws(StatModelError) -> Double {
        var (x0, x1) = (a, b)
        var f0 = try evaluate(x0 * x0) - cut, f1 = try evaluate(x1 * x1) - cut
        let undefined = StatModelError.undefinedStatistic(
            context: "FrailtyVarianceProfile", message: "the profile likelihood is not finite on the way to a limit of the variance.")
        guard f0.isFinite, f1.isFinite else { throw undefined }
        guard f0 * f1 <= 0 else { return f0 < 0 ? x0 * x0 : x1 * x1 }
        for _ in 0..<Self.maximumEvaluations {
            if abs(x1 - x0) <= Self.tolerance * max(abs(x1), 1e-8) || abs(f1) < 1e-9 { break }
            var x = f1 == f0 ? (x0 + x1) / 2 : x1 - f1 * (x1 - x0) / (f1 - f0)
            if !(x > Swift.min(x0, x1) && x < Swift.max(x0, x1)) { x = (x0 + x1) / 2 }   // stay inside the bracket
            let f = try evaluate(x * x) - cut
            guard f.isFinite else { throw undefined }
            if f * f1 < 0 {
                (x0, f0) = (x1, f1)
            } else {
                f0 /= 2
            }
            (x1, f1) = (x, f)
        }
        return x1 * x1
    }
}
