import Foundation
import NumericCore
import Survival

/// A parametric fit with a per-patient effect whose parameters are `(β, log σ, log v)`: `v` the variance
/// parameter of the patient effect (the random intercept's SD τ, the gamma frailty's variance θ). It
/// supplies what such fits share: the scale and variance parameter with back-transformed intervals, the
/// time-ratio table, the boundary likelihood-ratio test of `v = 0` against the model without the patient
/// effect, and the ``SurvivalRegressionFit`` members that follow from them.
///
/// Conformers: ``RandomInterceptAFTFit``, ``GammaFrailtyAFTFit``.
public protocol PatientVariationFit: SurvivalRegressionFit {
    /// The marginal fit: parameters `(β, log σ, log v)`, their variance, log-likelihoods, counts, patients, warnings.
    var summary: PatientVariationSummary { get }
    /// The middle 50% of patients' typical (median) relief at a design row, in days; nil for a row of the
    /// wrong length.
    func typicalReliefSpan(at profile: [Double]) -> (lower: Double, upper: Double)?
}

extension PatientVariationFit {
    /// The design's column names.
    public var termNames: [String] { summary.termNames }
    /// `(β, log σ, log v)`.
    public var parameters: [Double] { summary.parameters }
    /// The inverse observed information of ``parameters``.
    public var variance: Matrix { summary.variance }
    /// The marginal log-likelihood on the time scale.
    public var logLikelihood: Double { summary.logLikelihood }
    /// The log-likelihood of the model without the patient effect (`v = 0`).
    public var fixedEffectsLogLikelihood: Double { summary.fixedEffectsLogLikelihood }
    /// Newton iterations.
    public var iterations: Int { summary.iterations }
    /// Whether the Newton decrement fell below its tolerance.
    public var isConverged: Bool { summary.isConverged }
    /// Episodes used.
    public var n: Int { summary.n }
    /// Episodes that ended with an event.
    public var events: Int { summary.events }
    /// The confidence level.
    public var confidenceLevel: Double { summary.confidenceLevel }
    /// The `frailty()` column.
    public var frailtyColumn: String { summary.frailtyColumn }
    /// The patients' ids (groups with at least one episode), in sorted order.
    public var patients: [String] { summary.patients }
    /// Conditions that limit the interpretation.
    public var warnings: [String] { summary.warnings }

    /// The number of fixed-effect coefficients `p`.
    public var coefficientCount: Int { parameters.count - 2 }
    /// `β`.
    public var coefficients: [Double] { Array(parameters.prefix(coefficientCount)) }
    /// `σ`, the scale of the episodes given the patient.
    public var scale: Double { exp(parameters[coefficientCount]) }

    /// `exp(v ± z SE(v))` for the log-scale parameter at `index` (`p`: `log σ`, `p + 1`: `log v`).
    func backTransformedInterval(_ index: Int) -> (estimate: Double, lower: Double, upper: Double) {
        let z = Normal.quantile(1 - (1 - confidenceLevel) / 2)
        let se = variance[index, index] >= 0 ? variance[index, index].squareRoot() : .nan
        let estimate = parameters[index]
        return (exp(estimate), exp(estimate - z * se), exp(estimate + z * se))
    }

    /// `σ` with its interval (from `log σ ± z SE`).
    public var scaleInterval: (estimate: Double, lower: Double, upper: Double) { backTransformedInterval(coefficientCount) }

    /// The likelihood-ratio statistic of `v = 0` against the model without the patient effect,
    /// `2 (ℓ − ℓ₀)` (at least 0).
    public var patientEffectStatistic: Double { max(0, 2 * (logLikelihood - fixedEffectsLogLikelihood)) }
    /// Its p-value on the boundary of the parameter space: half the chi-squared(1) upper tail (a 50:50
    /// mixture of χ²₀ and χ²₁, Self and Liang 1987).
    public var patientEffectPValue: Double { 0.5 * ChiSquared(degreesOfFreedom: 1).survival(patientEffectStatistic) }

    /// The fixed-effect coefficients with their time ratios `exp(β)` (interval `exp(β ± z SE)`).
    public var coefficientTable: [TimeRatioCoefficient] {
        waldTable.prefix(coefficientCount).map { row in
            TimeRatioCoefficient(estimate: row, timeRatio: exp(row.estimate), lower: exp(row.lower), upper: exp(row.upper))
        }
    }

    /// `(β, log σ, log v)`.
    public var parameterEstimates: [Double] { parameters }
    /// None.
    public var robustVariance: Matrix? { nil }
    /// The log-likelihood without the patient effect.
    public var referenceLogLikelihood: Double? { fixedEffectsLogLikelihood }
    /// `p + 2`.
    public var parameterCount: Int { parameters.count }
    /// None (the patient effect replaces clustering).
    public var clusterCount: Int? { nil }
    /// `−2ℓ + 2k`.
    public var aic: Double { -2 * logLikelihood + 2 * Double(parameterCount) }
    /// `−2ℓ + log(n) k`, `n` the episodes.
    public var bic: Double { -2 * logLikelihood + log(Double(n)) * Double(parameterCount) }
    /// The likelihood-ratio test of `v = 0` (1 df, p-value halved on the boundary).
    public var tests: [RegressionTest] {
        [RegressionTest(kind: .likelihoodRatio, statistic: patientEffectStatistic, degreesOfFreedom: 1, pValue: patientEffectPValue)]
    }
    /// The warnings.
    public var warningMessages: [String] { warnings }
}

/// One fixed-effect coefficient of a model on log time with its Wald inference and its time ratio
/// `exp(β)` (interval `exp(β ± z SE)`).
public struct TimeRatioCoefficient: Sendable, Equatable {
    /// The Wald row of `β`.
    public let estimate: ParameterEstimate
    /// `exp(β)`.
    public let timeRatio: Double
    /// The lower limit of the time ratio.
    public let lower: Double
    /// The upper limit of the time ratio.
    public let upper: Double
}
