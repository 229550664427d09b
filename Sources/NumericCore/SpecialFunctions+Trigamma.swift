import Foundation

extension SpecialFunctions {
    /// The trigamma function `ψ′(x) = Σₖ 1/(x + k)²`, for `x > 0`: the recurrence `ψ′(x) = ψ′(x + 1) + 1/x²`
    /// up to `x ≥ 20`, then the asymptotic series
    /// `1/x + 1/(2x²) + 1/(6x³) − 1/(30x⁵) + 1/(42x⁷) − 1/(30x⁹)` (relative error below `10⁻¹⁴`).
    /// It is the variance of `log Z` for `Z ~ Gamma(shape x, any rate)`.
    ///
    /// - Parameter x: A positive number.
    /// - Returns: `ψ′(x)`, `.nan` for `x ≤ 0` or NaN.
    /// - Complexity: O(1) (at most 20 recurrence steps).
    public static func trigamma(_ x: Double) -> Double {
        guard x > 0, x.isFinite else { return x == .infinity ? 0 : .nan }
        var total = 0.0, v = x
        while v < 20 {
            total += 1 / (v * v)
            v += 1
        }
        let r = 1 / v, r2 = r * r
        return total + r + r2 / 2 + r * r2 * (1.0 / 6 - r2 * (1.0 / 30 - r2 * (1.0 / 42 - r2 / 30)))
    }
}
