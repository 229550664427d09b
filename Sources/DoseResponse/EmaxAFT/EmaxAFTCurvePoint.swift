/// The fitted Emax curve at one dose and the reference covariate profile (`x = 0`):
/// `g(d) = E0 + Emax·d^h/(ED50^h + d^h)` days (`exp` of the AFT location), with a delta-method interval
/// computed on `log g` and transformed back: `exp(log g ± z·se(log g))`.
///
/// `g` is the time `exp(η)` of the AFT model; the median relief is `g·exp(σ·F₀⁻¹(0.5))` (`median`).
public struct EmaxAFTCurvePoint: Sendable, Equatable {
    /// The dose.
    public let dose: Double
    /// `g(d)`, days.
    public let estimate: Double
    /// Lower confidence limit of `g(d)`.
    public let lower: Double
    /// Upper confidence limit of `g(d)`.
    public let upper: Double
    /// The median relief at the reference profile, `g(d)·exp(σ F₀⁻¹(0.5))` (`= g` for log-normal and
    /// log-logistic, `g·(log 2)^σ` for Weibull).
    public let median: Double
}
