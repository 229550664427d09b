import Testing

/// Comparison helpers with stated tolerances for the survival tests.
enum SurvivalTolerance {
    /// Absolute tolerance for KM estimates, SEs, CI limits, quantiles and restricted means.
    static let absolute = 1e-10
    /// Relative tolerance for test statistics and p-values.
    static let relative = 1e-8

    /// `expected == nil` (R's NA/NaN/Inf) requires `actual` nil or non-finite; otherwise |a - e| <= tol.
    static func expectClose(_ actual: Double?, _ expected: Double?, tolerance: Double = absolute,
                            _ what: String, sourceLocation: SourceLocation = #_sourceLocation) {
        guard let expected else {
            #expect(actual == nil || actual?.isFinite == false,
                    "\(what): expected NA, got \(String(describing: actual))", sourceLocation: sourceLocation)
            return
        }
        guard let actual else {
            Issue.record("\(what): expected \(expected), got nil", sourceLocation: sourceLocation)
            return
        }
        #expect(abs(actual - expected) <= tolerance, "\(what): expected \(expected), got \(actual)",
                sourceLocation: sourceLocation)
    }

    /// |a - e| <= rel · max(|e|, 1e-300).
    static func expectRelative(_ actual: Double, _ expected: Double, tolerance: Double = relative,
                               _ what: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(abs(actual - expected) <= tolerance * max(abs(expected), 1e-300),
                "\(what): expected \(expected), got \(actual)", sourceLocation: sourceLocation)
    }
}
