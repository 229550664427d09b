import Foundation
import NumericCore
import Survival

/// A parametric AFT model with a normal random intercept per patient, fitted by maximum marginal
/// likelihood with adaptive Gauss–Hermite quadrature:
/// `log Tᵢⱼ = xᵢⱼᵀβ + bᵢ + σ Wᵢⱼ`, `bᵢ ~ N(0, τ²)` independent of `W` (the family's error: extreme value
/// for the Weibull, Gaussian for the log-normal, logistic for the log-logistic).
///
/// Given `bᵢ` the episodes of patient `i` are independent AFT episodes (an event contributes the density,
/// a censored episode the survival function, a left-truncated episode is conditioned on survival to its
/// entry given `bᵢ`); the marginal likelihood integrates `bᵢ` out, one integral per patient, by adaptive
/// Gauss–Hermite quadrature (``RandomInterceptEpisodes``: the rule is centred at the mode of each patient's
/// integrand and scaled by its curvature; ``quadratureNodes`` = 1 is the Laplace approximation). For the
/// log-normal without censoring the integrand is Gaussian in `bᵢ` and every rule is exact: the fit is the
/// linear mixed model of `log t` (R's `nlme::lme(..., method = "ML")`), whose log-likelihood is this one
/// plus `Σ log t`.
///
/// The parameters `θ = (β, log σ, log τ)` are maximised by ``DampedNewton`` (backtracking) with the
/// analytic gradient of the quadrature approximation and, as the information, the negative forward
/// difference of that gradient; the covariance is the inverse of the negative central difference at the
/// optimum (``RandomInterceptLikelihood``). τ's interval is the profile-likelihood interval
/// (`RandomInterceptAFT+Profile.swift`); the Wald interval on `log τ` is kept beside it.
///
/// ```swift
/// let fit = try RandomInterceptAFT(distribution: .weibull).fit(data)   // data.frailty: the patients
/// fit.tau, fit.tauInterval, fit.modes
/// ```
///
/// Pinheiro, J. C. and Bates, D. M. (1995). Approximations to the log-likelihood function in the
/// nonlinear mixed-effects model. *Journal of Computational and Graphical Statistics* 4, 12–35.
/// doi:10.1080/10618600.1995.10474663
public struct RandomInterceptAFT: SurvivalRegressionModel, Sendable {
    /// The distribution of the episodes given the patient (its scale must be estimated).
    public var distribution: AFTDistribution
    /// Gauss–Hermite nodes per patient (1 = Laplace).
    public var quadratureNodes: Int
    /// Newton iterations allowed.
    public var maxIterations: Int
    /// Two-sided confidence level of the intervals, in (0, 1).
    public var confidenceLevel: Double
    /// Whether the fit computes τ's profile-likelihood interval (``tauProfileInterval(estimate:best:modes:fixed:episodes:logCorrection:)``;
    /// about 10 to 20 more fits at fixed τ). Refits for likelihood-ratio tests skip it.
    public var profilesTau = true
    /// Maximum likelihood (default) or REML for `(σ, τ)` (``Estimation``).
    public var estimation: Estimation = .ml

    /// The default number of nodes.
    public static let defaultQuadratureNodes = 9
    /// The smallest `log τ` searched (`τ ≈ 6·10⁻⁶`): a fit that ends here has no between-patient variation.
    public static let logTauFloor = -12.0

    /// Creates the model.
    ///
    /// - Parameters:
    ///   - distribution: `.weibull` (default), `.lognormal` or `.loglogistic` (any family with an
    ///     estimated scale).
    ///   - quadratureNodes: Nodes per patient, 1 … 100 (default 9).
    ///   - maxIterations: Newton iterations (default 50).
    ///   - confidenceLevel: Default 0.95.
    public init(distribution: AFTDistribution = .weibull, quadratureNodes: Int = RandomInterceptAFT.defaultQuadratureNodes,
                maxIterations: Int = 50, confidenceLevel: Double = 0.95) {
        self.distribution = distribution
        self.quadratureNodes = quadratureNodes
        self.maxIterations = maxIterations
        self.confidenceLevel = confidenceLevel
    }

    /// The context of messages.
    static func context(_ distribution: AFTDistribution) -> String { "RandomInterceptAFT.fit(\(distribution.name))" }

    /// Fits the model.
    ///
    /// - Parameter data: The design with the intercept column, times `> 0`, events, the patients in
    ///   ``RegressionData/frailty``, optional entry times; no weights, strata, clusters or dose.
    /// - Returns: The fit; non-convergence is a warning on it.
    /// - Throws: `StatModelError.invalidArgument` without patients, with one patient, weights, strata, a dose,
    ///   a fixed-scale family or bad settings; `.undefinedStatistic` without events; the errors of
    ///   ``ParametricAFT`` (which gives the starting values) for bad rows.
    /// - Complexity: Per iteration `O(n (nodes + Newton steps) (p + 2))` for the gradient, times `2(p + 2) + 1`
    ///   for the information; linear in the episodes.
    public func fit(_ data: RegressionData) throws(StatModelError) -> RandomInterceptAFTFit {
        let context = Self.context(distribution)
        guard let groups = data.frailty else {
            throw .invalidArgument(context: context, message: "no patients: add frailty(column) to the formula.")
        }
        if data.strata != nil || data.dose != nil {
            throw .invalidArgument(context: context, message: "a random-intercept AFT model takes neither strata nor a dose.")
        }
        guard distribution.estimatesScale else {
            throw .invalidArgument(context: context, message: "a random intercept needs a family with an estimated scale "
                + "(weibull, lognormal, loglogistic); \(distribution.name) fixes it.")
        }
        guard quadratureNodes >= 1, quadratureNodes <= GaussHermite.maximumNodes else {
            throw .invalidArgument(context: context, message: "\(quadratureNodes) quadrature nodes; use 1 (Laplace) to "
                + "\(GaussHermite.maximumNodes), e.g. 9.")
        }
        guard confidenceLevel > 0, confidenceLevel < 1 else {
            throw .invalidArgument(context: context, message: "confidence level \(confidenceLevel) is outside (0, 1); use e.g. 0.95.")
        }
        let (fixed, response) = try PatientVariationSummary.fixedEffectsFit(
            data, groups: groups, distribution: distribution, confidenceLevel: confidenceLevel, effect: "random intercept",
            context: context)
        let rule: GaussHermite
        do { rule = try GaussHermite(nodes: quadratureNodes) } catch {
            throw .undefinedStatistic(context: context, message: "the Gauss–Hermite rule: \(error)")
        }
        let episodes = RandomInterceptEpisodes(x: data.x, response: response, codes: groups.codes, groupCount: groups.count,
                                               rule: rule)
        guard episodes.patients >= 2 else {
            throw .invalidArgument(context: context, message: "\(episodes.patients) patient in frailty(\(groups.column)); "
                + "a between-patient SD needs at least 2 patients.")
        }
        var likelihood = RandomInterceptLikelihood(episodes: episodes, context: context)
        let p = data.x.columns
        let start = fixed.coefficients + [fixed.logScale - 0.15, max(fixed.logScale - 0.7, Self.logTauFloor + 1)]
        let newton = DampedNewton.backtracking(
            maxIterations: maxIterations, tolerance: 1e-10,
            bounds: [DampedNewton.Bound(index: p + 1, lower: Self.logTauFloor, upper: 10)])
        let result = try newton.maximize(&likelihood, from: start)
        if estimation == .reml {
            return try restrictedFit(data: data, ml: (result.parameters, likelihood.modes), episodes: episodes, fixed: fixed,
                                     response: response)
        }
        // The covariance from the central difference of the gradient at the optimum.
        likelihood.centralDifferences = true
        let final = try likelihood.evaluate(result.parameters)
        var profile: Result<ClosedRange<Double>, StatModelError>?
        if profilesTau {
            do throws(StatModelError) {
                profile = .success(try tauProfileInterval(
                    estimate: result.parameters, best: final.value + response.logCorrection, modes: likelihood.modes, fixed: fixed,
                    episodes: episodes, logCorrection: response.logCorrection,
                    information: final.information))
            } catch {
                profile = .failure(error)
            }
        }
        return try RandomInterceptAFTFit(
            model: self, data: data, result: result, final: final, likelihood: likelihood, response: response, fixed: fixed,
            tauProfile: profile)
    }
}
