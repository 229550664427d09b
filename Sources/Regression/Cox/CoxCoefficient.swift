/// One row of a Cox coefficient table (as `summary(coxph)`).
public struct CoxCoefficient: Sendable, Equatable {
    /// The term (column) name.
    public let term: String
    /// The log hazard ratio `β`.
    public let estimate: Double
    /// The naive standard error `sqrt(I⁻¹)_jj`.
    public let standardError: Double
    /// The robust (sandwich) standard error, when the fit has one.
    public let robustStandardError: Double?
    /// `β / se`, with the robust se when present (as R).
    public let z: Double
    /// Two-sided normal p-value of `z`.
    public let pValue: Double
    /// The hazard ratio `exp(β)`.
    public let hazardRatio: Double
    /// Lower confidence limit of the hazard ratio, `exp(β − z_{1−α/2} se)`.
    public let lower: Double
    /// Upper confidence limit of the hazard ratio, `exp(β + z_{1−α/2} se)`.
    public let upper: Double
}
