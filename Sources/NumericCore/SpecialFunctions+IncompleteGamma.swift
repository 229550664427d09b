import Foundation

extension SpecialFunctions {
    /// Both tails `(P(a, x), Q(a, x))` of the regularized incomplete gamma function, each computed so
    /// that the smaller one has full relative accuracy.
    ///
    /// `x < a + 1`: series `P = x^a e^{-x}/Γ(a+1) · Σₙ xⁿ / ((a+1)…(a+n))`, `Q = 1 - P`.
    /// Otherwise: Lentz's continued fraction for `Q = x^a e^{-x}/Γ(a) · 1/(x+1-a- 1·(1-a)/(x+3-a- …))`,
    /// `P = 1 - Q` (Numerical Recipes §6.2; Cephes `igam`/`igamc`).
    package static func _incompleteGamma(_ a: Double, _ x: Double) -> (lower: Double, upper: Double) {
        guard a > 0, a.isFinite, x >= 0 else { return (.nan, .nan) }   // also rejects NaN
        if x == 0 { return (0, 1) }
        if x.isInfinite { return (1, 0) }
        let logPrefactor = _logGammaPrefactor(a, x)
        let epsilon = Double.ulpOfOne
        let maxIterations = _iterationBudget(a)
        if x < a + 1 {
            var sum = 1.0
            var term = 1.0
            var n = 1.0
            var iteration = 0
            while iteration < maxIterations {
                term *= x / (a + n)
                sum += term
                if term <= sum * epsilon { break }
                n += 1
                iteration += 1
            }
            let lower = min(1, exp(logPrefactor) * sum)
            return (lower, 1 - lower)
        }
        let tiny = Double.leastNormalMagnitude / epsilon
        var b = x + 1 - a
        var c = 1 / tiny
        var d = 1 / b
        var h = d
        var i = 1.0
        var iteration = 0
        while iteration < maxIterations {
            b += 2
            let delta = _lentzStep(a: -i * (i - a), b: b, c: &c, d: &d, tiny: tiny)
            h *= delta
            if abs(delta - 1) <= epsilon { break }
            i += 1
            iteration += 1
        }
        let upper = min(1, a * exp(logPrefactor) * h)
        return (1 - upper, upper)
    }

    /// Iteration cap for the series and continued fractions: their term count grows like `√shape`
    /// near the mode; `20√shape + 1000`, at most ten million.
    package static func _iterationBudget(_ shape: Double) -> Int {
        let budget = 20 * shape.squareRoot() + 1000
        return budget < 10_000_000 ? Int(budget) : 10_000_000
    }
}
