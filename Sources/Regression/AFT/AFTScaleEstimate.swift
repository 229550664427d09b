/// The estimated scale `σ` of an AFT fit (R's `Log(scale)` row), with the Weibull / log-logistic shape
/// `1/σ`.
///
/// Inference is on `log σ` (as R): `z = log σ / se` (a test of `σ = 1`, e.g. Weibull vs exponential),
/// interval `exp(log σ ± z_{1−α/2} se)` for `σ` and its reciprocal for the shape. The robust standard
/// error is used when the fit has one.
public struct AFTScaleEstimate: Sendable, Equatable {
    /// `log σ`.
    public let logScale: Double
    /// The model-based SE of `log σ`.
    public let standardError: Double
    /// The robust SE of `log σ`, nil when none was computed.
    public let robustStandardError: Double?
    /// `log σ / se`.
    public let z: Double
    /// Two-sided p-value of `log σ = 0`.
    public let pValue: Double
    /// `σ`.
    public let scale: Double
    /// Confidence limits for `σ`.
    public let scaleLower: Double, scaleUpper: Double
    /// The shape `1/σ` (Weibull shape `k`, log-logistic shape).
    public let shape: Double
    /// SE of the shape by the delta method, `se(log σ) / σ`.
    public let shapeStandardError: Double
    /// Confidence limits for the shape (`1/scaleUpper`, `1/scaleLower`).
    public let shapeLower: Double, shapeUpper: Double
}
