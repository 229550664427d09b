/// The restricted mean survival time `RMST(τ) = ∫₀^τ S(t | x) dt` of one covariate profile.
public struct AFTRestrictedMeanPrediction: Sendable, Equatable {
    /// The horizon `τ`.
    public let tau: Double
    /// `∫₀^τ S(t | x) dt` (adaptive Gauss–Kronrod quadrature, relative accuracy about 1e-10).
    public let estimate: Double
    /// Delta-method SE `√(gᵀ V g)`, `g = (x ∫₀^τ f₀(z)/σ dt, ∫₀^τ f₀(z) z dt)`.
    public let standardError: Double
    /// `estimate − z_{1−α/2} · standardError`.
    public let lower: Double
    /// `estimate + z_{1−α/2} · standardError`.
    public let upper: Double

    /// Creates a row; see the properties.
    package init(tau: Double, estimate: Double, standardError: Double, lower: Double, upper: Double) {
        self.tau = tau
        self.estimate = estimate
        self.standardError = standardError
        self.lower = lower
        self.upper = upper
    }
}
