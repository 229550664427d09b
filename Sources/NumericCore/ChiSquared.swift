import Foundation

/// The chi-squared distribution with `ν` degrees of freedom, the distribution of a sum of `ν`
/// squared standard normals (a gamma distribution with shape `ν/2` and scale 2).
///
/// The upper tail is `Q(ν/2, x/2)` computed directly, never `1 - cdf`, so p-values keep full
/// relative accuracy down to about 1e-308:
///
/// ```swift
/// ChiSquared(degreesOfFreedom: 1).survival(1000)   // 1.2e-219, not 0
/// ```
///
/// Invalid parameters (`ν ≤ 0`, NaN, infinite) make every function return `.nan`.
public struct ChiSquared: Sendable, Equatable {
    /// The degrees of freedom `ν > 0` (need not be an integer).
    public let degreesOfFreedom: Double

    /// Creates the distribution.
    ///
    /// - Parameter degreesOfFreedom: `ν > 0`; other values give a distribution whose functions
    ///   all return `.nan`.
    public init(degreesOfFreedom: Double) {
        self.degreesOfFreedom = degreesOfFreedom
    }

    private var shape: Double { degreesOfFreedom / 2 }
    private var isValid: Bool { degreesOfFreedom > 0 && degreesOfFreedom.isFinite }

    /// The cumulative distribution function `P(X ≤ x) = P(ν/2, x/2)` (regularized lower gamma).
    ///
    /// - Parameter x: Any real number; `x ≤ 0` gives 0.
    /// - Returns: `P(X ≤ x)`; `.nan` for NaN or an invalid distribution.
    /// - Complexity: O(√ν) in the worst case, O(1) in the tails.
    public func cdf(_ x: Double) -> Double {
        guard isValid, !x.isNaN else { return .nan }
        if x <= 0 { return 0 }
        return SpecialFunctions._incompleteGamma(shape, x / 2).lower
    }

    /// The survival function (upper tail, the p-value of a chi-squared statistic)
    /// `P(X > x) = Q(ν/2, x/2)`, computed directly.
    ///
    /// - Parameter x: Any real number; `x ≤ 0` gives 1.
    /// - Returns: `P(X > x)`; positive until it underflows (about `x > 1416` for `ν = 1`).
    /// - Complexity: O(√ν) in the worst case, O(1) in the tails.
    public func survival(_ x: Double) -> Double {
        guard isValid, !x.isNaN else { return .nan }
        if x <= 0 { return 1 }
        return SpecialFunctions._incompleteGamma(shape, x / 2).upper
    }

    /// The density `f(x) = x^{ν/2-1} e^{-x/2} / (2^{ν/2} Γ(ν/2))`.
    ///
    /// - Parameter x: Any real number; negative `x` gives 0.
    /// - Returns: `f(x)`; at `x = 0` it is `+infinity` for `ν < 2`, `½` for `ν = 2`, 0 above.
    /// - Complexity: O(1).
    public func density(_ x: Double) -> Double {
        guard isValid, !x.isNaN else { return .nan }
        if x < 0 || x.isInfinite { return 0 }
        if x == 0 { return shape < 1 ? .infinity : (shape == 1 ? 0.5 : 0) }
        let y = x / 2
        return 0.5 * shape / y * exp(SpecialFunctions._logGammaPrefactor(shape, y))
    }

    /// The quantile function: the `x` with `P(X ≤ x) = p`.
    ///
    /// Safeguarded Newton iteration on `log P` (for `p ≤ ½`) or `log Q` (for `p > ½`) started from
    /// the Wilson–Hilferty approximation, so it is accurate to a few ulps in both tails.
    ///
    /// - Parameter p: A probability in `[0, 1]`.
    /// - Returns: The quantile; 0 for `p = 0`, `+infinity` for `p = 1`, `.nan` outside `[0, 1]`.
    /// - Complexity: O(√ν) per iteration, typically under ten iterations.
    public func quantile(_ p: Double) -> Double {
        guard isValid, p >= 0, p <= 1 else { return .nan }
        if p == 0 { return 0 }
        if p == 1 { return .infinity }
        let a = shape
        let useLower = p <= 0.5
        let target = useLower ? log(p) : log1p(-p)
        func residual(_ y: Double) -> (value: Double, derivative: Double) {
            let tails = SpecialFunctions._incompleteGamma(a, y)
            let gammaDensity = a / y * exp(SpecialFunctions._logGammaPrefactor(a, y))
            if useLower {
                return (log(tails.lower) - target, gammaDensity / tails.lower)
            }
            return (target - log(tails.upper), gammaDensity / tails.upper)
        }
        // Lower bound: P(a, y) < y^a / Γ(a+1) for y > 0, so y ≥ (p Γ(a+1))^{1/a}; if even that
        // underflows, the quantile is below the smallest double.
        let lowerBound = exp((log(p) + SpecialFunctions.logGamma(a + 1)) / a)
        if lowerBound == 0 { return 0 }
        // Start from Wilson–Hilferty: X/ν ≈ (1 - 2/(9ν) + z √(2/(9ν)))³.
        let nu = degreesOfFreedom
        let z = Normal.quantile(p)
        let c = 2 / (9 * nu)
        let wilsonHilferty = nu * pow(1 - c + z * c.squareRoot(), 3) / 2
        let guess = wilsonHilferty > lowerBound && wilsonHilferty.isFinite ? wilsonHilferty : lowerBound
        var high = max(guess, Double.leastNormalMagnitude) * 2
        var steps = 0
        while !(residual(high).value > 0), steps < 2100, high.isFinite {
            high *= 2
            steps += 1
        }
        let low = lowerBound
        let y = QuantileSolver().solve(lower: low, upper: high, initial: guess, residual: residual)
        return 2 * y
    }
}
