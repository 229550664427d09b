import Foundation

/// The weight of a weighted log-rank test at each event time: the test sums `w(t) (O - E)` and its
/// variance `w(t)² V(t)` over the event times, as R's `survdiff` does for `rho`.
///
/// With `n` the number at risk and `S(t-)` the pooled Kaplan–Meier estimate just before `t`, both within
/// the stratum (as `survdiff2.c`):
///
/// | weight | w(t) |
/// |---|---|
/// | ``logRank`` | 1 (`survdiff(rho = 0)`) |
/// | ``petoPeto`` | `S(t-)` (`survdiff(rho = 1)`, Fleming–Harrington (1, 0)) |
/// | ``gehan`` | `n` (Gehan–Breslow generalised Wilcoxon) |
/// | ``taroneWare`` | `√n` |
/// | ``flemingHarrington(rho:gamma:)`` | `S(t-)^ρ (1 - S(t-))^γ` |
///
/// T. R. Fleming and D. P. Harrington, *Counting Processes and Survival Analysis* (Wiley, 1991),
/// §7.3, doi:10.1002/9781118150672.
public enum LogRankWeight: Sendable, Equatable, Hashable {
    /// w = 1.
    case logRank
    /// w = S(t-), R's `survdiff(rho = 1)`.
    case petoPeto
    /// w = number at risk.
    case gehan
    /// w = √(number at risk).
    case taroneWare
    /// w = S(t-)^rho (1 - S(t-))^gamma, rho and gamma >= 0.
    case flemingHarrington(rho: Double, gamma: Double)

    /// The weight at an event time.
    /// - Parameters:
    ///   - survivalBefore: The pooled Kaplan–Meier estimate just before the time, within the stratum.
    ///   - atRisk: The number at risk at the time, within the stratum.
    /// - Returns: The weight (`0⁰ = 1`, so FH(0, γ) at S = 1 is 0 only when γ > 0).
    public func value(survivalBefore s: Double, atRisk n: Double) -> Double {
        switch self {
        case .logRank: 1
        case .petoPeto: s
        case .gehan: n
        case .taroneWare: n.squareRoot()
        case let .flemingHarrington(rho, gamma):
            (rho == 0 ? 1 : pow(s, rho)) * (gamma == 0 ? 1 : pow(1 - s, gamma))
        }
    }

    /// Whether the weight needs the pooled Kaplan–Meier estimate.
    var needsSurvival: Bool {
        switch self {
        case .petoPeto: true
        case let .flemingHarrington(rho, gamma): rho != 0 || gamma != 0
        case .logRank, .gehan, .taroneWare: false
        }
    }

    /// The name reports print: `log-rank`, `Peto-Peto`, `Gehan`, `Tarone-Ware`,
    /// `Fleming-Harrington(1, 0.5)`.
    public var name: String {
        switch self {
        case .logRank: "log-rank"
        case .petoPeto: "Peto-Peto"
        case .gehan: "Gehan"
        case .taroneWare: "Tarone-Ware"
        case let .flemingHarrington(rho, gamma): "Fleming-Harrington(\(Self.text(rho)), \(Self.text(gamma)))"
        }
    }

    /// An exponent as text: `1`, not `1.0`.
    static func text(_ value: Double) -> String {
        value.rounded() == value && abs(value) < 1e15 ? String(Int(value)) : String(describing: value)
    }
}
