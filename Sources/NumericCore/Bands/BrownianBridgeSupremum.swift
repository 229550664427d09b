import Foundation

/// The distribution of the largest excursion of a standard Brownian bridge over part of its range:
/// `P(sup_{a ≤ x ≤ b} |W⁰(x)| ≤ k)`, the probability behind the Hall–Wellner confidence band for a
/// survival curve (Klein & Moeschberger, *Survival Analysis*, 2nd ed., section 4.4 and table C.3, where
/// `a` and `b` are `a_L` and `a_U`).
///
/// The bridge is Markov: given `W⁰(a) = y`, the value `z = W⁰(b)` is normal with mean `y(1 − b)/(1 − a)`
/// and variance `(b − a)(1 − b)/(1 − a)`, and given both ends the path between is a Brownian bridge of
/// length `τ = b − a`. The chance that such a bridge from `y` to `z` stays inside `(−k, k)` is the image
/// series (width `w = 2k`)
///
///     Σ_j exp(−2jw(jw + z − y)/τ) − Σ_j exp(−2(jw + k − y)(jw + k − z)/τ),
///
/// whose terms fall off as `exp(−2j²w²/τ)`. The probability is that series integrated against the
/// normal densities of `z` given `y` and of `y ~ N(0, a(1 − a))` (one integral when `a = 0`), by
/// adaptive Gauss–Kronrod quadrature to a relative 1e-12.
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
    /// - Complexity: A few thousand evaluations of the series, each O(1) terms.
    public static func probability(bound k: Double, from a: Double, to b: Double) -> Double {
        guard k.isFinite, a.isFinite, b.isFinite, a >= 0, b > a, b < 1 else { return .nan }
        guard k > 0 else { return 0 }
        let tau = b - a, shrink = (1 - b) / (1 - a)
        let sdZ = (tau * shrink).squareRoot()
        let quadrature = AdaptiveQuadrature(relativeTolerance: 1e-12, absoluteTolerance: 1e-16)
        let edge = Swift.min(tau.squareRoot(), k)
        // The chance of staying inside and ending inside, given W⁰(a) = y.
        func staying(from y: Double) -> Double {
            let mean = y * shrink
            let breaks = [-k + edge, k - edge] + [-8, -3, 0, 3, 8].map { mean + $0 * sdZ }
            return quadrature.integrate(-k, k, breaks: breaks, count: 1) { z in
                [Normal.density((z - mean) / sdZ) / sdZ * stripProbability(from: y, to: z, length: tau, bound: k)]
            }[0]
        }
        guard a > 0 else { return clamp(staying(from: 0)) }
        let sdY = (a * (1 - a)).squareRoot()
        let breaks = [-8, -3, 0, 3, 8].map { $0 * sdY }
        return clamp(quadrature.integrate(-k, k, breaks: breaks, count: 1) { y in
            [Normal.density(y / sdY) / sdY * staying(from: y)]
        }[0])
    }

    /// The bound `k` with `P(sup_{a ≤ x ≤ b} |W⁰(x)| ≤ k) = level` (K&M's `k_α(a_L, a_U)` for
    /// `level = 1 − α`), to about 1e-12.
    /// - Parameters:
    ///   - level: The coverage, in (0, 1).
    ///   - a: The start of the range, in [0, 1).
    ///   - b: The end of the range, in (a, 1).
    /// - Returns: The critical value; nil for a level or range outside its domain.
    /// - Complexity: About 40 evaluations of ``probability(bound:from:to:)``.
    public static func criticalValue(level: Double, from a: Double, to b: Double) -> Double? {
        guard a.isFinite, b.isFinite, a >= 0, b > a, b < 1 else { return nil }
        return IncreasingRoot.solve(target: level, start: 1) { probability(bound: $0, from: a, to: b) }
    }

    /// The chance that a Brownian bridge from `y` to `z` over a time `length` stays inside
    /// `(−bound, bound)` (the image series above; 0 for an end outside).
    package static func stripProbability(from y: Double, to z: Double, length tau: Double, bound k: Double) -> Double {
        guard abs(y) < k, abs(z) < k else { return 0 }
        let w = 2 * k
        var sum = 1 - exp(-2 * (k - y) * (k - z) / tau)
        for j in 1...64 {
            var term = 0.0
            for s in [Double(j), -Double(j)] {
                term += exp(-2 * s * w * (s * w + z - y) / tau) - exp(-2 * (s * w + k - y) * (s * w + k - z) / tau)
            }
            sum += term
            if abs(term) < 1e-18 { break }
        }
        return clamp(sum)
    }

    /// `p` limited to [0, 1].
    static func clamp(_ p: Double) -> Double { Swift.min(1, Swift.max(0, p)) }
}
