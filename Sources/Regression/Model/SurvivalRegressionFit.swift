import NumericCore
import Survival

/// What every fitted survival regression model answers, whatever its likelihood: the parameters with
/// their (model-based and robust) covariance, log-likelihoods, information criteria with R's
/// conventions, tests, convergence, warnings, and predictions at design profiles.
///
/// Conformers: ``CoxPHFit``, ``AFTFit``, ``AFTComparisonFit`` and (in DoseResponse) `EmaxAFTFit`. The
/// model-specific results (hazard ratios, time ratios, ED50, …) stay on the concrete types.
public protocol SurvivalRegressionFit: Sendable {
    /// The fitted model's name (`cox`, `weibull`, …, `emax`).
    var modelName: String { get }
    /// The name of each estimated parameter, in ``parameterEstimates`` order (e.g. `Log(scale)`).
    var parameterNames: [String] { get }
    /// The parameters on their estimation scale.
    var parameterEstimates: [Double] { get }
    /// Model-based covariance of ``parameterEstimates`` (inverse observed information).
    var variance: Matrix { get }
    /// Robust (sandwich, clustered when clusters were given) covariance, or nil.
    var robustVariance: Matrix? { get }
    /// The maximised log-likelihood (log partial likelihood for Cox).
    var logLikelihood: Double { get }
    /// The log-likelihood of the reference model of the likelihood-ratio test (`β = 0` for Cox, the
    /// intercept-only model for AFT models), nil when none is fitted.
    var referenceLogLikelihood: Double? { get }
    /// The number of estimated parameters `k` in the information criteria.
    var parameterCount: Int { get }
    /// Rows used.
    var n: Int { get }
    /// The two-sided level of the model's confidence intervals.
    var confidenceLevel: Double { get }
    /// Rows with an event.
    var events: Int { get }
    /// Clusters of the robust variance, nil without one.
    var clusterCount: Int? { get }
    /// `AIC = −2ℓ + 2k` (R's `AIC`).
    var aic: Double { get }
    /// `BIC = −2ℓ + log(m) k`, `m` = events for Cox and rows otherwise (R's `BIC`).
    var bic: Double { get }
    /// The global tests the model reports (likelihood ratio, Wald, score, … as it has them).
    var tests: [RegressionTest] { get }
    /// Conditions that limit the interpretation, as sentences.
    var warningMessages: [String] { get }
    /// Whether the optimiser's convergence rule was met.
    var isConverged: Bool { get }
    /// Iterations used.
    var iterations: Int { get }
    /// What ``predict(_:request:data:)`` can compute.
    var predictionCapabilities: PredictionCapabilities { get }

    /// Predictions at design profiles.
    ///
    /// - Parameters:
    ///   - profiles: Design rows (with doses or strata as the model needs).
    ///   - request: Times, quantile probabilities, horizon and level.
    ///   - data: The data the model was fitted on (a Cox fit rebuilds its baseline hazard from it).
    /// - Returns: One prediction per profile.
    /// - Throws: `StatModelError` for profiles that do not match the fit or a bad request.
    func predict(_ profiles: RegressionProfiles, request: PredictionRequest,
                 data: RegressionData) throws(StatModelError) -> [SurvivalProfilePrediction]

    /// Whether the model has a per-patient effect (a `frailty()` term), so that
    /// ``PredictionRequest/patient`` selects one patient's curve.
    var hasPatientEffects: Bool { get }
    /// Whether ``predict(_:request:data:)`` gives step curves (a Cox baseline: medians without SE).
    var predictsStepCurves: Bool { get }
    /// The estimated effect of `patient`, nil without per-patient effects or when the patient has no
    /// episodes in `data`.
    func patientEffect(_ patient: String, data: RegressionData) -> PatientEffect?
    /// Whether ``logLikelihood`` is a likelihood whose differences between nested fits give per-term
    /// likelihood-ratio tests (true for the ordinary and marginal likelihoods; false for a penalised
    /// partial likelihood, whose per-term tests are Wald tests, as R's `anova` refuses `coxph` frailty fits).
    var supportsLikelihoodRatioTests: Bool { get }
}

extension SurvivalRegressionFit {
    public var hasPatientEffects: Bool { false }
    public var predictsStepCurves: Bool { false }
    public func patientEffect(_ patient: String, data: RegressionData) -> PatientEffect? { nil }
    public var supportsLikelihoodRatioTests: Bool { true }
}
