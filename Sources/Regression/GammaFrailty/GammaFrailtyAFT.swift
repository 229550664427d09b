import Foundation
import NumericCore
import Survival

/// The Weibull AFT model with a gamma frailty per patient, whose marginal likelihood is closed form.
///
/// Patient `i`'s hazard for episode `j` is `Zᵢ hᵢⱼ(t)`, with `hᵢⱼ` the Weibull hazard in R `survreg`'s
/// parametrisation (`log T = xᵀβ + σW`, `W` extreme value: cumulative hazard
/// `Hᵢⱼ(t) = exp((log t − xᵢⱼᵀβ)/σ)`, a hazard multiplier `exp(−xᵀβ/σ)`), and `Zᵢ ~ Gamma(mean 1, variance θ)`.
/// Given `Zᵢ` the episodes are independent; integrating it out, a patient with `dᵢ` events contributes
///
///     Πⱼ hᵢⱼ^δᵢⱼ · Γ(1/θ + dᵢ)/Γ(1/θ) · θ^dᵢ · (1 + θ Σⱼ Hᵢⱼ)^−(1/θ + dᵢ)
///
/// (``GammaFrailtyLikelihood``). With entry times `(start, stop]` each `Hᵢⱼ` is `H(stop) − H(start)`: every
/// row is conditioned on survival to its entry given the patient's frailty, which acts on the patient's
/// whole history, so rows cut from one episode give that episode's likelihood (as the random-intercept
/// AFT conditions each row on its entry given the patient's intercept).
///
/// `(β, log σ, log θ)` are maximised by ``DampedNewton`` (backtracking) with the analytic gradient and
/// Hessian, from R `survreg`'s Weibull fit and `θ = 0.5`; the covariance is the inverse observed
/// information. The posterior of `Zᵢ` given the patient's episodes is `Gamma(shape 1/θ + dᵢ, rate 1/θ + Σⱼ Hᵢⱼ)`.
///
/// ```swift
/// let fit = try GammaFrailtyAFT().fit(data)   // data.frailty: the patients
/// fit.frailtyVariance, fit.frailtyVarianceInterval, fit.posteriorMeans
/// ```
///
/// Hougaard, P. (2000). *Analysis of Multivariate Survival Data*, ch. 7. Springer. doi:10.1007/978-1-4612-1304-8
public struct GammaFrailtyAFT: SurvivalRegressionModel, Sendable {
    /// Newton iterations allowed.
    public var maxIterations: Int
    /// Two-sided confidence level of the intervals, in (0, 1).
    public var confidenceLevel: Double

    /// The smallest `log θ` searched (`θ ≈ 6·10⁻⁶`): a fit that ends here has no between-patient variation.
    public static let logVarianceFloor = -12.0
    /// The context of messages.
    static let context = "GammaFrailtyAFT.fit(weibull)"

    /// Creates the model.
    ///
    /// - Parameters:
    ///   - maxIterations: Newton iterations (default 100).
    ///   - confidenceLevel: Default 0.95.
    public init(maxIterations: Int = 100, confidenceLevel: Double = 0.95) {
        self.maxIterations = maxIterations
        self.confidenceLevel = confidenceLevel
    }

    /// Fits the model.
    ///
    /// - Parameter data: The design with the intercept column, times `> 0`, events, the patients in
    ///   ``RegressionData/frailty``, optional entry times; no weights, strata, clusters or dose.
    /// - Returns: The fit; non-convergence is a warning on it.
    /// - Throws: `StatModelError.invalidArgument` without patients, with one patient, weights, clusters,
    ///   strata, a dose or a bad level; `.undefinedStatistic` without events; the errors of ``ParametricAFT``
    ///   (which gives the starting values) for bad rows.
    /// - Complexity: O(n p²) per Newton iteration.
    public func fit(_ data: RegressionData) throws(StatModelError) -> GammaFrailtyAFTFit {
        let context = Self.context
        guard let groups = data.frailty else {
            throw .invalidArgument(context: context, message: "no patients: add frailty(column) to the formula.")
        }
        guard confidenceLevel > 0, confidenceLevel < 1 else {
            throw .invalidArgument(context: context, message: "confidence level \(confidenceLevel) is outside (0, 1); use e.g. 0.95.")
        }
        if data.strata != nil || data.dose != nil {
            throw .invalidArgument(context: context, message: "the Weibull model with a gamma frailty takes neither strata nor a dose.")
        }
        let (fixed, response) = try PatientVariationSummary.fixedEffectsFit(
            data, groups: groups, distribution: .weibull, confidenceLevel: confidenceLevel, effect: "gamma frailty", context: context)
        let episodes = GammaFrailtyEpisodes(x: data.x, y: response.y, entry: response.entryY, event: data.event,
                                            codes: groups.codes, groupCount: groups.count)
        guard episodes.patients >= 2 else {
            throw .invalidArgument(context: context, message: "\(episodes.patients) patient in frailty(\(groups.column)); "
                + "a frailty variance needs at least 2 patients.")
        }
        var likelihood = GammaFrailtyLikelihood(episodes: episodes)
        let p = data.x.columns
        let newton = DampedNewton.backtracking(
            maxIterations: maxIterations, tolerance: 1e-12,
            bounds: [DampedNewton.Bound(index: p + 1, lower: Self.logVarianceFloor, upper: 10)])
        let result = try newton.maximize(&likelihood, from: fixed.coefficients + [fixed.logScale, log(0.5)])
        let final = try likelihood.evaluate(result.parameters)
        return try GammaFrailtyAFTFit(model: self, data: data, result: result, final: final, episodes: episodes,
                                      response: response, fixed: fixed)
    }
}
