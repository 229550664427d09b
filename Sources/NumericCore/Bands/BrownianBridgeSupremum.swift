import Foundation

/// The distribution of the largest excursion of a standard Brownian bridge over part of its range:
/// `P(sup_{a ≤ x ≤ b} |W⁰(x)| ≤ k)`, the probability behind the Hall–Wellner confidence band for a
/// survival curve (Klein & Moeschberger, *Survival Analysis*, 2nd ed., section 4.4 and table C.3, where
/// `a` and `b` are `a_L` and `a_U`).
///
/// The bridge is Markov: given `W⁰(a) = y`, the value `z = W⁰(b)` is normal with mean `r y` and variance
/// `v = (b − a) r`, `r = (1 − b)/(1 − a)`, and given both ends the path between is a Brownian bridge of
/// length `τ = b − a`, which stays inside `(−k, k)` with the image-series probability (width `w = 2k`)
///
///     Σ_j exp(−2jw(jw + z − y)/τ) − Σ_j exp(−2(jw + k − y)(jw + k − z)/τ).
///
/// Each term is the exponential of a linear function of `z`, so its integral against the normal density
/// of `z` over `(−k, k)` is closed-form; with `ΔΦ(μ) = Φ((k − μ)/√v) − Φ((−k − μ)/√v)` the chance to
/// stay inside given `y` is
///
///     Σ_j exp(−2jw(jw − y)/(1 − a)) ΔΦ(r(y − 2jw)) − exp(−2(jw + k − y)(jw + k)/(1 − a)) ΔΦ(r(2jw + 2k − y)),
///
/// every exponent at most 0 and the terms falling off as `exp(−2j²w²)`. The probability is that
/// integrated against `y ~ N(0, a(1 − a))` (even in `y`) by adaptive Gauss–Kronrod quadrature to a
/// relative 1e-12, or the value at `y = 0` when `a = 0`.
///
/// ```swift
/// BrownianBridgeSupremum.criticalValue(level: 0.95, from: 0, to: 0.1)   // 0.68248 (K&M: 0.6825)
/// ```
///
/// Hall, W. J. and Wellner, J. A. (1980). Confidence bands for a survival curve from censored data.
/// *Biometrika* 67, 133–143. doi:10.1093/biomet/67.1.133
public enum BrownianBridgeSupremum {
    /// `P(sup_{a ≤ x ≤ b} |W⁰(x)| ≤ bound)`.
    /// - Parameters:
    ///   - bound: The bound `k` (0 or less gives 0).
    ///   - a: The start of the range, in [0, 1).
    ///   - b: The end of the range, in (a, 1).
    /// - Returns: The probability; NaN for a range outside `0 ≤ a < b < 1` or a non-finite bound.
    /// - Complexity: A few hundred evaluations of the series, each O(1) terms.
    public static func probability(bound k: Double, from a: Double, to b: Double) -> Double {
        guard k.isFinite, a.isFinite, b.isFinite, a >= 0, b > a, b < 1 else { return .nan }
        guard k > 0 else { return 0 }
        guard a > 0 else { return clamp(staying(from: 0, bound: k, from: a, to: b)) }
        let sdY = (a * (1 - a)).squareRoot()
        let quadrature = AdaptiveQuadrature(relativeTolerance: 1e-12, absoluteTolerance: 1e-16)
        let breaks = [3, 8].map { $0 * sdY }
        return clamp(2 * quadrature.integrate(0, k, breaks: breaks, count: 1) { y in
            [Normal.density(y / sdY) / sdY * staying(from: y, bound: k, from: a, to: b)]
        }[0])
    }

    /// The bound `k` with `P(sup_{a ≤ x ≤ b} |W⁰(x)| ≤ k) = level` (K&M's `k_α(a_L, a_U)` for
    /// `level = 1 − α`), to about 1e-11.
    /// - Parameters:
    ///   - level: The coverage, in (0, 1).
    ///   - a: The start of the range, in [0, 1).
    ///   - b: The end of the range, in (a, 1).
    /// - Returns: The critical value; nil for a level or range outside its domain.
    /// - Complexity: About 15 evaluations of ``probability(bound:from:to:)``.
    public static func criticalValue(level: Double, from a: Double, to b: Double) -> Double? {
        guard a.isFinite, b.isFinite, a >= 0, b > a, b < 1 else { return nil }
        return IncreasingRoot.solve(target: level, start: 1) { probability(bound: $0, from: a, to: b) }
    }

    /// The chance that the bridge stays inside `(−k, k)` on `[a, b]` given `W⁰(a) = y` (the closed form
    /// above; 0 for `|y| ≥ k`).
    package static func staying(from y: Double, bound k: Double, from a: Double, to b: Double) -> Double {
        guard Swift.abs(y) < k else { return 0 }
        let r = (1 - b) / (1 - a), sd = ((b - a) * r).squareRoot(), w = 2 * k, scale = 1 - a
        func mass(_ mean: Double) -> Double {
            let low = (-k - mean) / sd, high = (k - mean) / sd
            if low > 0 { return Normal.survival(low) - Normal.survival(high) }
            if high < 0 { return Normal.cdf(high) - Normal.cdf(low) }
            return 1 - Normal.cdf(low) - Normal.survival(high)
        }
        func term(_ j: Double) -> Double {
            let shift = j * w
            return exp(-2 * shift * (shift - y) / scale) * mass(r * (y - 2 * shift))
                - exp(-2 * (shift + k - y) * (shift + k) / scale) * mass(r * (2 * shift + 2 * k - y))
        }
        var sum = term(0)
        var j = 1.0
        while j <= 64 {
            let up = term(j), down = term(-j)
            sum += up + down
            if Swift.abs(up) + Swift.abs(down) < 1e-18 { break }
            j += 1
        }
        return clamp(sum)
    }

    /// `p` limited to [0, 1].
    static func clamp(_ p: Double) -> Double { Swift.min(1, Swift.max(0, p)) }
}
