/// One fixed effect of a shared-frailty Cox fit as R's `print.coxph.penal` and `summary.coxph.penal`
/// show it: the estimate, `se(coef)` (from `var`), `se2` (from `var2`), the Wald chi-squared on `var` (1 df),
/// its p-value, the hazard ratio and its interval `exp(coef ± z se(coef))`.
public struct FrailtyCoxCoefficient: Sendable, Equatable {
    public let term: String
    public let estimate: Double
    public let hazardRatio: Double
    public let standardError: Double
    public let sandwichStandardError: Double
    public let chiSquared: Double
    public let pValue: Double
    public let lower: Double
    public let upper: Double
}
