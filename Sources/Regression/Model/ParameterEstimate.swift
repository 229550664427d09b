/// One parameter of a fitted model on its estimation scale with its Wald inference: the model-based and
/// robust standard errors, `z = estimate / SE`, the two-sided normal p-value and the interval
/// `estimate ± z₁₋α/₂ SE`, where SE is the robust one when the fit has a robust variance (as R).
public struct ParameterEstimate: Sendable, Equatable {
    /// The parameter's name (``SurvivalRegressionFit/parameterNames``).
    public let name: String
    /// The estimate.
    public let estimate: Double
    /// The model-based standard error.
    public let standardError: Double
    /// The robust standard error, `nil` without a robust variance.
    public let robustStandardError: Double?
    /// `estimate / SE`.
    public let z: Double
    /// `2 (1 − Φ(|z|))`.
    public let pValue: Double
    /// The lower limit.
    public let lower: Double
    /// The upper limit.
    public let upper: Double
}
