/// A proportional-hazards-metric effect of a Weibull (or exponential) AFT fit.
///
/// The Weibull AFT model is also a PH model with `log HR_j = −β_j / σ`; a hazard ratio above 1 means
/// relief ends sooner. Delta method on `(β_j, log σ)`:
/// `var(−β_j/σ) = (V_jj − 2 β_j V_js + β_j² V_ss) / σ²` (only `V_jj / σ²` for a fixed scale), interval
/// `exp(−β_j/σ ± z_{1−α/2} se)`, with the robust variance when the fit has one.
public struct AFTHazardRatio: Sendable, Equatable {
    /// The 0-based column of the design matrix.
    public let column: Int
    /// `−β_j / σ`.
    public let logHazardRatio: Double
    /// Its standard error.
    public let standardError: Double
    /// `exp(−β_j / σ)`.
    public let hazardRatio: Double
    /// Confidence limits of the hazard ratio.
    public let lower: Double, upper: Double
    /// Two-sided Wald p-value of `log HR = 0`.
    public let pValue: Double
}
