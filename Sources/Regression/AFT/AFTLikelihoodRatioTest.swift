/// The likelihood-ratio test of an AFT model against the intercept-only model, as `print.survreg`'s
/// `Chisq = 2 (ℓ − ℓ₀)` on `df` = number of coefficients other than the intercept.
public struct AFTLikelihoodRatioTest: Sendable, Equatable {
    /// `2 (ℓ_model − ℓ_intercept-only)`.
    public let statistic: Double
    /// Degrees of freedom.
    public let degreesOfFreedom: Int
    /// Upper chi-squared tail; 1 when `df = 0`.
    public let pValue: Double

    /// Creates the result; see the properties.
    public init(statistic: Double, degreesOfFreedom: Int, pValue: Double) {
        self.statistic = statistic
        self.degreesOfFreedom = degreesOfFreedom
        self.pValue = pValue
    }
}
