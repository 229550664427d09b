import Survival
/// One evaluation of a ``FrailtyCoxLikelihood``: the partial log-likelihood, the score, and the information,
/// to which the inner loop adds the frailty penalty before factoring it.
package protocol FrailtyCoxPoint: Sendable {
    /// The partial log-likelihood (no penalty).
    var logLikelihood: Double { get }
    /// The score of the frailties and of the fixed effects.
    var frailtyScore: [Double] { get }
    var score: [Double] { get }
    /// Adds the penalty's first and second derivatives (per group) to the frailties' score and to the
    /// diagonal of their information.
    mutating func penalise(score: [Double], second: [Double])
    /// θ = 0: the frailties are held at 0 (their score 0, their information the identity, no coupling), as
    /// R's `coxfit5_b` does when the penalty returns `flag`.
    mutating func holdFrailties()
    /// The penalised information, factored.
    /// - Throws: `.undefinedStatistic` when it is singular.
    func factored() throws(StatModelError) -> any FrailtyNewtonInformation
}
