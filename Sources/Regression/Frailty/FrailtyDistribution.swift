import Foundation

/// The distribution of a shared frailty, as R's `frailty(x, distribution = ...)`: the penalty it puts on
/// the per-group log frailties, and how its variance θ is chosen.
///
/// - `gamma` (R's default, `frailty.gamma`): frailties recentred so that their exponentials average 1,
///   penalty `−Σ(wᵍ − e^{wᵍ})/θ` (the exponential part is then a constant and dropped, as R does), θ chosen
///   to maximise the marginal ("I-") likelihood (R's `method = "em"`).
/// - `gaussian` (`frailty.gaussian`): frailties recentred to mean 0, penalty `½Σ(wᵍ²/θ + log 2πθ)`, θ
///   chosen by R's default `method = "reml"`.
public enum FrailtyDistribution: String, Sendable, Equatable, CaseIterable {
    case gamma
    case gaussian

    /// The penalty at `frailty` for variance `theta`, after recentring `frailty` in place as R's `pfun`
    /// does; `nil` when θ = 0 (the frailties are then held at 0).
    /// - Complexity: O(groups).
    package func penalty(recentring frailty: inout [Double], theta: Double) -> FrailtyPenalty? {
        guard theta != 0, !frailty.isEmpty else { return nil }
        let count = Double(frailty.count)
        switch self {
        case .gamma:
            let centre = log(frailty.reduce(0) { $0 + exp($1) } / count)
            for g in frailty.indices { frailty[g] -= centre }
            let nu = 1 / theta
            return FrailtyPenalty(
                score: frailty.map { -(exp($0) - 1) * nu }, second: frailty.map { exp($0) * nu },
                logPenalty: frailty.reduce(0, +) * nu)
        case .gaussian:
            let centre = frailty.reduce(0, +) / count
            for g in frailty.indices { frailty[g] -= centre }
            var log = 0.0
            for w in frailty { log -= 0.5 * (w * w / theta + Foundation.log(2 * Double.pi * theta)) }
            return FrailtyPenalty(score: frailty.map { -$0 / theta }, second: frailty.map { _ in 1 / theta },
                                  logPenalty: log)
        }
    }

    /// The search for θ (R's control function for the default method).
    package func search(groupEvents: [Int]) -> any FrailtyVarianceSearch {
        switch self {
        case .gamma: return GammaFrailtySearch(groupEvents: groupEvents)
        case .gaussian: return GaussianFrailtySearch()
        }
    }
}

/// The penalty's contribution at the current frailties: added to the score, to the diagonal of the
/// information, and to the log-likelihood.
package struct FrailtyPenalty: Sendable {
    package let score: [Double]
    package let second: [Double]
    package let logPenalty: Double
}
