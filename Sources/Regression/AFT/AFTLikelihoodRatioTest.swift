/// The likelihood-ratio test of an AFT model against the intercept-only model, as `print.survreg`'s
/// `Chisq = 2 (ℓ − ℓ₀)` on `df` = number of coefficients other than the intercept (p = 1 when df = 0):
/// the same chi-squared record as the Cox fit's tests.
public typealias AFTLikelihoodRatioTest = CoxPHTest
