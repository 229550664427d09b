import Survival

/// The predicted survival curve of one covariate profile from a Cox model, as R's
/// `survfit(coxph_fit, newdata = profile)` with its defaults (`se.fit = TRUE`, `conf.type = "log"`,
/// `stype = 2`: `S = exp(−Λ)`), plus what `summary`, `print` and `quantile` of that curve report.
///
/// With relative risk `r = exp((x − means)ᵀ β)`: `Λ(t | x) = r Λ₀(t)`, and
/// `se(Λ)² = r² (V(t) + dᵀ Var(β) d)` with `d = Λ₀(t)(x − means) − A(t)` (see ``CoxBaselineHazard``);
/// the interval is `[S e^{−z se}, min(1, S e^{z se})]`.
public struct CoxSurvivalPrediction: Sendable, Equatable {
    /// The design row `x` (no intercept).
    public let profile: [Double]
    /// The stratum label whose baseline was used (`nil` without strata).
    public let stratum: Int?
    /// `(x − means)ᵀ β` with the fit's overall means (R's `predict(type = "lp")` for new data without
    /// strata; with strata R centres within each stratum, the curve is the same either way).
    public let linearPredictor: Double
    /// Its standard error `√((x − means)ᵀ Var(β) (x − means))`.
    public let linearPredictorStandardError: Double
    /// Rows in the stratum the curve comes from (R's `n`).
    public let n: Int
    /// The curve's times: every distinct time of the stratum (R's `time`).
    public let times: [Double]
    /// Weighted number at risk (R's `n.risk`).
    public let atRisk: [Double]
    /// Weighted number of events (R's `n.event`).
    public let events: [Double]
    /// `Λ(t | x)` (R's `cumhaz`).
    public let cumulativeHazard: [Double]
    /// `se(Λ(t | x))`, including the variance of `β` (R's `std.err`, which is on the cumulative-hazard
    /// scale for Cox curves).
    public let cumulativeHazardStandardError: [Double]
    /// `S(t | x) = exp(−Λ(t | x))` (R's `surv`).
    public let survival: [Double]
    /// Lower confidence limit `S e^{−z se}` (R's `lower`, `conf.type = "log"`).
    public let lower: [Double]
    /// Upper confidence limit `min(1, S e^{z se})` (R's `upper`).
    public let upper: [Double]
    /// `S(t | x)` at each requested time (`summary(curve, times = ...)`): `standardError` is the SE of
    /// `S` (`S · se(Λ)`, summary.survfit's `std.err`), `atRisk` the rounded weighted number at risk.
    public let survivalAtTimes: [SurvivalEstimate]
    /// The median and its interval (R's `print.survfit`: the first time the curve, lower or upper curve
    /// is below 0.5, the midpoint when it sits exactly at 0.5); `nil` components were not reached.
    public let median: QuantileEstimate
    /// The restricted mean `∫₀^τ S(t | x) dt` with R's `se(rmean)` (`print.survfit` with `rmean = τ`), when a
    /// horizon was given. R's SE is the Kaplan–Meier-style formula
    /// `√(Σ_{t_k ≤ τ} A_k² e_k / (n_k (n_k − e_k)))` on the curve's areas `A_k = ∫_{t_k}^τ S`; it does not
    /// include the variance of `β`.
    public let restrictedMean: RestrictedMean?
    /// Level of the intervals.
    public let confidenceLevel: Double
}
