import Foundation

extension SpecialFunctions {
    /// Coefficients `ℓₖ = B₂ₖ / (2k (2k)!)` of `log(sinh(w/2) / (w/2)) = Σₖ ℓₖ w^{2k}`.
    package static let _logSinhcCoefficients: [Double] = [
        0.041666666666666664, -0.00034722222222222224, 5.5114638447971785e-06,
        -1.033399470899471e-07, 2.08767569878681e-09, -4.403491782239578e-11,
        9.55895466477477e-13, -2.1185501852016142e-14, 4.770034475709914e-16,
        -1.087434349279031e-17, 2.5040921947091955e-19, -5.814360285755218e-21,
    ]

    /// `(I_x(a, b), 1 - I_x(a, b))` for a large shape `a` and a small shape `b` with `x` near 1,
    /// the regime where the continued fraction is ill-conditioned in `x`.
    ///
    /// With `s = e^{-w}`, `I_x(a, b) = (1/B(a,b)) ∫_{u₀}^∞ e^{-Tw} w^{b-1} S(w)^{b-1} dw`, where
    /// `u₀ = -log x`, `T = a + (b-1)/2` and `S(w) = sinh(w/2)/(w/2)` is even. Expanding
    /// `S(w)^{b-1} = Σₙ cₙ w^{2n}` and integrating term by term gives (as in the `bgrat` expansion of
    /// DiDonato & Morris, ACM TOMS 18(3), 1992, doi:10.1145/131766.131776)
    ///
    ///     I_x(a, b)     = M Σₙ cₙ (b)₂ₙ T^{-2n} Q(b + 2n, T u₀)
    ///     1 - I_x(a, b) = M Σₙ cₙ (b)₂ₙ T^{-2n} P(b + 2n, T u₀),   M = Γ(b) / (T^b B(a, b)).
    ///
    /// Only `log x` enters, so both tails keep full relative accuracy. The terms shrink like
    /// `(u₀ / 2π)^{2n}`; the caller guarantees `u₀ ≤ 1`, so twelve terms reach 1e-19.
    package static func _incompleteBetaLargeShape(a: Double, b: Double, logX: Double) -> (lower: Double, upper: Double) {
        let t = a + (b - 1) / 2
        let u0 = -logX
        let z = t * u0
        let scale = exp(logGamma(b) - b * log(t) - logBeta(a, b))
        let inverseT2 = 1 / (t * t)
        var coefficients = [1.0]
        coefficients.reserveCapacity(_logSinhcCoefficients.count + 1)
        var factor = 1.0                    // (b)_{2n} / T^{2n}
        var lowerSum = 0.0
        var upperSum = 0.0
        for n in 0...(_logSinhcCoefficients.count) {
            if n > 0 {
                // exp-of-series recurrence: n cₙ = Σₖ k (b-1) ℓₖ c_{n-k}.
                var sum = 0.0
                for k in 1...n {
                    sum += Double(k) * (b - 1) * _logSinhcCoefficients[k - 1] * coefficients[n - k]
                }
                coefficients.append(sum / Double(n))
                let shape = b + Double(2 * n)
                factor *= (shape - 2) * (shape - 1) * inverseT2
            }
            let tails = _incompleteGamma(b + Double(2 * n), z)
            let lowerTerm = coefficients[n] * factor * tails.upper
            let upperTerm = coefficients[n] * factor * tails.lower
            lowerSum += lowerTerm
            upperSum += upperTerm
            if n > 0, abs(lowerTerm) <= Double.ulpOfOne * abs(lowerSum) / 4,
               abs(upperTerm) <= Double.ulpOfOne * abs(upperSum) / 4 {
                break
            }
        }
        return (min(1, scale * lowerSum), min(1, scale * upperSum))
    }
}
