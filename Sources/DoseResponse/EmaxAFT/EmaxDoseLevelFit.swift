import NumericCore

/// The dose-level fit behind the Emax start and the ED50 profile grid: the linear AFT
/// `log T = γ_k + xᵀb + σW` with one free location `γ_k` per dose group `k` (R: `survreg` with
/// `factor(dose)` and the covariates), fitted by ``ParametricAFT``.
///
/// Groups are the distinct doses when there are at most 12, otherwise 8 groups of equal size by dose
/// rank, each at its mean dose (``isBinned``). When the doses are the levels, the Emax model is nested in
/// this one: `γ_k = log(E0 + Emax·f(d_k))`.
package struct EmaxDoseLevelFit: Sendable {
    /// The dose of each group (the level, or the group's mean dose when binned), ascending.
    package let doses: [Double]
    /// Rows per group.
    package let counts: [Double]
    /// `γ̂_k`, the group locations at `x = 0`.
    package let locations: [Double]
    /// The model-based covariance of `γ̂` (`k × k`), from the inverse information of the whole fit, so
    /// `b` and `log σ` are profiled out.
    package let covariance: Matrix
    /// `b̂`, the covariate coefficients.
    package let coefficients: [Double]
    /// `log σ̂` (nil when the scale is fixed).
    package let logScale: Double?
    /// Whether the doses were binned into groups.
    package let isBinned: Bool
    /// The intercept-only fit of the same data (`log t` scale log-likelihood and `(β₀, log σ)`), shared by
    /// the linear AFTs fitted from this one's start.
    package let nullLogLikelihood: Double?
    /// The intercept-only parameters.
    package let nullParameters: [Double]?
}
