/// `ED_p`: the dose reaching a fraction `p` of the maximum effect over the observed dose range
/// (DoseFinding `ED(fit, p)`), with a delta-method confidence interval.
public struct EffectiveDoseEstimate: Sendable, Equatable {
    /// `p`, e.g. 0.5 for ED50.
    public let probability: Double
    /// The dose; `nil` when undefined for this fit (zero effect).
    public let estimate: Double?
    /// Delta-method SE, `√(∇ED ᵀ V ∇ED)`, with `∇ED` by central differences; 0 for linear and linlog
    /// (ED does not depend on the parameters there).
    public let standardError: Double?
    /// `estimate − q·SE`.
    public let lower: Double?
    /// `estimate + q·SE`.
    public let upper: Double?
}
