import Foundation
import NumericCore
import Survival

/// A fitted random-intercept AFT model (``RandomInterceptAFT``): `(β, log σ, log τ)` with the inverse
/// observed information, the marginal log-likelihood on the time scale, the between-patient SD `τ` with
/// its interval, the spread of typical relief across patients, and each patient's empirical-Bayes
/// intercept (the posterior mode `b̂ᵢ`, with `ŝᵢ = (−hᵢ″(b̂ᵢ))^{−1/2}`, the SD of the Laplace
/// approximation to its posterior).
public struct RandomInterceptAFTFit: Sendable {
    /// The distribution of the episodes given the patient.
    public let distribution: AFTDistribution
    /// The marginal fit: parameters `(β, log σ, log τ)`, their variance, log-likelihoods, counts, patients, warnings.
    public let summary: PatientVariationSummary
    /// Gauss–Hermite nodes per patient.
    public let quadratureNodes: Int
    /// Per patient, the posterior mode of its intercept `b̂ᵢ` (log-time scale).
    public let modes: [Double]
    /// Per patient, `ŝᵢ`.
    public let modeStandardErrors: [Double]
    /// Per patient, its episodes.
    public let patientEpisodes: [Int]
    /// τ's profile-likelihood interval (``RandomInterceptAFT/tauProfileInterval(estimate:best:modes:fixed:episodes:logCorrection:)``):
    /// nil when it was not computed (``RandomInterceptAFT/profilesTau``) or could not be (a warning says why).
    public let tauProfileInterval: ClosedRange<Double>?
    /// How `(σ, τ)` were estimated: maximum likelihood, or REML (then ``logLikelihood`` is the restricted
    /// log-likelihood, the covariance is block-diagonal and the per-term tests are Wald tests).
    public let estimation: RandomInterceptAFT.Estimation

    init(model: RandomInterceptAFT, data: RegressionData, result: DampedNewtonResult, final: NewtonEvaluation,
         likelihood: RandomInterceptLikelihood,
         response: AFTResponse, fixed: AFTFit, tauProfile: Result<ClosedRange<Double>, StatModelError>?,
         reducedLogLikelihood: Double? = nil, covariance: Matrix? = nil) throws(StatModelError) {
        let episodes = likelihood.episodes
        var summary = try PatientVariationSummary(
            data: data, result: result, final: final, groups: episodes.groups, response: response, fixed: fixed,
            confidenceLevel: model.confidenceLevel, logVarianceFloor: RandomInterceptAFT.logTauFloor,
            wording: .init(model: "the random-intercept \(model.distribution.name) model", variance: "the between-patient SD",
                           reducedModel: "the fixed-effects model"),
            context: RandomInterceptAFT.context(model.distribution), reducedLogLikelihood: reducedLogLikelihood,
            covariance: covariance)
        if case .failure(let error) = tauProfile {
            summary.warnings.append("the profile-likelihood interval of tau could not be computed (\(error)); the Wald "
                + "interval on log tau is in --format json and csv.")
        }
        self.summary = summary
        self.tauProfileInterval = try? tauProfile?.get()
        self.distribution = model.distribution
        self.quadratureNodes = model.quadratureNodes
        self.estimation = model.estimation
        self.modes = likelihood.modes
        self.modeStandardErrors = likelihood.curvatures.map { 1 / $0.squareRoot() }
        self.patientEpisodes = (0..<episodes.patients).map { episodes.offsets[$0 + 1] - episodes.offsets[$0] }
    }

    /// `τ`, the between-patient SD of the intercept (log-time scale).
    public var tau: Double { exp(parameters[coefficientCount + 1]) }

    /// `τ` with its profile-likelihood interval (``tauProfileInterval``; NaN limits when there is none).
    public var tauInterval: (estimate: Double, lower: Double, upper: Double) {
        (tau, tauProfileInterval?.lowerBound ?? .nan, tauProfileInterval?.upperBound ?? .nan)
    }

    /// `τ` with its Wald interval on `log τ` (`exp(log τ̂ ± z SE)`; undefined when τ̂ is at 0, where the
    /// information is singular).
    public var tauWaldInterval: (estimate: Double, lower: Double, upper: Double) { backTransformedInterval(coefficientCount + 1) }

    /// Whether τ's profile interval starts at 0: the likelihood-ratio test of τ = 0 does not reject at
    /// `1 − confidenceLevel` (χ²₁).
    public var tauIntervalIncludesZero: Bool { tauProfileInterval?.lowerBound == 0 }

    /// The middle 50% of patients' typical relief at a profile, in days: with `η = xᵀβ` the linear
    /// predictor at the design row `x` and `m = exp(σ F₀⁻¹(½))` the family's median factor (`(log 2)^σ`
    /// for the Weibull, 1 for the log-normal and log-logistic), a patient with intercept `b` has median
    /// relief `exp(η + b) m`; as `b ~ N(0, τ²)`, its quartiles across patients are
    /// `A = exp(η − 0.6745 τ) m` and `B = exp(η + 0.6745 τ) m` (`0.6745 = Φ⁻¹(0.75)`). `relief fit` uses
    /// the reference profile: numeric columns at their median, text columns at their reference level.
    ///
    /// - Parameter profile: A design row (intercept included), length `p`.
    /// - Returns: `(A, B)`, nil for a row of the wrong length.
    public func typicalReliefSpan(at profile: [Double]) -> (lower: Double, upper: Double)? {
        guard profile.count == coefficientCount else { return nil }
        var eta = 0.0
        for j in 0..<coefficientCount { eta += profile[j] * parameters[j] }
        let quartile = Normal.quantile(0.75)
        let centre = eta + scale * distribution.family.quantile(0.5)
        return (exp(centre - quartile * tau), exp(centre + quartile * tau))
    }
}

extension RandomInterceptAFTFit {
    /// A fixed-effect coefficient with its time ratio: a patient's relief times are multiplied by it, at the
    /// patient's own intercept (the table is ``PatientVariationFit/coefficientTable``).
    public typealias Coefficient = TimeRatioCoefficient
}
