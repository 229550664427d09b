/// The partial likelihood of a shared-frailty Cox model as the inner Newton loop of
/// ``FrailtyCoxPH/fit(_:)`` sees it (R's `coxfit5_b`/`agfit5_b`): evaluated at `(β, frailties)`, before the
/// penalty.
///
/// Two conformances, as R's `sparse = nclass > 5` chooses them:
/// - ``SparseFrailtyLikelihood`` (6 groups or more): the frailties are a sparse term, their block of the
///   information kept as its diagonal (``FrailtyCoxEvaluation``, ``FrailtyInformation``);
/// - ``DenseFrailtyLikelihood`` (fewer groups): the frailties are ordinary penalised coefficients of a factor,
///   the whole information kept (``DenseFrailtyPoint``, ``DenseFrailtyInformation``).
package protocol FrailtyCoxLikelihood: Sendable {
    associatedtype Point: FrailtyCoxPoint
    /// The log-likelihood, score and information at `beta` (fixed effects, centred columns) and `frailty`.
    func evaluate(beta: [Double], frailty: [Double]) -> Point
    /// R's `fit$loglik[1]`: the log-likelihood at β = 0 without frailty, plus (dense only, as R's `coxfit5_a`
    /// adds the non-sparse penalties) the log penalty of zero frailties at the search's first θ.
    func nullLogLikelihood(distribution: FrailtyDistribution, initialTheta: Double) -> Double
}
