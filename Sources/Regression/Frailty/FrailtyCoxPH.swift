import Survival
import Foundation

/// A Cox model with a shared frailty per group, as R's `coxph(Surv(time, status) ~ x + frailty(id))`
/// (gamma) or `frailty(id, distribution = "gaussian")`: the hazard of a row of group g is
/// `λ₀(t) exp(xᵀβ + w_g)`, the log frailties `w_g` fitted as penalised coefficients.
///
/// The fit is R's `coxpenal.fit` with one frailty term: an outer search for the frailty variance θ
/// (``FrailtyDistribution/search(groupEvents:)``), and at each θ a penalised Newton fit. With
/// ``minimumGroups`` groups or more the term is sparse: the information keeps, as R's, only the diagonal of
/// the frailty block (``SparseFrailtyLikelihood``, ``FrailtyInformation``); with fewer it is R's penalised
/// factor, the whole information kept (``DenseFrailtyLikelihood``, ``DenseFrailtyInformation``). Defaults are `coxph.control()`'s: `eps` 1e-9, 20 inner iterations, 10 outer.
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
/// Case weights (``RegressionData/weights``) enter as in R's `coxfit5`, except the frailty diagonal of a sparse
/// term, where R leaves the deaths' weights out (README, "Shared frailty and case weights"). Refused: weights
/// on `(start, stop]` rows, a single group.
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

    /// The fewest groups fitted as a sparse term (R's `sparse = nclass > 5`); fewer are a dense penalised factor.
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
