/// A chi-squared test of a regression fit: the Cox fit's likelihood-ratio, Wald, score and robust score
/// tests, and the AFT fit's likelihood-ratio test against the intercept-only model.
public struct CoxPHTest: Sendable, Equatable {
    /// The chi-squared statistic.
    public let statistic: Double
    /// Degrees of freedom (the number of coefficients tested).
    public let degreesOfFreedom: Int
    /// Upper-tail chi-squared p-value.
    public let pValue: Double
}
