import Foundation

extension SpecialFunctions {
    /// `log √(2π)`.
    package static let _logSqrt2Pi = 0.918_938_533_204_672_741_780_329_736_4

    /// Stirling's remainder `stirlerr(n) = log Γ(n+1) - ((n + ½) log n - n + log √(2π))`.
    ///
    /// For `n ≥ 10` the asymptotic series `Σ B₂ₖ / (2k(2k-1) n^{2k-1})` with eight terms (absolute
    /// error below 1e-17); below that the defining `lgamma` difference, whose absolute error is a few
    /// units in 1e-15. Equals R's `lgammacor(n)` as well, since `log Γ(n+1) = log Γ(n) + log n`.
    package static func _stirlingError(_ n: Double) -> Double {
        if n >= 10 {
            let inverse = 1 / n
            let inverse2 = inverse * inverse
            // Horner form of 1/12 - 1/(360 n²) + 1/(1260 n⁴) - 1/(1680 n⁶) + 1/(1188 n⁸)
            //   - 691/(360360 n¹⁰) + 1/(156 n¹²) - 3617/(122400 n¹⁴), all times 1/n.
            var series = -3617.0 / 122_400.0
            series = series * inverse2 + 1.0 / 156.0
            series = series * inverse2 - 691.0 / 360_360.0
            series = series * inverse2 + 1.0 / 1188.0
            series = series * inverse2 - 1.0 / 1680.0
            series = series * inverse2 + 1.0 / 1260.0
            series = series * inverse2 - 1.0 / 360.0
            series = series * inverse2 + 1.0 / 12.0
            return series * inverse
        }
        return logGamma(n + 1) - (n + 0.5) * log(n) + n - _logSqrt2Pi
    }

    /// Loader's deviance term `bd0(x, m) = x log(x/m) + m - x ≥ 0`, computed without cancellation
    /// when `x ≈ m` by the series `(x-m)²/(x+m) · Σ v^{2j} / (2j+1)`, `v = (x-m)/(x+m)`.
    package static func _devianceTerm(_ x: Double, _ m: Double) -> Double {
        if abs(x - m) < 0.1 * (x + m) {
            var v = (x - m) / (x + m)
            var sum = (x - m) * v
            var term = 2 * x * v
            v *= v
            var j = 1.0
            while j < 1000 {
                term *= v
                let next = sum + term / (2 * j + 1)
                if next == sum { return next }
                sum = next
                j += 1
            }
            return sum
        }
        return x * (log(x) - log(m)) + m - x
    }

    /// `log(x^a e^{-x} / Γ(a+1))`, the log of the Poisson-like prefactor of the incomplete gamma
    /// function, by Loader's saddle-point form for `a ≥ 10`:
    /// `-stirlerr(a) - bd0(a, x) - ½ log(2πa)`.
    package static func _logGammaPrefactor(_ a: Double, _ x: Double) -> Double {
        if a >= 10 {
            return -_stirlingError(a) - _devianceTerm(a, x) - _logSqrt2Pi - 0.5 * log(a)
        }
        return a * log(x) - x - logGamma(a + 1)
    }
}
