/// One fitted dose-model parameter with its standard error and Wald confidence interval.
public struct DoseParameterEstimate: Sendable, Equatable {
    /// DoseFinding's name (`e0`, `eMax`, `ed50`, `h`, `delta`, `b1`, `b2`, `e1`).
    public let name: String
    /// The estimate.
    public let estimate: Double
    /// `√V_kk` from DoseFinding's `vcov.DRMod`; `nil` when the covariance is singular.
    public let standardError: Double?
    /// `estimate − q·SE` (q: t quantile with the residual df for type normal, normal quantile for general).
    public let lower: Double?
    /// `estimate + q·SE`.
    public let upper: Double?
    /// True when a non-linear parameter ended on one of its bounds (its SE is then not a valid
    /// measure of uncertainty).
    public let atBound: Bool
}
