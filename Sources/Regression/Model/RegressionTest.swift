/// A chi-squared test reported by a survival regression fit (``SurvivalRegressionFit/tests``).
public struct RegressionTest: Sendable, Equatable {
    /// Which test.
    public enum Kind: String, Sendable, CaseIterable {
        /// `2 (ℓ(θ̂) − ℓ₀)` against the reference model (β = 0 for Cox, intercept-only for AFT models).
        case likelihoodRatio = "likelihood ratio"
        /// `θ̂ᵀ V⁻¹ θ̂` over the coefficients tested (robust `V` when present).
        case wald
        /// `U(θ₀)ᵀ I(θ₀)⁻¹ U(θ₀)` at the reference model (the log-rank test for a single factor).
        case score
        /// The score test with the robust (cluster) variance of the scores.
        case robustScore = "robust score"
    }

    /// The test.
    public let kind: Kind
    /// The chi-squared statistic.
    public let statistic: Double
    /// Its degrees of freedom.
    public let degreesOfFreedom: Int
    /// The upper-tail p-value.
    public let pValue: Double
}
