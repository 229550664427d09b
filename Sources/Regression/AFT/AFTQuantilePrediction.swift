/// A predicted quantile of the survival time for one covariate profile (R's
/// `predict(fit, type = "quantile", p = p, se.fit = TRUE)`).
public struct AFTQuantilePrediction: Sendable, Equatable {
    /// The probability `p` (0.5 = median): the time by which a fraction `p` has had the event.
    public let probability: Double
    /// `t_p = exp(xᵀβ + σ F₀⁻¹(p))`.
    public let estimate: Double
    /// R's `se.fit`: `t_p · se(log t_p)`.
    public let standardError: Double
    /// `se(log t_p) = √(gᵀ V g)`, `g = (x, σ F₀⁻¹(p))`.
    public let logStandardError: Double
    /// Lower limit `exp(log t_p − z_{1−α/2} se(log t_p))`.
    public let lower: Double
    /// Upper limit `exp(log t_p + z_{1−α/2} se(log t_p))`.
    public let upper: Double

    /// Creates a row; see the properties.
    package init(probability: Double, estimate: Double, standardError: Double, logStandardError: Double,
                lower: Double, upper: Double) {
        self.probability = probability
        self.estimate = estimate
        self.standardError = standardError
        self.logStandardError = logStandardError
        self.lower = lower
        self.upper = upper
    }
}
