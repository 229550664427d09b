import Foundation
import NumericCore
import Survival

/// What every fit with a per-patient effect (``PatientVariationFit``) reports about its marginal
/// likelihood fit: the parameters `(β, log σ, log v)` with their inverse observed information, the
/// log-likelihoods with and without the patient effect, convergence, counts, the patients, and the
/// warnings that follow from the estimates.
public struct PatientVariationSummary: Sendable {
    /// The design's column names.
    public let termNames: [String]
    /// `(β, log σ, log v)`.
    public let parameters: [Double]
    /// The inverse observed information of ``parameters``.
    public let variance: Matrix
    /// The marginal log-likelihood on the time scale (the `log t` scale's less `Σ_events log t`).
    public let logLikelihood: Double
    /// The log-likelihood of the model without the patient effect (`v = 0`, R's `survreg`).
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
    /// Conditions that limit the interpretation.
    public internal(set) var warnings: [String]

    /// How the warnings name the model, its variance parameter and the model without the patient effect.
    struct Wording {
        /// E.g. `the Weibull model with a gamma frailty`.
        let model: String
        /// E.g. `the frailty variance`.
        let variance: String
        /// E.g. `the Weibull model without frailty`.
        let reducedModel: String
    }

    /// Summarises the optimum of a marginal likelihood.
    ///
    /// - Parameters:
    ///   - groups: The patients' group codes (those with at least one episode), in sorted order.
    ///   - logVarianceFloor: The lower bound of `log v` in the optimiser: an estimate at it is a warning.
    ///   - reducedLogLikelihood: The log-likelihood without the patient effect when it is not `fixed`'s
    ///     (a restricted fit's: the restricted likelihood at `v = 0`).
    ///   - covariance: The covariance of the parameters when it is not the inverse of `final.information`
    ///     (a restricted fit's, computed by blocks).
    /// - Throws: `StatModelError.undefinedStatistic` when the likelihood is not finite at the estimates.
    init(data: RegressionData, result: DampedNewtonResult, final: NewtonEvaluation, groups: [Int], response: AFTResponse,
         fixed: AFTFit, confidenceLevel: Double, logVarianceFloor: Double, wording: Wording,
         context: String, reducedLogLikelihood: Double? = nil, covariance: Matrix? = nil) throws(StatModelError) {
        let k = result.parameters.count
        var warnings: [String] = []
        var variance = Matrix(rows: k, columns: k, repeating: .nan)
        if let covariance {
            variance = covariance
        } else {
            do {
                variance = try Cholesky(final.information).inverse()
            } catch {
                warnings.append("the information matrix is not positive definite at the estimates: the standard errors are "
                    + "not valid (\(wording.variance) may be at 0, or a term separates the outcome).")
            }
        }
        // At the variance's lower limit the optimiser's step test is not met (the gradient in log v does not
        // vanish at a bound); when the likelihood there equals the model without the patient effect, that
        // model's maximum is the answer, and only the boundary is reported.
        let atFloor = result.parameters[k - 1] <= logVarianceFloor + 1e-6
        let logLikelihood = final.value + response.logCorrection
        let reduced = reducedLogLikelihood ?? fixed.logLikelihood
        let boundaryOptimum = atFloor && abs(logLikelihood - reduced) <= 1e-6 * max(1, abs(reduced))
        if !result.isConverged && !boundaryOptimum {
            warnings.append("\(wording.model) did not converge in \(result.iterations) iteration(s); "
                + "estimates and SEs may be unreliable.")
        }
        if atFloor {
            warnings.append("\(wording.variance) is estimated at 0 (its lower limit): the data show no patient effect "
                + "beyond the episodes' own variation; \(wording.reducedModel) fits as well.")
        }
        guard final.value.isFinite else {
            throw .undefinedStatistic(context: context, message: "the marginal likelihood is not finite at the estimates.")
        }
        self.termNames = data.termNames
        self.parameters = result.parameters
        self.variance = variance
        self.logLikelihood = logLikelihood
        self.fixedEffectsLogLikelihood = reduced
        self.iterations = result.iterations
        self.isConverged = result.isConverged || boundaryOptimum
        self.n = data.rows
        self.events = data.events
        self.confidenceLevel = confidenceLevel
        let frailty = data.frailty
        self.frailtyColumn = frailty?.column ?? ""
        self.patients = groups.map { g in frailty.map { $0.labels.indices.contains(g) ? $0.labels[g] : "\(g)" } ?? "\(g)" }
        self.warnings = warnings
    }

    /// Checks what a fit with a per-patient effect needs of the data (no case weights, no `cluster()`, a
    /// patient code per row, an event), then fits the model without the patient effect, which gives the
    /// starting values and the `v = 0` reference.
    ///
    /// - Parameter effect: The patient effect's name, e.g. `gamma frailty`.
    /// - Returns: The fit without the patient effect and the response on the log-time scale with entry times.
    static func fixedEffectsFit(
        _ data: RegressionData, groups: FrailtyGroups, distribution: AFTDistribution, confidenceLevel: Double, effect: String,
        context: String
    ) throws(StatModelError) -> (fixed: AFTFit, response: AFTResponse) {
        if data.weights != nil {
            throw .invalidArgument(context: context, message: "case weights are not supported with a \(effect).")
        }
        if data.cluster != nil {
            throw .invalidArgument(context: context, message: "the \(effect) models the patient effect; drop cluster() "
                + "(robust SEs) when frailty() is in the formula.")
        }
        guard groups.codes.count == data.rows, groups.codes.allSatisfy({ $0 >= 0 && $0 < groups.count }) else {
            throw .lengthMismatch(context: context, argument: "frailty codes", expected: data.rows, found: groups.codes.count)
        }
        guard data.event.contains(true) else {
            throw .undefinedStatistic(context: context, message: "no episode ends with an event (all are censored); "
                + "the model cannot be estimated.")
        }
        var fixedData = data
        fixedData.frailty = nil
        let fixed = try ParametricAFT(distribution: distribution, confidenceLevel: confidenceLevel).fit(fixedData)
        let response = try AFTResponse(time: data.time, event: data.event, weights: nil, distribution: distribution,
                                       epsilon: 1e-9, context: context).truncated(at: data.start)
        return (fixed, response)
    }
}
