import Survival
import Foundation

/// A Cox model with a shared frailty per group, as R's `coxph(Surv(time, status) ~ x + frailty(id))`
/// (gamma) or `frailty(id, distribution = "gaussian")`: the hazard of a row of group g is
/// `λ₀(t) exp(xᵀβ + w_g)`, the log frailties `w_g` fitted as penalised coefficients.
///
/// The fit is R's `coxpenal.fit` with one sparse term: an outer search for the frailty variance θ
/// (``FrailtyDistribution/search(groupEvents:)``), and at each θ a penalised Newton fit whose information
/// keeps, as R's, only the diagonal of the frailty block (``FrailtyCoxEvaluation``,
/// ``FrailtyInformation``). Defaults are `coxph.control()`'s: `eps` 1e-9, 20 inner iterations, 10 outer.
///
/// ```swift
/// var data = RegressionData(design: design, time: time, event: event)  // design of "age + sex + frailty(id)"
/// let fit = try FrailtyCoxPH(distribution: .gamma).fit(data)
/// fit.theta; fit.frailties; fit.variance; fit.sandwichVariance
/// ```
///
/// Counting-process rows `(start, stop]` (``RegressionData/start``) are fitted as R's
/// `coxph(Surv(start, stop, event) ~ x + frailty(id))` (`agfit5`): a row is at risk at `t` when
/// `start < t ≤ stop` (``FrailtyCoxEntries``).
///
/// Refused: case weights, fewer than 6 groups (R then fits the frailty as an ordinary penalised factor,
/// which is not built here).
public struct FrailtyCoxPH: SurvivalRegressionModel, Sendable, Equatable {
    /// Ties method (R's default, Efron).
    public var ties: CoxPH.Ties
    /// The frailty's distribution.
    public var distribution: FrailtyDistribution
    /// Inner Newton iterations per θ (R's `iter.max`, 20).
    public var maxIterations: Int
    /// Outer iterations over θ (R's `outer.max`, 10).
    public var maxOuterIterations: Int
    /// Inner convergence: relative change of the penalised log-likelihood (R's `eps`, 1e-9).
    public var epsilon: Double
    /// Confidence level of the intervals.
    public var confidenceLevel: Double
    /// R's `timefix`.
    public var timeFix: Bool

    /// The fewest groups fitted as a sparse term (R's `sparse = nclass > 5`).
    public static let minimumGroups = 6
    package static let fitContext = "FrailtyCoxPH.fit"

    /// A model with R's defaults.
    public init(ties: CoxPH.Ties = .efron, distribution: FrailtyDistribution = .gamma, maxIterations: Int = 20,
                maxOuterIterations: Int = 10, epsilon: Double = 1e-9, confidenceLevel: Double = 0.95,
                timeFix: Bool = true) {
        self.ties = ties
        self.distribution = distribution
        self.maxIterations = maxIterations
        self.maxOuterIterations = maxOuterIterations
        self.epsilon = epsilon
        self.confidenceLevel = confidenceLevel
        self.timeFix = timeFix
    }
}
