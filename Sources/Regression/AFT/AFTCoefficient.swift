/// One regression coefficient of an AFT fit with its time ratio.
///
/// `timeRatio = exp(β)`: the factor by which a one-unit increase of the column multiplies every
/// quantile of the survival time. A positive coefficient (ratio > 1) means LONGER relief; a negative
/// one, shorter. `z`, `pValue` and the interval use the robust standard error when the fit has one
/// (as R's `summary.survreg` after `robust = TRUE` or `cluster`), else the model-based one:
/// `z = β / se`, `p = 2 (1 − Φ(|z|))`, interval `exp(β ± z_{1−α/2} se)`.
public struct AFTCoefficient: Sendable, Equatable {
    /// The 0-based column of the design matrix.
    public let column: Int
    /// `β`.
    public let estimate: Double
    /// The model-based standard error `√V_jj` (R's `naive.var` when robust).
    public let standardError: Double
    /// The robust (sandwich) standard error, nil when none was computed.
    public let robustStandardError: Double?
    /// `β / se` with the standard error used for inference.
    public let z: Double
    /// The two-sided Wald p-value.
    public let pValue: Double
    /// `exp(β)`, the time ratio (acceleration factor).
    public let timeRatio: Double
    /// Lower confidence limit of the time ratio.
    public let lower: Double
    /// Upper confidence limit of the time ratio.
    public let upper: Double
}
