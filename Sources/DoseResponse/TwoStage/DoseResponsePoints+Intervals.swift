import NumericCore

extension DoseResponsePoints {
    /// Wald confidence intervals of the stage-1 estimates, estimate ± z·SE with z the normal quantile
    /// of `(1 + level) / 2` (as DoseFinding's plots of the stage-1 points).
    /// - Parameter level: The confidence level in (0, 1).
    /// - Returns: One `(lower, upper)` per dose level; `nil` limits where the SE is not finite.
    /// - Complexity: O(k) for k dose levels.
    public func waldIntervals(level: Double) -> [(lower: Double?, upper: Double?)] {
        let z = Normal.quantile(0.5 + level / 2)
        let errors = standardErrors
        return estimates.indices.map { index in
            let se = errors.indices.contains(index) ? errors[index] : .nan
            guard se.isFinite, z.isFinite else { return (nil, nil) }
            return (estimates[index] - z * se, estimates[index] + z * se)
        }
    }
}
