import Foundation
import NumericCore
import Survival

/// A fitted Weibull AFT model with a gamma frailty (``GammaFrailtyAFT``): `(β, log σ, log θ)` with the
/// inverse observed information, the marginal log-likelihood on the time scale, the frailty variance `θ`
/// with its interval, the spread of typical relief across patients, and each patient's posterior
/// `Gamma(shape 1/θ + dᵢ, rate 1/θ + Σⱼ Hᵢⱼ)`.
public struct GammaFrailtyAFTFit: Sendable {
    /// The design's column names.
    public let termNames: [String]
    /// `(β, log σ, log θ)`.
    public let parameters: [Double]
    /// The inverse observed information of ``parameters``.
    public let variance: Matrix
    /// The marginal log-likelihood on the time scale.
    public let logLikelihood: Double
    /// The log-likelihood of the Weibull model without the frailty (`θ = 0`, R's `survreg`).
    public let fixedEffectsLogLikelihood: Double
    /// Newton iterations.
    public let iterations: Int
    /// Whether the Newton decrement fell below its tolerance.
    public let isConverged: Bool
    /// Episodes used.
    public let n: Int
    /// Episodes that ended with an event.
    public let events: Int
    /// The confidence level.
    public let confidenceLevel: Double
    /// The `frailty()` column.
    public let frailtyColumn: String
    /// The patients' ids (groups with at least one episode), in sorted order.
    public let patients: [String]
    /// Per patient, its episodes.
    public let patientEpisodes: [Int]
    /// Per patient, its events `dᵢ`.
    public let patientEvents: [Int]
    /// Per patient, `Σⱼ Hᵢⱼ` at the estimates (each episode's Weibull cumulative hazard over its time at risk).
    public let cumulativeHazards: [Double]
    /// Whether the data had entry times.
    public let hasEntryTimes: Bool
    /// Conditions that limit the interpretation.
    public let warnings: [String]

    init(model: GammaFrailtyAFT, data: RegressionData, result: DampedNewtonResult, final: NewtonEvaluation,
         episodes: GammaFrailtyEpisodes, response: AFTResponse, fixed: AFTFit) throws(StatModelError) {
        let k = result.parameters.count, p = k - 2
        var warnings: [String] = []
        var variance = Matrix(rows: k, columns: k, repeating: .nan)
        do {
            variance = try Cholesky(final.information).inverse()
        } catch {
            warnings.append("the information matrix is not positive definite at the estimates: the standard errors are "
                + "not valid (the frailty variance may be at 0, or a term separates the outcome).")
        }
        if !result.isConverged {
            warnings.append("the Weibull model with a gamma frailty did not converge in \(result.iterations) iteration(s); "
                + "estimates and SEs may be unreliable.")
        }
        if result.parameters[k - 1] <= GammaFrailtyAFT.logVarianceFloor + 1e-6 {
            warnings.append("the frailty variance is estimated at 0 (its lower limit): the data show no patient effect "
                + "beyond the episodes' own variation; the Weibull model without frailty fits as well.")
        }
        guard final.value.isFinite else {
            throw .undefinedStatistic(context: GammaFrailtyAFT.context, message: "the marginal likelihood is not finite at the estimates.")
        }
        self.termNames = data.termNames
        self.parameters = result.parameters
        self.variance = variance
        self.logLikelihood = final.value + response.logCorrection
        self.fixedEffectsLogLikelihood = fixed.logLikelihood
        self.iterations = result.iterations
        self.isConverged = result.isConverged
        self.n = data.rows
        self.events = data.events
        self.confidenceLevel = model.confidenceLevel
        let groups = data.frailty
        self.frailtyColumn = groups?.column ?? ""
        self.patients = episodes.groups.map { g in groups.map { $0.labels.indices.contains(g) ? $0.labels[g] : "\(g)" } ?? "\(g)" }
        self.patientEpisodes = episodes.episodes
        self.patientEvents = episodes.events
        self.cumulativeHazards = episodes.cumulativeHazards(beta: Array(result.parameters.prefix(p)), logScale: result.parameters[p])
        self.hasEntryTimes = data.start != nil
        self.warnings = warnings
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
