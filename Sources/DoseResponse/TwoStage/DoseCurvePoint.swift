/// One point of a fitted dose-response curve with a pointwise confidence interval
/// (DoseFinding `predict(fit, predType = "ls-means", doseSeq, se.fit = TRUE)`).
public struct DoseCurvePoint: Sendable, Equatable {
    /// The dose.
    public let dose: Double
    /// `f(d; β̂)`.
    public let estimate: Double
    /// `√(∇f ᵀ V ∇f)`; `nil` when the covariance is singular.
    public let standardError: Double?
    /// `estimate − q·SE`.
    public let lower: Double?
    /// `estimate + q·SE`.
    public let upper: Double?
}
