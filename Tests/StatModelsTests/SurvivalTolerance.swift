import ReliefTestSupport
import Testing

/// The survival tests' stated tolerances, over the shared rule of `Tolerance` (ReliefTestSupport): equal
/// or within the tolerance, NaN never passes, an expected `nil` is R's `NA`.
enum SurvivalTolerance {
    /// Absolute tolerance for KM estimates, SEs, CI limits, quantiles and restricted means.
    static let absolute = 1e-10
    /// Relative tolerance for test statistics and p-values.
    static let relative = 1e-8

    /// `|a − e| ≤ tolerance` (`Tolerance.absolute`); `expected == nil` (R's NA/NaN/Inf) requires `actual`
    /// nil or non-finite.
    static func expectClose(_ actual: Double?, _ expected: Double?, tolerance: Double = absolute,
                            _ what: String, sourceLocation: SourceLocation = #_sourceLocation) {
        Tolerance.absolute(tolerance).expect(actual, expected, what, sourceLocation: sourceLocation)
    }

    /// `|a − e| ≤ max(tolerance · max(|a|, |e|), tolerance · 1e-300)` (`Tolerance.relative` with a floor
    /// for a zero reference).
    static func expectRelative(_ actual: Double, _ expected: Double, tolerance: Double = relative,
                               _ what: String, sourceLocation: SourceLocation = #_sourceLocation) {
        Tolerance.relative(tolerance, floor: tolerance * 1e-300).expect(actual, expected, what, sourceLocation: sourceLocation)
    }
}
