import Survival

/// The covariate-adjusted part of `relief compare --adjust`: each group's standardised curve (every
/// patient's covariates, the group set to that level, predictions averaged: g-computation) from a Cox
/// or parametric AFT model, and the differences against the reference, with delta-method SEs.
public struct AdjustedComparison: Sendable {
    /// One group's adjusted estimates, or its differences from the reference.
    public struct Group: Sendable {
        /// The level.
        public let level: String
        /// Survival (or its difference) at each of ``AdjustedComparison/times``.
        public let survival: [Contrast]
        /// The restricted mean to τ (or its difference).
        public let restrictedMean: Contrast
    }

    /// The fitted model (`weibull`, ...).
    public let model: String
    /// The adjustment terms as given.
    public let adjust: String
    /// The model's formula: the group and the adjustment terms.
    public let formula: String
    /// The `strata()` columns of a Cox adjustment: each row's curve then uses its own stratum's baseline.
    public let strataColumns: [String]
    /// The rows averaged over.
    public let rows: Int
    /// The times of the survival estimates.
    public let times: [Double]
    /// Every group's adjusted estimates (SE, interval; p against 0 is not meaningful here).
    public let groups: [Group]
    /// Every other group minus the reference.
    public let contrasts: [Group]
    /// The times of ``curves``: equal steps to τ for a smooth curve, a step curve's own times (then τ).
    public let curveTimes: [Double]
    /// Every group's adjusted survival at ``curveTimes``, for the figure.
    public let curves: [Group]
    /// Whether ``curves`` are step functions (Cox) rather than smooth (parametric).
    public let curvesAreSteps: Bool
    /// Each other group's difference from the reference at ``curveTimes`` (delta method, as
    /// ``contrasts``), in the order of ``contrasts``, for the figure's difference panel.
    public var curveContrasts: [Group] = []
}
