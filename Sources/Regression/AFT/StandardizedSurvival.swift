/// A covariate-adjusted (standardised, g-computation) relief curve of an AFT model: the average over a
/// set of design rows (every patient of the sample, with the group set to one level) of each row's
/// predicted survival at given times and of its restricted mean to τ — never the "average patient"
/// curve. The gradients with respect to `(β, log σ)` give delta-method SEs of the estimates and of the
/// differences between two such curves of one fit (``AFTFit/standardizedContrast(_:_:level:)``).
public struct StandardizedSurvival: Sendable, Equatable {
    /// The times.
    public let times: [Double]
    /// `mean_i S(t | x_i)` at each time.
    public let survival: [Double]
    /// The restricted-mean horizon.
    public let tau: Double
    /// `mean_i ∫₀^τ S(t | x_i) dt`.
    public let restrictedMean: Double
    /// Per time, the gradient of ``survival`` with respect to `(β, log σ)`.
    package let survivalGradients: [[Double]]
    /// The gradient of ``restrictedMean``.
    package let restrictedMeanGradient: [Double]
}
