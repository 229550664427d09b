import Foundation

/// Student's t distribution with `ν` degrees of freedom.
///
/// The tails use the regularized incomplete beta function,
/// `P(|T| > t) = I_{ν/(ν+t²)}(ν/2, ½)`, with `ν/(ν+t²)`, `t²/(ν+t²)` and their logarithms each
/// formed without cancellation, so both tails keep full relative accuracy. `ν = +infinity` is the
/// standard normal.
///
/// ```swift
/// StudentT(degreesOfFreedom: 5).quantile(0.975)   // 2.570581835636314
/// ```
///
/// Invalid parameters (`ν ≤ 0` or NaN) make every function return `.nan`.
public struct StudentT: Sendable, Equatable {
    /// The degrees of freedom `ν > 0` (need not be an integer; `+infinity` means normal).
    public let degreesOfFreedom: Double

    /// Creates the distribution.
    ///
    /// - Parameter degreesOfFreedom: `ν > 0`; other values give a distribution whose functions
    ///   all return `.nan`.
    public init(degreesOfFreedom: Double) {
        self.degreesOfFreedom = degreesOfFreedom
    }

    private var isValid: Bool { degreesOfFreedom > 0 }

    /// The cumulative distribution function `P(T ≤ t)`.
    ///
    /// - Parameter t: Any real number.
    /// - Returns: `P(T ≤ t)`; `.nan` for NaN or an invalid distribution.
    /// - Complexity: O(√ν) in the worst case, O(1) in the tails.
    public func cdf(_ t: Double) -> Double {
        _upperTail(-t)
    }

    /// The survival function (upper tail) `P(T > t)`, computed directly.
    ///
    /// - Parameter t: Any real number.
    /// - Returns: `P(T > t)`; `.nan` for NaN or an invalid distribution.
    /// - Complexity: O(√ν) in the worst case, O(1) in the tails.
    public func survival(_ t: Double) -> Double {
        _upperTail(t)
    }

    /// The density `f(t) = (1 + t²/ν)^{-(ν+1)/2} / (√ν B(ν/2, ½))`.
    ///
    /// - Parameter t: Any real number.
    /// - Returns: `f(t)`; `.nan` for NaN or an invalid distribution.
    /// - Complexity: O(1).
    public func density(_ t: Double) -> Double {
        guard isValid, !t.isNaN else { return .nan }
        let nu = degreesOfFreedom
        if nu.isInfinite { return Normal.density(t) }
        if t.isInfinite { return 0 }
        let parts = _betaArguments(abs(t))
        let logDensity = -SpecialFunctions.logBeta(nu / 2, 0.5) - 0.5 * log(nu) + (nu + 1) / 2 * parts.logX
        return exp(logDensity)
    }

    /// The quantile function: the `t` with `P(T ≤ t) = p`.
    ///
    /// Closed forms for `ν = 1` (`t = tan(π(p - ½))`) and `ν = 2`; otherwise a safeguarded Newton
    /// iteration on `log P(T > t)` (the smaller tail), bracketed below by the normal quantile and
    /// above by the Pareto-tail bound `t ≤ (c ν^{(ν-1)/2} / q)^{1/ν}`, `c = 1/(√ν B(ν/2, ½))`,
    /// started from the Cornish–Fisher expansion. Accurate to a few ulps, including `p = 1e-300`.
    ///
    /// - Parameter p: A probability in `[0, 1]`.
    /// - Returns: The quantile; `∓infinity` for `p = 0` or `1`, `.nan` outside `[0, 1]`.
    /// - Complexity: O(√ν) per iteration, typically under ten iterations.
    public func quantile(_ p: Double) -> Double {
        guard isValid, p >= 0, p <= 1 else { return .nan }
        if p == 0 { return -.infinity }
        if p == 1 { return .infinity }
        if p == 0.5 { return 0 }
        if degreesOfFreedom.isInfinite { return Normal.quantile(p) }
        // 1 - p is exact for p ≥ ½ (Sterbenz), so q carries p's full accuracy.
        let value = _upperQuantile(p < 0.5 ? p : 1 - p)
        return p < 0.5 ? -value : value
    }

    /// `t > 0` with `P(T > t) = q`, for `0 < q < ½`.
    private func _upperQuantile(_ q: Double) -> Double {
        let nu = degreesOfFreedom
        if nu == 1 {
            // P(T > t) = ½ - atan(t)/π, so t = cot(πq) = tan(π(½ - q)).
            return q < 0.25 ? 1 / tan(Double.pi * q) : tan(Double.pi * (0.5 - q))
        }
        if nu == 2 {
            // P(T > t) = ½ (1 - t / √(2 + t²)), so t = (1 - 2q) / √(2q(1 - q)).
            return (1 - 2 * q) / (2 * q * (1 - q)).squareRoot()
        }
        let z = -Normal.quantile(q)
        let logQ = log(q)
        let logC = -SpecialFunctions.logBeta(nu / 2, 0.5) - 0.5 * log(nu)
        let paretoBound = exp((logC + (nu - 1) / 2 * log(nu) - logQ) / nu)
        // Cornish–Fisher: t ≈ z + (z³+z)/(4ν) + (5z⁵+16z³+3z)/(96ν²).
        let z2 = z * z
        let cornishFisher = z + z * (z2 + 1) / (4 * nu) + z * ((5 * z2 + 16) * z2 + 3) / (96 * nu * nu)
        func residual(_ t: Double) -> (value: Double, derivative: Double) {
            let tail = _upperTail(t)
            return (logQ - log(tail), density(t) / tail)
        }
        let low = max(z, 0)
        let high = paretoBound.isFinite ? max(paretoBound, low) : Double.greatestFiniteMagnitude
        // Heavy tails (ν < 1) can put the quantile beyond the largest double.
        if !paretoBound.isFinite, _upperTail(high) > q { return .infinity }
        return QuantileSolver().solve(lower: low, upper: high, initial: cornishFisher, residual: residual)
    }

    /// `P(T > t)`: `½ I_x(ν/2, ½)` for `t > 0` with `x = ν/(ν+t²)`, by symmetry otherwise.
    package func _upperTail(_ t: Double) -> Double {
        guard isValid, !t.isNaN else { return .nan }
        let nu = degreesOfFreedom
        if nu.isInfinite { return Normal.survival(t) }
        if t == 0 { return 0.5 }
        if t.isInfinite { return t > 0 ? 0 : 1 }
        let parts = _betaArguments(abs(t))
        let tails = SpecialFunctions._incompleteBeta(
            a: nu / 2, b: 0.5, x: parts.x, y: parts.y, logX: parts.logX, logY: parts.logY)
        // tails.lower = P(|T| > |t|), tails.upper = P(|T| ≤ |t|).
        return t > 0 ? 0.5 * tails.lower : 0.5 + 0.5 * tails.upper
    }

    /// `x = ν/(ν+t²)`, `y = t²/(ν+t²)` and their logs, for `t ≥ 0` finite, without overflow.
    private func _betaArguments(_ t: Double) -> (x: Double, y: Double, logX: Double, logY: Double) {
        let nu = degreesOfFreedom
        let s2 = t * t / nu              // t²/ν
        if s2 < 1e200 {
            let logY = s2 > 0 ? -log1p(1 / s2) : -.infinity
            return (1 / (1 + s2), s2 / (1 + s2), -log1p(s2), logY)
        }
        let r = (nu / t) / t             // ν/t², no overflow since t ≥ 1e100
        return (r / (1 + r), 1 / (1 + r), log(nu) - 2 * log(t) - log1p(r), -log1p(r))
    }
}
