import Foundation
import NumericCore
import Survival

/// A fitted Weibull AFT model with a gamma frailty (``GammaFrailtyAFT``): `(β, log σ, log θ)` with the
/// inverse observed information, the marginal log-likelihood on the time scale, the frailty variance `θ`
/// with its interval, the spread of typical relief across patients, and each patient's posterior
/// `Gamma(shape 1/θ + dᵢ, rate 1/θ + Σⱼ Hᵢⱼ)`.
public struct GammaFrailtyAFTFit: Sendable {
    /// The marginal fit: parameters `(β, log σ, log θ)`, their variance, log-likelihoods, counts, patients, warnings.
    public let summary: PatientVariationSummary
    /// Per patient, its episodes.
    public let patientEpisodes: [Int]
    /// Per patient, its events `dᵢ`.
    public let patientEvents: [Int]
    /// Per patient, `Σⱼ Hᵢⱼ` at the estimates (each episode's Weibull cumulative hazard over its time at risk).
    public let cumulativeHazards: [Double]
    /// Whether the data had entry times.
    public let hasEntryTimes: Bool

    init(model: GammaFrailtyAFT, data: RegressionData, result: DampedNewtonResult, final: NewtonEvaluation,
         episodes: GammaFrailtyEpisodes, response: AFTResponse, fixed: AFTFit) throws(StatModelError) {
        self.summary = try PatientVariationSummary(
            data: data, result: result, final: final, groups: episodes.groups, response: response, fixed: fixed,
            confidenceLevel: model.confidenceLevel, logVarianceFloor: GammaFrailtyAFT.logVarianceFloor,
            wording: .init(model: "the Weibull model with a gamma frailty", variance: "the frailty variance",
                           reducedModel: "the Weibull model without frailty"),
            context: GammaFrailtyAFT.context)
        let p = result.parameters.count - 2
        self.patientEpisodes = episodes.episodes
        self.patientEvents = episodes.events
        self.cumulativeHazards = episodes.cumulativeHazards(beta: Array(result.parameters.prefix(p)), logScale: result.parameters[p])
        self.hasEntryTimes = data.start != nil
    }

    /// `θ`, the variance of the frailty (its mean is 1).
    public var frailtyVariance: Double { exp(parameters[coefficientCount + 1]) }

    /// `θ` with its interval (from `log θ ± z SE`, back-transformed).
    public var frailtyVarianceInterval: (estimate: Double, lower: Double, upper: Double) {
        backTransformedInterval(coefficientCount + 1)
    }

    /// Per patient, the posterior shape `1/θ + dᵢ`.
    public var posteriorShapes: [Double] { patientEvents.map { 1 / frailtyVariance + Double($0) } }
    /// Per patient, the posterior rate `1/θ + Σⱼ Hᵢⱼ`.
    public var posteriorRates: [Double] { cumulativeHazards.map { 1 / frailtyVariance + $0 } }
    /// Per patient, the posterior mean frailty `(1/θ + dᵢ)/(1/θ + Σⱼ Hᵢⱼ)` (above 1: relief ends sooner
    /// than for a typical patient with the same covariates).
    public var posteriorMeans: [Double] { zip(posteriorShapes, posteriorRates).map { $0 / $1 } }

    /// The middle 50% of patients' typical relief at a profile, in days. A patient with frailty `Z` has
    /// conditional survival `exp(−Z exp((log t − η)/σ))`, `η = xᵀβ`, so median relief
    /// `exp(η) (log 2 / Z)^σ`; with `Z ~ Gamma(mean 1, variance θ)` and `z₂₅`, `z₇₅` its quartiles,
    /// `A = exp(η) (log 2 / z₇₅)^σ` and `B = exp(η) (log 2 / z₂₅)^σ` (a larger frailty, shorter relief).
    ///
    /// - Parameter profile: A design row (intercept included), length `p`.
    /// - Returns: `(A, B)`, nil for a row of the wrong length.
    public func typicalReliefSpan(at profile: [Double]) -> (lower: Double, upper: Double)? {
        guard profile.count == coefficientCount else { return nil }
        let eta = zip(profile, parameters).reduce(0) { $0 + $1.0 * $1.1 }
        let shape = 1 / frailtyVariance
        let low = Self.gammaQuantile(0.25, shape: shape), high = Self.gammaQuantile(0.75, shape: shape)
        return (exp(eta + scale * log(log(2) / high)), exp(eta + scale * log(log(2) / low)))
    }

    /// The `q` quantile of `Gamma(shape a, rate a)` (mean 1) by bisection on its log.
    package static func gammaQuantile(_ q: Double, shape a: Double) -> Double {
        var low = -60.0, high = 10.0
        for _ in 0..<200 where high - low > 1e-14 {
            let middle = (low + high) / 2
            if SpecialFunctions.regularizedGammaP(a, a * exp(middle)) < q { low = middle } else { high = middle }
        }
        return exp((low + high) / 2)
    }
}
