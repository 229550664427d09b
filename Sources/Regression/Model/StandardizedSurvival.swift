/// A covariate-adjusted (standardised, g-computation) relief curve of a fitted model: the average over a
/// set of design rows (every patient of the sample, with the group set to one level) of each row's
/// predicted survival at given times and of its restricted mean to τ — never the "average patient"
/// curve. The gradients with respect to the fit's parameters, and for a Cox fit the loadings on its
/// baseline hazard, give delta-method SEs of the estimates and of the differences between two such
/// curves of one fit (``StandardizingFit/standardizedContrast(_:_:level:)``).
public struct StandardizedSurvival: Sendable, Equatable {
    /// The times.
    public let times: [Double]
    /// `mean_i S(t | x_i)` at each time.
    public let survival: [Double]
    /// The restricted-mean horizon.
    public let tau: Double
    /// `mean_i ∫₀^τ S(t | x_i) dt`.
    public let restrictedMean: Double
    /// Per time, the gradient of ``survival`` with respect to the fit's parameters.
    package let survivalGradients: [[Double]]
    /// The gradient of ``restrictedMean``.
    package let restrictedMeanGradient: [Double]
    /// How the curve loads on each estimated baseline hazard (Cox fits: one per stratum, each scaled by
    /// the stratum's share of the rows); empty for a parametric fit.
    package let baselines: [BaselineLoadings]
}
