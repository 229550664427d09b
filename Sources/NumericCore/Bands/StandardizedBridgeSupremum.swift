import Foundation

/// The distribution of the largest standardised excursion of a Brownian bridge over part of its range:
/// `P(sup_{a ≤ x ≤ b} |W⁰(x)| / sqrt(x(1 − x)) ≤ c)`, the probability behind Nair's equal-precision
/// confidence band for a survival curve (Klein & Moeschberger, *Survival Analysis*, 2nd ed., section
/// 4.4 and table C.4).
///
/// With `s = ½ log(x/(1 − x))`, `U(s) = W⁰(x)/sqrt(x(1 − x))` is the stationary Ornstein–Uhlenbeck process
/// `dU = −U ds + √2 dB` (correlation `exp(−|s − s'|)`), watched for a time
/// `T = ½ log(b(1 − a)/(a(1 − b)))`. The chance that it stays in `(−c, c)` solves the backward equation
/// `∂p/∂t = p'' − u p'` with `p = 0` at `±c`; with `p = exp(u²/4) g` that is `∂g/∂t = H g`,
/// `H = d²/du² + ½ − u²/4`, a symmetric operator. `H` is written exactly (closed-form integrals) in the
/// sine basis of `(−c, c)` that vanishes at the bounds (the modes even about 0, as many as make the
/// neglected ones decay by `exp(−40)` over `T`, at least 31), diagonalised (``SymmetricEigen``), and
/// the probability is `(2π)^{−1/2} Σ_k exp(T λ_k) ⟨v_k, h⟩²` with `h = exp(−u²/4)`.
///
/// Klein and Moeschberger's table C.4 (and R's `km.ci`, which reads it) holds the Miller–Siegmund
/// approximation instead (``approximateProbability(bound:from:to:)``); its critical values are up to
/// about 0.01 from the exact ones (2.750 against 2.759 for `a = 0.02`, `b = 0.10` at 95%).
///
/// Nair, V. N. (1984). Confidence bands for survival functions with censored data: a comparative study.
/// *Technometrics* 26, 265–275. doi:10.1080/00401706.1984.10487964
public enum StandardizedBridgeSupremum {
    /// `P(sup_{a ≤ x ≤ b} |W⁰(x)| / sqrt(x(1 − x)) ≤ bound)`, exactly (to about 1e-12).
    /// - Parameters:
    ///   - bound: The bound `c` (0 or less gives 0).
    ///   - a: The start of the range, in (0, 1).
    ///   - b: The end of the range, in [a, 1).
    /// - Returns: The probability; NaN for a range outside `0 < a ≤ b < 1` or a non-finite bound.
    /// - Complexity: O(m³) for m ≤ 400 modes (usually about 31).
    public static func probability(bound c: Double, from a: Double, to b: Double) -> Double {
        guard let length = length(from: a, to: b), c.isFinite else { return .nan }
        guard c > 0 else { return 0 }
        return ornsteinUhlenbeckProbability(bound: c, length: length)
    }

    /// The Miller–Siegmund approximation of ``probability(bound:from:to:)`` that Klein and Moeschberger's
    /// table C.4 holds: `1 − 4φ(c)/c − φ(c)(c − 1/c) log(b(1 − a)/(a(1 − b)))`.
    /// - Parameters:
    ///   - bound: The bound `c`, positive.
    ///   - a: The start of the range, in (0, 1).
    ///   - b: The end of the range, in [a, 1).
    /// - Returns: The approximate probability (may leave [0, 1] for small bounds); NaN outside the domain.
    /// - Complexity: O(1).
    public static func approximateProbability(bound c: Double, from a: Double, to b: Double) -> Double {
        guard let length = length(from: a, to: b), c.isFinite, c > 0 else { return .nan }
        let density = Normal.density(c)
        return 1 - 4 * density / c - density * (c - 1 / c) * 2 * length
    }

    /// The bound `c` with probability `level` (K&M's `c_α(a_L, a_U)` for `level = 1 − α`).
    /// - Parameters:
    ///   - level: The coverage, in (0, 1).
    ///   - a: The start of the range, in (0, 1).
    ///   - b: The end of the range, in [a, 1).
    ///   - approximate: Use the Miller–Siegmund approximation (the table's) instead of the exact value.
    /// - Returns: The critical value; nil for a level or range outside its domain.
    /// - Complexity: About 30 evaluations of the probability.
    public static func criticalValue(level: Double, from a: Double, to b: Double, approximate: Bool = false) -> Double? {
        guard length(from: a, to: b) != nil else { return nil }
        let start = Normal.quantile(1 - (1 - level) / 2)
        guard start.isFinite else { return nil }
        return IncreasingRoot.solve(target: level, start: start) { c in
            approximate ? approximateProbability(bound: c, from: a, to: b) : probability(bound: c, from: a, to: b)
        }
    }

    /// `T = ½ log(b(1 − a)/(a(1 − b)))`, nil outside `0 < a ≤ b < 1`.
    static func length(from a: Double, to b: Double) -> Double? {
        guard a.isFinite, b.isFinite, a > 0, b >= a, b < 1 else { return nil }
        return Swift.max(0, 0.5 * log(b * (1 - a) / (a * (1 - b))))
    }

    /// The chance that the stationary process stays in `(−c, c)` for a time `length` (see the type).
    static func ornsteinUhlenbeckProbability(bound c: Double, length t: Double) -> Double {
        // Modes n = 1, 3, 5, ... of e_n(u) = c^(-1/2) sin(nπ(u + c)/(2c)), the ones even about 0.
        let needed = t > 0 ? 2 * c / Double.pi * (40 / t).squareRoot() : .infinity
        let modes = Swift.min(400, Swift.max(31, Int(Swift.min(needed, 1e4) / 2) + 1))
        let alpha = 2 * c / Double.pi
        // F(k) = ∫_0^π cos(kθ) f(θ) dθ for f = ½ − (αθ − c)²/4.
        func integral(_ k: Int) -> Double {
            let pi = Double.pi
            if k == 0 {
                return (0.5 - c * c / 4) * pi - alpha * alpha / 4 * pi * pi * pi / 3 + alpha * c / 2 * pi * pi / 2
            }
            let kk = Double(k * k), sign: Double = k % 2 == 0 ? 1 : -1
            return -alpha * alpha / 4 * (2 * pi * sign / kk) + alpha * c / 2 * ((sign - 1) / kk)
        }
        var h = Matrix(rows: modes, columns: modes)
        for i in 0..<modes {
            let m = 2 * i + 1
            for j in 0...i {
                let n = 2 * j + 1
                var value = (integral(m - n) - integral(m + n)) / Double.pi
                if i == j {
                    let wave = Double(m) * Double.pi / (2 * c)
                    value -= wave * wave
                }
                h[i, j] = value
                h[j, i] = value
            }
        }
        guard let eigen = try? SymmetricEigen(h) else { return .nan }
        let projection = initialCoefficients(bound: c, modes: modes)
        var sum = 0.0
        for k in 0..<modes {
            var inner = 0.0
            for i in 0..<modes { inner += eigen.vectors[i, k] * projection[i] }
            sum += exp(t * eigen.values[k]) * inner * inner
        }
        return BrownianBridgeSupremum.clamp(sum / (2 * Double.pi).squareRoot())
    }

    /// `⟨e_n, exp(−u²/4)⟩` for the odd modes, by composite 16-point Gauss–Legendre panels.
    static func initialCoefficients(bound c: Double, modes: Int) -> [Double] {
        let panels = Swift.max(4, modes / 2)
        let width = 2 * c / Double(panels)
        var coefficients = [Double](repeating: 0, count: modes)
        let scale = 1 / c.squareRoot()
        for panel in 0..<panels {
            let centre = -c + (Double(panel) + 0.5) * width
            for (node, weight) in zip(MultivariateNormalProbability.gaussNodes, MultivariateNormalProbability.gaussWeights) {
                let u = centre + node * width / 2
                let w = weight * width / 2 * exp(-u * u / 4) * scale
                let theta = Double.pi * (u + c) / (2 * c)
                for i in 0..<modes { coefficients[i] += w * sin(Double(2 * i + 1) * theta) }
            }
        }
        return coefficients
    }
}
