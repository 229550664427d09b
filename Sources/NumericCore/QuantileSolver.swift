/// A safeguarded Newton iteration for inverting a monotone function, used by the quantile
/// functions of the continuous distributions.
///
/// The caller supplies a bracket `[lower, upper]` on which the residual changes sign from negative
/// to positive (the residual must be increasing) and a function returning the residual and its
/// derivative. Each Newton step that leaves the current bracket is replaced by a bisection
/// (geometric when the bracket spans more than a factor of four on the positive axis), so the
/// iteration always converges; near the root it converges quadratically.
package struct QuantileSolver: Sendable {
    /// Largest number of residual evaluations.
    package var maxIterations = 300

    /// Finds `x` in `[lower, upper]` with `residual(x) = 0` to about two ulps.
    ///
    /// - Parameters:
    ///   - lower: Left end of the bracket; `residual(lower) ≤ 0` is assumed.
    ///   - upper: Right end of the bracket; `residual(upper) ≥ 0` is assumed.
    ///   - initial: Starting point; replaced by the bracket midpoint if outside the bracket.
    ///   - residual: The increasing function and its derivative at a point.
    /// - Returns: The root estimate.
    /// - Complexity: At most `maxIterations` evaluations of `residual`.
    package func solve(
        lower: Double, upper: Double, initial: Double,
        residual: (Double) -> (value: Double, derivative: Double)
    ) -> Double {
        var low = lower
        var high = upper
        var x = (initial > low && initial < high) ? initial : Self.split(low, high)
        var iteration = 0
        while iteration < maxIterations {
            iteration += 1
            let (value, derivative) = residual(x)
            if value == 0 { return x }
            if value.isNaN {
                // Cannot tell the side; shrink towards the finite middle of the bracket.
                high = x
            } else if value < 0 {
                low = x
            } else {
                high = x
            }
            var next = x - value / derivative
            if !next.isFinite || next <= low || next >= high {
                next = Self.split(low, high)
            }
            let tolerance = 2 * Double.ulpOfOne * abs(next)
            if abs(next - x) <= tolerance || high - low <= tolerance {
                return next
            }
            x = next
        }
        return x
    }

    /// The bisection point: geometric mean for a wide bracket on the positive axis, else midpoint.
    package static func split(_ low: Double, _ high: Double) -> Double {
        if low > 0, high.isFinite, high > 4 * low {
            return (low.squareRoot() * high.squareRoot())
        }
        return low + 0.5 * (high - low)
    }
}
