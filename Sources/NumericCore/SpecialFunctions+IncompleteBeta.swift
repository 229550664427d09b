import Foundation

extension SpecialFunctions {
    /// Both tails `(I_x(a, b), 1 - I_x(a, b))` of the regularized incomplete beta function.
    ///
    /// The caller passes `x`, `y = 1 - x`, `log x` and `log y` separately so that each can be formed
    /// accurately (for Student's t, `x = ν/(ν+t²)` and `y = t²/(ν+t²)`). Below the split point
    /// `x < (a+1)/(a+b+2)` the continued fraction for `I_x(a, b)` converges fast and gives the lower
    /// tail directly; above it the symmetry `1 - I_x(a, b) = I_y(b, a)` gives the upper tail directly
    /// (Numerical Recipes §6.4). The prefactor is `exp(a log x + b log y - log B(a, b))`.
    package static func _incompleteBeta(
        a: Double, b: Double, x: Double, y: Double, logX: Double, logY: Double
    ) -> (lower: Double, upper: Double) {
        guard a > 0, b > 0, a.isFinite, b.isFinite, x >= 0, y >= 0, logX <= 0, logY <= 0
        else { return (.nan, .nan) }
        if logX == -.infinity { return (0, 1) }
        if logY == -.infinity { return (1, 0) }
        // One shape large, the other small, x near the mode: the continued fraction is
        // ill-conditioned in x (errors ~1e-11 at a = 5e5); use the asymptotic expansion in log x.
        if a >= 100, b <= 2, -logX <= 1 {
            return _incompleteBetaLargeShape(a: a, b: b, logX: logX)
        }
        if b >= 100, a <= 2, -logY <= 1 {
            let swapped = _incompleteBetaLargeShape(a: b, b: a, logX: logY)
            return (swapped.upper, swapped.lower)
        }
        let logPrefactor = a * logX + b * logY - logBeta(a, b)
        if x < (a + 1) / (a + b + 2) {
            let lower = min(1, exp(logPrefactor) * _betaContinuedFraction(a: a, b: b, x: x) / a)
            return (lower, 1 - lower)
        }
        let upper = min(1, exp(logPrefactor) * _betaContinuedFraction(a: b, b: a, x: y) / b)
        return (1 - upper, upper)
    }

    /// The continued fraction `1/(1+ d₁/(1+ d₂/(1+ …)))` of `I_x(a, b)`, evaluated by the modified
    /// Lentz method, with `d₂ₘ₊₁ = -(a+m)(a+b+m)x / ((a+2m)(a+2m+1))` and
    /// `d₂ₘ = m(b-m)x / ((a+2m-1)(a+2m))`.
    package static func _betaContinuedFraction(a: Double, b: Double, x: Double) -> Double {
        let epsilon = Double.ulpOfOne
        let tiny = Double.leastNormalMagnitude / epsilon
        let qab = a + b
        let qap = a + 1
        let qam = a - 1
        var c = 1.0
        var d = 1 - qab * x / qap
        if abs(d) < tiny { d = tiny }
        d = 1 / d
        var h = d
        let maxIterations = _iterationBudget(max(a, b))
        var m = 1.0
        var iteration = 0
        while iteration < maxIterations {
            let m2 = 2 * m
            let even = m * (b - m) * x / ((qam + m2) * (a + m2))
            h *= _lentzStep(a: even, b: 1, c: &c, d: &d, tiny: tiny)
            let odd = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2))
            let delta = _lentzStep(a: odd, b: 1, c: &c, d: &d, tiny: tiny)
            h *= delta
            if abs(delta - 1) <= epsilon { break }
            m += 1
            iteration += 1
        }
        return h
    }
}
