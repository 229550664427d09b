/// One row of the per-term test table of a fitted regression: the term against the model without it,
/// by the Wald test of its coefficients together and by the likelihood-ratio test of the two fits
/// (R's `drop1(fit, test = "Chisq")`).
public struct TermTest: Sendable, Equatable {
    /// The term label as R writes it (`condition`, `baseline_pain:cotherapy`, `ns(dose_mg_kg, df = 3)`).
    public let term: String
    /// The design columns of the term (the degrees of freedom of both tests).
    public let degreesOfFreedom: Int
    /// `b_T' V_T⁻¹ b_T` over the term's coefficients, `V` the robust covariance when the fit has one.
    public let wald: RegressionTest
    /// `2 (ℓ(full) − ℓ(without the term))`, nil when the reduced model was not fitted.
    public let likelihoodRatio: RegressionTest?
    /// The AIC of the model without the term (`−2ℓ + 2k`, `k` the full model's parameters less the
    /// term's), as R's `drop1` prints it; nil with ``likelihoodRatio``.
    public let aicWithout: Double?

    /// Creates a row.
    ///
    /// - Parameters:
    ///   - term: The term label.
    ///   - degreesOfFreedom: Its columns.
    ///   - wald: The Wald test.
    ///   - likelihoodRatio: The likelihood-ratio test, or nil.
    ///   - aicWithout: The AIC without the term, or nil.
    public init(term: String, degreesOfFreedom: Int, wald: RegressionTest, likelihoodRatio: RegressionTest?,
                aicWithout: Double?) {
        self.term = term
        self.degreesOfFreedom = degreesOfFreedom
        self.wald = wald
        self.likelihoodRatio = likelihoodRatio
        self.aicWithout = aicWithout
    }
}
