/// The root of `f(x) = target` for a function `f` increasing on `(0, ∞)`, such as the distribution
/// function of a supremum: the critical values of the simultaneous confidence bands
/// (``BrownianBridgeSupremum``, ``StandardizedBridgeSupremum``).
///
/// The root is bracketed by doubling or halving from `start`, then found by ``QuantileSolver`` with the
/// secant slope of the last two evaluations as the derivative (a bisection whenever the secant step
/// leaves the bracket).
package enum IncreasingRoot {
    /// Solves `f(x) = target` for `x > 0`.
    /// - Parameters:
    ///   - target: The value to reach, in (0, 1) for a probability.
    ///   - start: A first guess, positive.
    ///   - f: The increasing function.
    /// - Returns: The root to about 1e-12 relative; nil when `target` is outside (0, 1) or no bracket is
    ///   found between 1e-6 and 1e3 times `start`.
    /// - Complexity: About 10 evaluations to bracket and 10 to 40 to solve.
    package static func solve(target: Double, start: Double, _ f: (Double) -> Double) -> Double? {
        guard target.isFinite, target > 0, target < 1, start > 0 else { return nil }
        var low = start, high = start
        var lowValue = f(low)
        var highValue = lowValue
        guard lowValue.isFinite else { return nil }
        while lowValue > target {
            high = low
            highValue = lowValue
            low /= 2
            guard low > start * 1e-6 else { return nil }
            lowValue = f(low)
        }
        while highValue < target {
            low = high
            lowValue = highValue
            high *= 2
            guard high < start * 1e3 else { return nil }
            highValue = f(high)
        }
        var previous = (x: low, value: lowValue - target)
        var solver = QuantileSolver()
        solver.maxIterations = 80
        let initial = low + (high - low) * (target - lowValue) / Swift.max(highValue - lowValue, .leastNormalMagnitude)
        let root = solver.solve(lower: low, upper: high, initial: initial) { x in
            let value = f(x) - target
            let slope = (value - previous.value) / (x - previous.x)
            previous = (x: x, value: value)
            return (value, slope)
        }
        return root.isFinite ? root : nil
    }
}
