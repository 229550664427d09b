/// A standard (location 0, scale 1) error distribution `W` of the log-linear model
/// `log T = xᵀβ + σ W`, described as data (as R's `survreg.distributions` entries `extreme`,
/// `logistic` and `gaussian`), not as a subclass.
///
/// Each member is a plain function of the standardised residual `z = (log t − xᵀβ) / σ`:
/// the density `f₀`, survival `S₀ = 1 − F₀`, quantile `F₀⁻¹`, and the log density and log survival
/// with their first two derivatives (which give the analytic gradient and Hessian of the
/// log-likelihood). `initialLocationShift` and `initialVarianceDivisor` reproduce the family's
/// `init` function in R (starting mean `mean(log t) + shift`, starting variance `var(log t) / divisor`).
///
/// ```swift
/// let ev = LocationScaleFamily.extremeValue
/// ev.survival(0)              // exp(-1)
/// ev.logDensity(0).first      // 0  (d/dz of z - e^z at 0)
/// ```
public struct LocationScaleFamily: Sendable, CustomStringConvertible {
    /// The name R uses (`"Extreme value"`, `"Logistic"`, `"Gaussian"`).
    public let name: String
    /// The density `f₀(z)`.
    public let density: @Sendable (Double) -> Double
    /// The survival function `S₀(z) = P(W > z)`.
    public let survival: @Sendable (Double) -> Double
    /// The quantile function `F₀⁻¹(p)` for `p` in (0, 1).
    public let quantile: @Sendable (Double) -> Double
    /// `log f₀(z)` and its first two `z`-derivatives (an observed event).
    public let logDensity: @Sendable (Double) -> LogDerivatives
    /// `log S₀(z)` and its first two `z`-derivatives (a right-censored time).
    public let logSurvival: @Sendable (Double) -> LogDerivatives
    /// Added to the weighted mean of `log t` for the starting location (R: 0.572 for extreme value).
    public let initialLocationShift: Double
    /// The weighted variance of `log t` is divided by this for the starting variance (R: 1.64, 3.2, 1).
    public let initialVarianceDivisor: Double

    /// Creates a family from its functions.
    ///
    /// - Parameters:
    ///   - name: A display name.
    ///   - density: `f₀(z)`.
    ///   - survival: `S₀(z)`.
    ///   - quantile: `F₀⁻¹(p)`.
    ///   - logDensity: `log f₀` with derivatives.
    ///   - logSurvival: `log S₀` with derivatives.
    ///   - initialLocationShift: Starting-value shift of the mean.
    ///   - initialVarianceDivisor: Starting-value divisor of the variance, `> 0`.
    public init(name: String,
                density: @escaping @Sendable (Double) -> Double,
                survival: @escaping @Sendable (Double) -> Double,
                quantile: @escaping @Sendable (Double) -> Double,
                logDensity: @escaping @Sendable (Double) -> LogDerivatives,
                logSurvival: @escaping @Sendable (Double) -> LogDerivatives,
                initialLocationShift: Double, initialVarianceDivisor: Double) {
        self.name = name
        self.density = density
        self.survival = survival
        self.quantile = quantile
        self.logDensity = logDensity
        self.logSurvival = logSurvival
        self.initialLocationShift = initialLocationShift
        self.initialVarianceDivisor = initialVarianceDivisor
    }

    /// The name.
    public var description: String { name }
}
