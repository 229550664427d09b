/// The part of a standardised Cox curve's variance that comes from its estimated baseline hazard `Λ₀`
/// (given `β`): the martingale increments of `Λ₀` are uncorrelated with variances `dV_j`, so
/// `Var(S̄(t)) ∋ a(t)² V(t)` and `Var(∫₀^τ S̄) ∋ Σ_j dV_j B_j²` with `a(t) = mean_i S_i(t) r_i` and
/// `B_j = ∫_{t_j}^τ a(s) ds`. Two curves of one fit share the increments, so a difference loads on them
/// with `a_g − a_ref` and `B_g − B_ref`.
package struct BaselineLoadings: Sendable, Equatable {
    /// `a(t)` at each time of the curve.
    package let survival: [Double]
    /// `V(t)`, the baseline's cumulative hazard variance, at each time of the curve.
    package let cumulativeVariance: [Double]
    /// `B_j` for each baseline time `t_j < τ`.
    package let restrictedMean: [Double]
    /// `dV_j` for each baseline time `t_j < τ`.
    package let increments: [Double]

    /// The loadings of a curve that is `weight` times this one (a stratum's part of a curve averaged over
    /// several strata): `a` and `B` scale, the baseline's variances do not.
    package func scaled(by weight: Double) -> BaselineLoadings {
        BaselineLoadings(survival: survival.map { $0 * weight }, cumulativeVariance: cumulativeVariance,
                         restrictedMean: restrictedMean.map { $0 * weight }, increments: increments)
    }

    /// The baselines' share of the variance of survival estimate `k` of `curve − other` (`other` empty:
    /// of `curve` alone): the strata's baselines are independent, so their shares add; the curves of one
    /// fit list the same strata in the same order.
    package static func survivalVariance(_ k: Int, _ curve: [BaselineLoadings], minus other: [BaselineLoadings]) -> Double {
        curve.indices.reduce(0) { $0 + curve[$1].survivalVariance(k, minus: other.indices.contains($1) ? other[$1] : nil) }
    }

    /// The baselines' share of the variance of the restricted mean of `curve − other`.
    package static func restrictedMeanVariance(_ curve: [BaselineLoadings], minus other: [BaselineLoadings]) -> Double {
        curve.indices.reduce(0) { $0 + curve[$1].restrictedMeanVariance(minus: other.indices.contains($1) ? other[$1] : nil) }
    }

    /// The baseline's share of the variance of survival estimate `k` of `self − other` (`other` nil: of
    /// `self` alone).
    package func survivalVariance(_ k: Int, minus other: BaselineLoadings?) -> Double {
        guard survival.indices.contains(k), cumulativeVariance.indices.contains(k) else { return 0 }
        let a = survival[k] - (other.flatMap { $0.survival.indices.contains(k) ? $0.survival[k] : nil } ?? 0)
        return a * a * cumulativeVariance[k]
    }

    /// The baseline's share of the variance of the restricted mean of `self − other`.
    package func restrictedMeanVariance(minus other: BaselineLoadings?) -> Double {
        var total = 0.0
        for j in increments.indices where restrictedMean.indices.contains(j) {
            let b = restrictedMean[j] - (other.flatMap { $0.restrictedMean.indices.contains(j) ? $0.restrictedMean[j] : nil } ?? 0)
            total += increments[j] * b * b
        }
        return total
    }
}
