import NumericCore

/// One dose model fitted by ``DoseResponseFit``: DoseFinding's `fitMod` result with `vcov`, `logLik`,
/// `AIC`/`gAIC`, `ED`, `TD` and `predict`.
public struct DoseModelFit: Sendable, Equatable {
    /// The model.
    public let model: DoseModel
    /// Parameters in DoseFinding order, with SEs and Wald intervals.
    public let parameters: [DoseParameterEstimate]
    /// DoseFinding's `vcov.DRMod`: type normal `(JᵀJ)⁻¹·RSS/df` with `J` the gradient at every
    /// observation; type general `(Gᵀ S⁻¹ G)⁻¹`. `nil` when singular.
    public let covariance: Matrix?
    /// Type normal: the residual sum of squares over all observations (`fit$RSS`); type general:
    /// the GLS criterion `(y − f)ᵀ S⁻¹ (y − f)` (`fit$gRSS`).
    public let residualSumOfSquares: Double
    /// Residual degrees of freedom `N − p` (type normal); `.infinity` for type general (as DoseFinding).
    public let degreesOfFreedom: Double
    /// Type normal: `−N/2·(log 2π + 1 + log(RSS/N))` (DoseFinding `logLik`); type general (where
    /// DoseFinding has none): the Gaussian log-likelihood of the stage-1 estimates with known S,
    /// `−½(k log 2π + log det S + gRSS)`.
    public let logLikelihood: Double
    /// Type normal: `−2 logLik + 2(p + 1)` (DoseFinding `AIC`, σ counted); type general:
    /// `gRSS + 2p` (DoseFinding `gAIC`).
    public let aic: Double
    /// Akaike weight among the models fitted together: `exp(−ΔAICᵢ/2) / Σⱼ exp(−ΔAICⱼ/2)`.
    public internal(set) var aicWeight: Double
    /// Names of parameters that ended on a bound (empty for an interior optimum).
    public let atBound: [String]
    /// False when ED50 (emax, sigEmax) ended on a bound of its search range (DoseFinding's `defBnds`,
    /// `[0.001, 1.5] × max dose`, unless overridden): the dose levels then do not identify ED50, and the
    /// other parameters at that bound (DoseFinding reports e.g. `e0 = −2620` with no SE) mean nothing.
    /// The fit stays in the list (its criterion and AIC are those of the constrained fit) but its
    /// parameters, effective doses, target dose and curve should not be reported.
    public let isIdentified: Bool
    /// When not identified: one sentence saying so, with the bound and the direction; nil otherwise.
    public let identificationStatement: String?
    /// The search bounds of the non-linear parameters (empty for linear models).
    public let bounds: [ClosedRange<Double>]
    /// `off` of `linlog` (nil for other models).
    public let linlogOffset: Double?
    /// ED_p for each requested `p`.
    public let effectiveDoses: [EffectiveDoseEstimate]
    /// The target dose for the requested gain, if one was requested.
    public let targetDose: TargetDoseEstimate?
    /// The fitted curve on the dose grid with pointwise intervals.
    public let curve: [DoseCurvePoint]
    /// Criterion evaluations used by the non-linear search (0 for linear models).
    public let evaluations: Int
    /// False when the non-linear optimiser stopped without meeting its convergence criteria.
    public let converged: Bool

    /// The estimates alone, in parameter order.
    public var estimates: [Double] { parameters.map(\.estimate) }
}
