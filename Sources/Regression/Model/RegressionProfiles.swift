import NumericCore

/// Covariate profiles to predict at: design rows coded as the fit's design (``DesignMatrix/profiles(_:)``),
/// with the dose of each profile for dose–response models and the stratum for stratified Cox models.
public struct RegressionProfiles: Sendable {
    /// `m × p`, one design row per profile (intercept included for AFT models).
    public var x: Matrix
    /// Dose per profile (dose–response models), or nil.
    public var dose: [Double]?
    /// Stratum label per profile (as given to the fit), or nil.
    public var strata: [Int]?

    /// Creates profiles.
    ///
    /// - Parameters:
    ///   - x: The design rows.
    ///   - dose: Doses or nil.
    ///   - strata: Stratum labels or nil.
    public init(x: Matrix, dose: [Double]? = nil, strata: [Int]? = nil) {
        self.x = x
        self.dose = dose
        self.strata = strata
    }

    /// The number of profiles.
    public var count: Int { x.rows }

    /// The design row of profile `index`.
    ///
    /// - Parameter index: `0..<count`.
    /// - Returns: The row, length `p` (empty for an index out of range).
    /// - Complexity: O(p).
    public func row(_ index: Int) -> [Double] {
        guard index >= 0, index < x.rows else { return [] }
        return (0..<x.columns).map { x.elements[index + $0 * x.rows] }
    }
}
