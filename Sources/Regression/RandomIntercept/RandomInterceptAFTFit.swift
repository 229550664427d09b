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
    /// The design's column names.
    public let termNames: [String]
    /// `(β, log σ, log τ)`.
    public let parameters: [Double]
    /// The inverse observed information of ``parameters``.
    public let variance: Matrix
    /// The marginal log-likelihood on the time scale (the `log t` scale's less `Σ_events log t`).
    public let logLikelihood: Double
    /// The log-likelihood of the model without the random intercept (`τ = 0`, R's `survreg`).
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
    /// Gauss–Hermite nodes per patient.
    public let quadratureNodes: Int
    /// The `frailty()` column.
    public let frailtyColumn: String
    /// The patients' ids (groups with at least one episode), in sorted order.
    public let patients: [String]
    /// Per patient, the posterior mode of its intercept `b̂ᵢ` (log-time scale).
    public let modes: [Double]
    /// Per patient, `ŝᵢ`.
    public let modeStandardErrors: [Double]
    /// Per patient, its episodes.
    public let patientEpisodes: [Int]
    /// Conditions that limit the interpretation.
    public let warnings: [String]

    init(model: RandomInterceptAFT, data: RegressionData, result: DampedNewtonResult, final: NewtonEvaluation,
         likelihood: RandomInterceptLikelihood,
         response: AFTResponse, fixed: AFTFit) throws(StatModelError) {
        let context = RandomInterceptAFT.context(model.distribution)
        let k = result.parameters.count
        var warnings: [String] = []
        let information = final.information
        var variance = Matrix(rows: k, columns: k, repeating: .nan)
        do {
            variance = try Cholesky(information).inverse()
        } catch {
            warnings.append("the information matrix is not positive definite at the estimates: the standard errors are "
                + "not valid (the between-patient SD may be at 0, or a term separates the outcome).")
        }
        if !result.isConverged {
            warnings.append("the random-intercept \(model.distribution.name) model did not converge in \(result.iterations) "
                + "iteration(s); estimates and SEs may be unreliable.")
        }
        if result.parameters[k - 1] <= RandomInterceptAFT.logTauFloor + 1e-6 {
            warnings.append("the between-patient SD is estimated at 0 (its lower limit): the data show no patient effect "
                + "beyond the episodes' own variation; the fixed-effects model fits as well.")
        }
        guard final.value.isFinite else {
            throw .undefinedStatistic(context: context, message: "the marginal likelihood is not finite at the estimates.")
        }
        self.distribution = model.distribution
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
        self.quadratureNodes = model.quadratureNodes
        let groups = data.frailty
        self.frailtyColumn = groups?.column ?? ""
        let episodes = likelihood.episodes
        self.patients = episodes.groups.map { g in groups.map { $0.labels.indices.contains(g) ? $0.labels[g] : "\(g)" } ?? "\(g)" }
        self.modes = likelihood.modes
        self.modeStandardErrors = likelihood.curvatures.map { 1 / $0.squareRoot() }
        self.patientEpisodes = (0..<episodes.patients).map { episodes.offsets[$0 + 1] - episodes.offsets[$0] }
        self.warnings = warnings
    }

    /// `τ`, the between-patient SD of the intercept (log-time scale).
    public var tau: Double { exp(parameters[coefficientCount + 1]) }

    /// `τ` with its interval (from `log τ ± z SE`, back-transformed).
    public var tauInterval: (estimate: Double, lower: Double, upper: Double) { backTransformedInterval(coefficientCount + 1) }

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
