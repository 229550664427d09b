import NumericCore

/// What R's `coxpenal.df` and `print.coxph.penal` compute from the penalised information `H` and the
/// penalty `P` at a shared-frailty fit.
package struct FrailtyDegreesOfFreedom: Sendable {
    /// The diagonal of the frailty block of `H⁻¹` (R's `fit$fvar`; for a dense term `diag(fit$var)` of its columns).
    package let frailtyVariance: [Double]
    /// The fixed block of `H⁻¹ (H − P) H⁻¹` (R's `fit$var2`).
    package let sandwich: Matrix
    /// The frailty term's degrees of freedom (R's `fit$df` entry of the term).
    package let frailtyDF: Double
    /// The trace of the frailty block of `H⁻¹` (R's `trH`, which the gaussian search uses).
    package let trace: Double
    /// The frailty term's Wald chi-squared as print shows it: `Σ w_g² / fvar_g` for a sparse term,
    /// `wᵀ V_ff⁻¹ w` on the frailty block of `fit$var` for a dense one.
    package let frailtyChiSquared: Double
}
