/// The root of `f(x) = target` for a function `f` increasing on `(0, ∞)`, such as the distribution
/// function of a supremum: the critical values of the simultaneous confidence bands
/// (``BrownianBridgeSupremum``, ``StandardizedBridgeSupremum``).
///
/// The root is bracketed by doubling or halving from `start`, then found by the Illinois variant of
/// regula falsi (superlinear, always inside the bracket), stopping when a step moves the root by less
/// than 1e-11 relative or the residual is below 1e-14: each evaluation is a numerical integral or an
/// eigen-decomposition, so iterating to the last ulp would only chase quadrature noise.
package enum IncreasingRoot {
    /// Solves `f(x) = target` for `x > 0`.
    /// - Parameters:
    ///   - target: The value to reach, in (0, 1) for a probability.
    ///   - start: A first guess, positive.
    ///   - f: The increasing function.
    /// - Returns: The root to about 1e-11 relative; nil when `target` is outside (0, 1) or no bracket is
    ///   found between 1e-6 and 1e3 times `start`.
    /// - Complexity: About 5 evaluations to bracket and 6 to 12 to solve.
    package static func solve(target: Double, start: Double, _ f: (Double) -> Double) -> Double? {
        guard target.isFinite, target > 0, target < 1, start > 0 else { return nil }
        var low = start, high = start
        var lowValue = f(low) - target
        guard lowValue.isFinite else { return nil }
        var highValue = lowValue
        while lowValue > 0 {
            high = low
            highValue = lowValue
            low /= 2
            guard low > start * 1e-6 else { return nil }
            lowValue = f(low) - target
        }
        while highValue < 0 {
            low = high
            lowValue = highValue
            high *= 2
            guard high < start * 1e3 else { return nil }
            highValue = f(high) - target
        }
        var previous = Double.nan
        var side = 0
        for _ in 0..<100 {
            var x = (low * highValue - high * lowValue) / (highValue - lowValue)
            if !(x > low && x < high) { x = low + (high - low) / 2 }
            let value = f(x) - target
            guard value.isFinite else { return nil }
            if abs(value) <= 1e-14 || abs(x - previous) <= 1e-11 * x || high - low <= 1e-13 * x { return x }
            previous = x
            if value > 0 {
                high = x
                highValue = value
                if side == -1 { lowValue /= 2 }
                side = -1
            } else {
                low = x
                lowValue = value
                if side == 1 { highValue /= 2 }
                side = 1
            }
        }
        return previous.isFinite ? previous : nil
    }
}
