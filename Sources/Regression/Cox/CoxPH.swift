import Foundation

/// Cox proportional-hazards regression on a numeric design matrix, matching R's
/// `survival::coxph` (survival 3.x) for right-censored data.
///
/// The hazard of subject i is `λ_i(t) = λ_0s(t) · exp(x_iᵀ β)` with a baseline `λ_0s` per stratum `s`.
/// `β` maximizes the (weighted) log partial likelihood with `ties` handling, by Newton–Raphson from
/// `β = 0` with R's step-halving (`coxfit6`, the ``DampedNewton/coxph(maxIterations:epsilon:choleskyTolerance:)``
/// policy of the package's one optimiser): a step that lowers the log-likelihood is pulled back towards
/// the previous `β`; iteration stops when `|1 − L_old / L_new| ≤ epsilon` or after `maxIterations`. As R, columns whose values are not all in {−1, 0, 1} are centred at their weighted
/// mean and scaled internally; results are reported on the original scale.
///
/// ```swift
/// let fit = try CoxPH().fit(RegressionData(x: x, termNames: ["age", "sex"], time: days, event: ended))
/// fit.coefficients, fit.hazardRatios, fit.waldTest.pValue, fit.concordance.concordance, fit.aic
/// ```
public struct CoxPH: SurvivalRegressionModel, Sendable, Equatable {
    /// Tie handling (R's `ties`), default `.efron`.
    public var ties: Ties
    /// Maximum Newton–Raphson iterations (R's `iter.max`), default 20.
    public var maxIterations: Int
    /// Convergence tolerance on the relative change of the log partial likelihood (R's `eps`), 1e-9.
    public var epsilon: Double
    /// Relative pivot tolerance of the Cholesky solves (R's `toler.chol`, `.Machine$double.eps^0.75`).
    public var choleskyTolerance: Double
    /// Tolerance of the infinite-coefficient check (R's `toler.inf`); nil = `sqrt(epsilon)`.
    public var infiniteTolerance: Double?
    /// Robust (sandwich) variance: nil = R's rule (on when `cluster` is given or a weight is not an
    /// integer), `true` = always (each row its own cluster without `cluster`), `false` = never.
    public var robust: Bool?
    /// Two-sided level of the hazard-ratio confidence intervals, default 0.95.
    public var confidenceLevel: Double
    /// Merge near-tied times with R's `aeqSurv` rule first (R's `timefix`, default on); see `TimeFix`.
    public var timeFix: Bool
    /// Names of the design columns for results and messages; nil = `x1`, `x2`, ….
    public var termNames: [String]?

    /// Creates a Cox model specification with R's defaults.
    /// - Parameters:
    ///   - ties: `.efron` (default) or `.breslow`.
    ///   - maxIterations: at least 0 (0 evaluates at `β = 0` only).
    ///   - epsilon: positive convergence tolerance.
    ///   - choleskyTolerance: positive pivot tolerance.
    ///   - infiniteTolerance: positive, or nil for `sqrt(epsilon)`.
    ///   - robust: nil (R's rule), true or false.
    ///   - confidenceLevel: in (0, 1).
    ///   - timeFix: apply R's near-tie rule to the times.
    ///   - termNames: one name per column, or nil.
    public init(ties: Ties = .efron, maxIterations: Int = 20, epsilon: Double = 1e-9,
                choleskyTolerance: Double = pow(Double.ulpOfOne, 0.75), infiniteTolerance: Double? = nil,
                robust: Bool? = nil, confidenceLevel: Double = 0.95, timeFix: Bool = true,
                termNames: [String]? = nil) {
        self.ties = ties
        self.maxIterations = maxIterations
        self.epsilon = epsilon
        self.choleskyTolerance = choleskyTolerance
        self.infiniteTolerance = infiniteTolerance
        self.robust = robust
        self.confidenceLevel = confidenceLevel
        self.timeFix = timeFix
        self.termNames = termNames
    }
}
