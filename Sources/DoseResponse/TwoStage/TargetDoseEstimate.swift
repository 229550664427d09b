/// The target dose: the smallest dose whose mean response exceeds that at dose 0 by `gain`
/// (DoseFinding `TD(fit, Delta)`, increasing direction), with a delta-method confidence interval.
public struct TargetDoseEstimate: Sendable, Equatable {
    /// The wanted gain `Delta` over dose 0, in response units.
    public let gain: Double
    /// The dose; `nil` when the fitted curve never gains that much.
    public let estimate: Double?
    /// Delta-method SE with the gradient by central differences.
    public let standardError: Double?
    /// `estimate − q·SE`.
    public let lower: Double?
    /// `estimate + q·SE`.
    public let upper: Double?
}
