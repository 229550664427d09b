/// What a registered model needs from the data and the design (``SurvivalModelEntry/requirements``).
public struct SurvivalModelRequirements: Sendable, Equatable {
    /// Whether the design includes the intercept column (AFT families: yes; Cox and Emax: no).
    public var intercept: Bool
    /// Whether `strata()` may be used (a baseline per stratum: Cox only).
    public var allowsStrata: Bool
    /// Whether a dose column is needed besides the design (``RegressionData/dose``).
    public var needsDose: Bool

    /// Creates the requirements.
    ///
    /// - Parameters:
    ///   - intercept: The design has the intercept column.
    ///   - allowsStrata: Strata are allowed.
    ///   - needsDose: A dose column is needed.
    public init(intercept: Bool, allowsStrata: Bool, needsDose: Bool) {
        self.intercept = intercept
        self.allowsStrata = allowsStrata
        self.needsDose = needsDose
    }
}
