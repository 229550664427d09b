import Foundation
import NumericCore
import Regression

/// The best identified alternative to an Emax AFT whose ED50 is not identified: a linear AFT with the
/// same covariates, the same error family and an intercept, in which the dose enters through one fixed
/// term,
///
///     log T = β₀ + β₁·h(d) + xᵀb + σW,   h(d) = d  (linear)  or  log(d + off)  (log-linear, off = 0.01 × max dose),
///
/// the two dose terms DoseFinding fits without a non-linear parameter (`linear` and `linlog` with its
/// default offset). Both are fitted (``ParametricAFT``, R's `survreg`); the one with the smaller AIC is
/// ``chosen`` (the same number of parameters, so the larger likelihood; a tie goes to the linear term).
/// Every parameter is identified whenever the doses take at least two values.
public struct EmaxAFTAlternative: Sendable {
    /// The dose term `h(d)`.
    public enum DoseTerm: Sendable, Equatable {
        /// `h(d) = d`: `exp(β₁)` is the time ratio per dose unit.
        case linear
        /// `h(d) = log(d + offset)`: `exp(β₁)` is the time ratio per e-fold of `d + offset`.
        case logarithmic(offset: Double)

        /// `linear` or `linlog` (DoseFinding's names).
        public var name: String {
            switch self {
            case .linear: return "linear"
            case .logarithmic: return "linlog"
            }
        }

        /// The term as written in a formula, e.g. `dose_mg_kg` or `log(dose_mg_kg + 0.0127)`.
        ///
        /// - Parameter dose: The dose column name.
        /// - Returns: The label.
        public func label(_ dose: String) -> String {
            switch self {
            case .linear: return dose
            case .logarithmic(let offset): return "log(\(dose) + \(String(format: "%.4g", offset)))"
            }
        }

        /// `h(d)`.
        ///
        /// - Parameter dose: A dose `>= 0`.
        /// - Returns: The term's value.
        public func value(_ dose: Double) -> Double {
            switch self {
            case .linear: return dose
            case .logarithmic(let offset): return log(dose + offset)
            }
        }
    }

    /// One candidate: its dose term and fit summary.
    public struct Candidate: Sendable, Equatable {
        /// The dose term.
        public let doseTerm: DoseTerm
        /// The log-likelihood on the time scale (R's `survreg`, ``AFTFit/logLikelihood``).
        public let logLikelihood: Double
        /// `AIC = −2ℓ + 2k`.
        public let aic: Double
        /// Whether it converged.
        public let isConverged: Bool
    }

    /// The chosen dose term.
    public let doseTerm: DoseTerm
    /// Its fit; the design columns are `(Intercept)`, `dose`, then the covariates.
    public let fit: AFTFit
    /// Every candidate fitted, in the order linear, linlog.
    public let candidates: [Candidate]

    /// The time `g(d) = exp(β₀ + β₁·h(d))` in days at the reference profile (`x = 0`), with the
    /// delta-method interval on the log scale and the median relief `g·exp(σ F₀⁻¹(0.5))`, as
    /// ``EmaxAFTFit/curvePoints(doses:)``.
    ///
    /// - Parameter doses: Doses `>= 0` (others are skipped).
    /// - Returns: One point per usable dose.
    /// - Complexity: O(1) per dose.
    public func curvePoints(doses: [Double]) -> [EmaxAFTCurvePoint] {
        let used = fit.inferenceVariance
        let z = Normal.quantile(0.5 + fit.confidenceLevel / 2)
        let medianFactor = exp(fit.scale * fit.distribution.family.quantile(0.5))
        let beta = fit.coefficients
        guard beta.count >= 2, used.rows >= 2 else { return [] }
        return doses.compactMap { dose in
            guard dose >= 0 else { return nil }
            let h = doseTerm.value(dose)
            guard h.isFinite else { return nil }
            let eta = beta[0] + beta[1] * h
            let variance = used[0, 0] + 2 * h * used[0, 1] + h * h * used[1, 1]
            let se = max(variance, 0).squareRoot()
            return EmaxAFTCurvePoint(dose: dose, estimate: exp(eta), lower: exp(eta - z * se), upper: exp(eta + z * se),
                                     median: exp(eta) * medianFactor)
        }
    }
}
