import Foundation

/// The standard normal distribution `N(0, 1)`.
///
/// Tails are computed directly and keep full relative accuracy until they underflow:
/// `Normal.survival(37) ≈ 5.7e-300`, and `Normal.cdf(-38) ≈ 2.9e-316` (subnormal).
///
/// ```swift
/// let z = Normal.quantile(0.975)      // 1.959963984540054
/// let p = 2 * Normal.survival(z)      // 0.05
/// ```
public enum Normal {

    /// The cumulative distribution function `Φ(x) = P(Z ≤ x) = ½ erfc(-x/√2)`.
    ///
    /// - Parameter x: Any real number.
    /// - Returns: `Φ(x)` in `[0, 1]`; `.nan` for NaN.
    /// - Complexity: O(1).
    public static func cdf(_ x: Double) -> Double {
        _upperTail(-x)
    }

    /// The survival function (upper tail) `1 - Φ(x) = P(Z > x) = ½ erfc(x/√2)`, computed directly.
    ///
    /// - Parameter x: Any real number.
    /// - Returns: `P(Z > x)`; accurate to a few ulps relative even far in the tail.
    /// - Complexity: O(1).
    public static func survival(_ x: Double) -> Double {
        _upperTail(x)
    }

    /// The density `φ(x) = exp(-x²/2) / √(2π)`.
    ///
    /// For `|x| ≥ 5` the square is split as `x = x₁ + x₂` with `x₁` on a 2⁻¹⁶ grid so that
    /// `exp(-x₁²/2) · exp(-x₂(x₁ + x₂/2))` suffers no rounding of `x²` (as R's `dnorm`).
    ///
    /// - Parameter x: Any real number.
    /// - Returns: `φ(x)`; `.nan` for NaN.
    /// - Complexity: O(1).
    public static func density(_ x: Double) -> Double {
        let inverseSqrt2Pi = 0.398_942_280_401_432_677_939_946_059_934_4
        let magnitude = abs(x)
        if magnitude >= 5, magnitude < 1e5 {
            let x1 = (magnitude * 65536).rounded() / 65536
            let x2 = magnitude - x1
            return inverseSqrt2Pi * exp(-0.5 * x1 * x1) * exp(-x2 * (x1 + 0.5 * x2))
        }
        return inverseSqrt2Pi * exp(-0.5 * magnitude * magnitude)
    }

    /// The quantile function `Φ⁻¹(p)`, by Wichura's algorithm AS 241 (`PPND16`), relative accuracy
    /// about 1e-16 over the whole range.
    ///
    /// M. J. Wichura, "Algorithm AS 241: The percentage points of the normal distribution",
    /// *Applied Statistics* 37(3), 477–484 (1988), doi:10.2307/2347330. This is also R's `qnorm`.
    ///
    /// - Parameter p: A probability in `[0, 1]`.
    /// - Returns: `z` with `Φ(z) = p`; `-infinity` for 0, `+infinity` for 1, `.nan` outside `[0, 1]`.
    /// - Complexity: O(1).
    public static func quantile(_ p: Double) -> Double {
        guard p >= 0, p <= 1 else { return .nan }
        if p == 0 { return -.infinity }
        if p == 1 { return .infinity }
        let q = p - 0.5
        if abs(q) <= 0.425 {
            let r = 0.180625 - q * q
            let numerator = ((((((((2.5090809287301226727e3 * r + 3.3430575583588128105e4) * r
                + 6.7265770927008700853e4) * r + 4.5921953931549871457e4) * r
                + 1.3731693765509461125e4) * r + 1.9715909503065514427e3) * r
                + 1.3314166789178437745e2) * r + 3.3871328727963666080e0))
            let denominator = ((((((((5.2264952788528545610e3 * r + 2.8729085735721942674e4) * r
                + 3.9307895800092710610e4) * r + 2.1213794301586595867e4) * r
                + 5.3941960214247511077e3) * r + 6.8718700749205790830e2) * r
                + 4.2313330701600911252e1) * r + 1))
            return q * numerator / denominator
        }
        var r = (q < 0 ? p : 1 - p)
        r = (-log(r)).squareRoot()
        let value: Double
        if r <= 5 {
            r -= 1.6
            let numerator = (((((((7.74545014278341407640e-4 * r + 2.27238449892691845833e-2) * r
                + 2.41780725177450611770e-1) * r + 1.27045825245236838258e0) * r
                + 3.64784832476320460504e0) * r + 5.76949722146069140550e0) * r
                + 4.63033784615654529590e0) * r + 1.42343711074968357734e0)
            let denominator = (((((((1.05075007164441684324e-9 * r + 5.47593808499534494600e-4) * r
                + 1.51986665636164571966e-2) * r + 1.48103976427480074590e-1) * r
                + 6.89767334985100004550e-1) * r + 1.67638483018380384940e0) * r
                + 2.05319162663775882187e0) * r + 1)
            value = numerator / denominator
        } else {
            r -= 5
            let numerator = (((((((2.01033439929228813265e-7 * r + 2.71155556874348757815e-5) * r
                + 1.24266094738807843860e-3) * r + 2.65321895265761230930e-2) * r
                + 2.96560571828504891230e-1) * r + 1.78482653991729133580e0) * r
                + 5.46378491116411436990e0) * r + 6.65790464350110377720e0)
            let denominator = (((((((2.04426310338993978564e-15 * r + 1.42151175831644588870e-7) * r
                + 1.84631831751005468180e-5) * r + 7.86869131145613259100e-4) * r
                + 1.48753612908506148525e-2) * r + 1.36929880922735805310e-1) * r
                + 5.99832206555887937690e-1) * r + 1)
            value = numerator / denominator
        }
        return q < 0 ? -value : value
    }

    /// `P(Z > x) = ½ erfc(x/√2)`, with `x/√2` carried in double-double so the rounding of the
    /// argument (which would cost about `x²·ε` relative in the far tail) is corrected to first order:
    /// `erfc(u + δ) ≈ erfc(u)(1 - δ·R(u))`, `R(u) = 2e^{-u²} / (√π erfc(u))`.
    package static func _upperTail(_ x: Double) -> Double {
        if x.isNaN { return .nan }
        let inverseSqrt2High = 0.7071067811865476
        let inverseSqrt2Low = -4.833646656726457e-17
        let u = x * inverseSqrt2High
        let delta = x.isFinite
            ? (-u).addingProduct(x, inverseSqrt2High).addingProduct(x, inverseSqrt2Low)
            : 0
        let tail = erfc(u)
        guard tail > 0, delta != 0 else { return 0.5 * tail }
        let ratio: Double
        if u >= 5 {
            let inverseSquare = 1 / (u * u)
            ratio = 2 * u / (1 - 0.5 * inverseSquare + 0.75 * inverseSquare * inverseSquare)
        } else {
            ratio = 2 * exp(-u * u) / (1.772_453_850_905_516_027_298_167_483_341_1 * tail)
        }
        return 0.5 * tail * (1 - delta * ratio)
    }
}
