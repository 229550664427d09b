#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Deterministic samplers for the distributions a trial simulation needs, drawing from any
/// `RandomNumberGenerator` (use ``SeededGenerator`` for reproducible streams).
///
/// Every sampler consumes a fixed, documented pattern of 64-bit outputs for a given outcome, so a
/// seed fully determines the result on every platform. Parameters are checked before drawing;
/// invalid ones throw ``RandomVariatesError`` and consume nothing.
///
/// ```swift
/// var rng = SeededGenerator(seed: 7)
/// let z = RandomVariates.standardNormal(using: &rng)
/// let g = try RandomVariates.gamma(shape: 2, scale: 12, using: &rng)
/// ```
public enum RandomVariates {
    /// A uniform variate on the open interval (0, 1).
    ///
    /// `u = (⌊x / 2^12⌋ + 1/2) · 2^-52` for one 64-bit output `x`: the midpoints of 2^52 equal cells,
    /// all exactly representable, so the smallest value is 2^-53, the largest 1 − 2^-53, neither 0
    /// nor 1 can occur and `log(u)`, `log(1 − u)` are always finite.
    /// - Parameter generator: The source of random bits (one output consumed).
    /// - Returns: A value in (0, 1).
    /// - Complexity: O(1).
    @inlinable
    public static func uniform(using generator: inout some RandomNumberGenerator) -> Double {
        (Double(generator.next() >> 12) + 0.5) * 0x1.0p-52
    }

    /// A standard normal variate by the Box–Muller transform.
    ///
    /// `z = √(−2 log u1) · cos(2π u2)` with `u1`, `u2` from ``uniform(using:)`` (two outputs consumed;
    /// the sine partner is discarded so that the sampler is stateless).
    /// G. E. P. Box and M. E. Muller (1958), doi:10.1214/aoms/1177706645.
    /// - Parameter generator: The source of random bits.
    /// - Returns: A draw from N(0, 1).
    /// - Complexity: O(1).
    @inlinable
    public static func standardNormal(using generator: inout some RandomNumberGenerator) -> Double {
        let u1 = uniform(using: &generator)
        let u2 = uniform(using: &generator)
        return (-2 * log(u1)).squareRoot() * cos(2 * Double.pi * u2)
    }

    /// A normal variate `mean + standardDeviation · z`, `z` from ``standardNormal(using:)``.
    /// - Parameters:
    ///   - mean: The mean (finite).
    ///   - standardDeviation: The standard deviation (finite, >= 0).
    ///   - generator: The source of random bits.
    /// - Returns: A draw from N(mean, standardDeviation²).
    /// - Throws: ``RandomVariatesError`` for a non-finite mean or a negative or non-finite SD.
    /// - Complexity: O(1).
    @inlinable
    public static func normal(
        mean: Double, standardDeviation: Double, using generator: inout some RandomNumberGenerator
    ) throws(RandomVariatesError) -> Double {
        guard mean.isFinite else {
            throw RandomVariatesError(distribution: "normal", parameter: "mean", value: mean, requirement: "a finite number")
        }
        guard standardDeviation.isFinite, standardDeviation >= 0 else {
            throw RandomVariatesError(
                distribution: "normal", parameter: "standardDeviation", value: standardDeviation,
                requirement: "a finite number >= 0")
        }
        return mean + standardDeviation * standardNormal(using: &generator)
    }

    /// An exponential variate by inversion: `−mean · log(u)`.
    /// - Parameters:
    ///   - mean: The mean (1 / rate), finite and > 0.
    ///   - generator: The source of random bits (one output consumed).
    /// - Returns: A positive draw with the given mean.
    /// - Throws: ``RandomVariatesError`` when `mean` is not finite and positive.
    /// - Complexity: O(1).
    @inlinable
    public static func exponential(
        mean: Double, using generator: inout some RandomNumberGenerator
    ) throws(RandomVariatesError) -> Double {
        guard mean.isFinite, mean > 0 else {
            throw RandomVariatesError(distribution: "exponential", parameter: "mean", value: mean, requirement: "a finite number > 0")
        }
        return -mean * log(uniform(using: &generator))
    }

    /// A standard minimum extreme value (Gumbel-min) variate: `log(E)`, `E ~ Exp(1)`.
    ///
    /// This is the error of a Weibull accelerated failure time model: if `log T = μ + σ·W` then
    /// `T` is Weibull with shape `1/σ` and scale `exp(μ)`.
    /// - Parameter generator: The source of random bits (one output consumed).
    /// - Returns: A draw with density `exp(w − eʷ)`.
    /// - Complexity: O(1).
    @inlinable
    public static func minimumExtremeValue(using generator: inout some RandomNumberGenerator) -> Double {
        log(-log(uniform(using: &generator)))
    }

    /// A gamma variate by Marsaglia and Tsang's squeeze-rejection method.
    ///
    /// For shape `a >= 1`: `d = a − 1/3`, `c = 1/√(9d)`; repeat `x ~ N(0,1)`, `v = (1 + c x)³` until
    /// `v > 0` and, with `u ~ U(0,1)`, `u < 1 − 0.0331 x⁴` or `log u < x²/2 + d(1 − v + log v)`;
    /// return `d·v·scale`. For `a < 1`: `Gamma(a + 1) · u^(1/a)`.
    /// G. Marsaglia and W. W. Tsang (2000), doi:10.1145/358407.358414.
    /// - Parameters:
    ///   - shape: The shape `a`, finite and > 0.
    ///   - scale: The scale `θ`, finite and > 0 (mean `aθ`, variance `aθ²`).
    ///   - generator: The source of random bits.
    /// - Returns: A positive draw.
    /// - Throws: ``RandomVariatesError`` for an invalid shape or scale.
    /// - Complexity: O(1) expected (acceptance rate above 95%).
    @inlinable
    public static func gamma(
        shape: Double, scale: Double, using generator: inout some RandomNumberGenerator
    ) throws(RandomVariatesError) -> Double {
        guard shape.isFinite, shape > 0 else {
            throw RandomVariatesError(distribution: "gamma", parameter: "shape", value: shape, requirement: "a finite number > 0")
        }
        guard scale.isFinite, scale > 0 else {
            throw RandomVariatesError(distribution: "gamma", parameter: "scale", value: scale, requirement: "a finite number > 0")
        }
        return scale * standardGamma(shape: shape, using: &generator)
    }

    @inlinable
    package static func standardGamma(shape: Double, using generator: inout some RandomNumberGenerator) -> Double {
        if shape < 1 {
            let boosted = standardGamma(shape: shape + 1, using: &generator)
            return boosted * pow(uniform(using: &generator), 1 / shape)
        }
        let d = shape - 1.0 / 3.0
        let c = 1 / (9 * d).squareRoot()
        while true {
            var x: Double
            var v: Double
            repeat {
                x = standardNormal(using: &generator)
                v = 1 + c * x
            } while v <= 0
            v = v * v * v
            let u = uniform(using: &generator)
            let x2 = x * x
            if u < 1 - 0.0331 * x2 * x2 { return d * v }
            if log(u) < 0.5 * x2 + d * (1 - v + log(v)) { return d * v }
        }
    }

    /// The largest Poisson mean accepted (keeps every result exactly representable as `Int`).
    public static let maximumPoissonMean = 1e15

    /// A Poisson variate.
    ///
    /// Mean < 10: inversion by sequential search (`p₀ = e^−λ`, `p_k = p_{k−1} λ/k`, one uniform).
    /// Mean >= 10: Hörmann's transformed rejection with squeeze (PTRS), as used by NumPy.
    /// W. Hörmann (1993), "The transformed rejection method for generating Poisson random variables",
    /// Insurance: Mathematics and Economics 12(1), doi:10.1016/0167-6687(93)90997-4.
    /// - Parameters:
    ///   - mean: λ, finite, >= 0 and <= ``maximumPoissonMean``.
    ///   - generator: The source of random bits.
    /// - Returns: A count >= 0 (always 0 when λ = 0).
    /// - Throws: ``RandomVariatesError`` for an invalid mean.
    /// - Complexity: O(λ) expected for λ < 10, O(1) expected otherwise.
    @inlinable
    public static func poisson(
        mean: Double, using generator: inout some RandomNumberGenerator
    ) throws(RandomVariatesError) -> Int {
        guard mean.isFinite, mean >= 0, mean <= maximumPoissonMean else {
            throw RandomVariatesError(
                distribution: "poisson", parameter: "mean", value: mean,
                requirement: "a finite number in [0, \(maximumPoissonMean)]")
        }
        if mean == 0 { return 0 }
        if mean < 10 {
            var p = exp(-mean)
            var cumulative = p
            let u = uniform(using: &generator)
            var k = 0
            // The tail beyond k = 200 has probability below 1e-150 for λ < 10; stop there so that
            // rounding in `cumulative` can never loop forever.
            while u > cumulative && k < 200 {
                k += 1
                p *= mean / Double(k)
                cumulative += p
            }
            return k
        }
        return poissonPTRS(mean: mean, using: &generator)
    }

    @inlinable
    package static func poissonPTRS(mean lambda: Double, using generator: inout some RandomNumberGenerator) -> Int {
        let sqrtLambda = lambda.squareRoot()
        let logLambda = log(lambda)
        let b = 0.931 + 2.53 * sqrtLambda
        let a = -0.059 + 0.02483 * b
        let inverseAlpha = 1.1239 + 1.1328 / (b - 3.4)
        let vr = 0.9277 - 3.6224 / (b - 2)
        while true {
            let u = uniform(using: &generator) - 0.5
            let v = uniform(using: &generator)
            let us = 0.5 - abs(u)
            let k = ((2 * a / us + b) * u + lambda + 0.43).rounded(.down)
            if us >= 0.07 && v <= vr, let count = Int(exactly: k) { return count }
            if k < 0 || (us < 0.013 && v > us) { continue }
            let lhs = log(v) + log(inverseAlpha) - log(a / (us * us) + b)
            if lhs <= -lambda + k * logLambda - logFactorial(k), let count = Int(exactly: k) { return count }
        }
    }

    /// `log(k!)` for a whole number `k >= 0`: a table below 16, Stirling's series above
    /// (absolute error below 1e-15 there).
    @inlinable
    package static func logFactorial(_ k: Double) -> Double {
        if k < 16 {
            var result = 0.0
            var i = 2.0
            while i <= k {
                result += log(i)
                i += 1
            }
            return result
        }
        let x = k + 1
        let inverse = 1 / x
        let inverse2 = inverse * inverse
        let series = inverse * (1.0 / 12 - inverse2 * (1.0 / 360 - inverse2 * (1.0 / 1260 - inverse2 / 1680)))
        return (x - 0.5) * log(x) - x + 0.918_938_533_204_672_8 + series
    }

    /// An index drawn with the given (unnormalised) probabilities, by inversion of the cumulative sum.
    /// - Parameters:
    ///   - probabilities: Non-negative finite weights with a positive sum; normalised by their sum.
    ///   - generator: The source of random bits (one output consumed).
    /// - Returns: An index `i` with `probabilities[i] > 0`, chosen with probability `pᵢ / Σp`.
    /// - Throws: ``RandomVariatesError`` for an empty list, a negative or non-finite weight, or a zero sum.
    /// - Complexity: O(k) for k categories.
    @inlinable
    public static func categorical(
        probabilities: [Double], using generator: inout some RandomNumberGenerator
    ) throws(RandomVariatesError) -> Int {
        let total = try checkedWeightSum(probabilities, distribution: "categorical", parameter: "probabilities")
        let target = uniform(using: &generator) * total
        var cumulative = 0.0
        var lastPositive = 0
        for (index, p) in probabilities.enumerated() where p > 0 {
            cumulative += p
            lastPositive = index
            if target < cumulative { return index }
        }
        return lastPositive
    }

    /// A Dirichlet variate: independent `Gamma(αᵢ, 1)` draws divided by their sum.
    /// - Parameters:
    ///   - concentrations: The α vector, each finite and > 0, at least one entry.
    ///   - generator: The source of random bits.
    /// - Returns: Non-negative weights summing to 1 (mean `αᵢ / Σα`).
    /// - Throws: ``RandomVariatesError`` for an empty vector or a non-positive or non-finite α.
    /// - Complexity: O(k) expected.
    @inlinable
    public static func dirichlet(
        concentrations: [Double], using generator: inout some RandomNumberGenerator
    ) throws(RandomVariatesError) -> [Double] {
        guard !concentrations.isEmpty else {
            throw RandomVariatesError(
                distribution: "dirichlet", parameter: "concentrations", value: .nan, requirement: "a non-empty list")
        }
        for alpha in concentrations where !(alpha.isFinite && alpha > 0) {
            throw RandomVariatesError(
                distribution: "dirichlet", parameter: "concentrations", value: alpha, requirement: "finite numbers > 0")
        }
        var draws = concentrations.map { standardGamma(shape: $0, using: &generator) }
        let total = draws.reduce(0, +)
        if total > 0 && total.isFinite {
            for i in draws.indices { draws[i] /= total }
            return draws
        }
        // Every draw underflowed (all α tiny): the limit is a single 1 at an index chosen ∝ α.
        let alphaTotal = concentrations.reduce(0, +)
        let target = uniform(using: &generator) * alphaTotal
        var cumulative = 0.0
        var chosen = concentrations.count - 1
        for (index, alpha) in concentrations.enumerated() {
            cumulative += alpha
            if target < cumulative {
                chosen = index
                break
            }
        }
        return concentrations.indices.map { $0 == chosen ? 1 : 0 }
    }

    @inlinable
    package static func checkedWeightSum(
        _ weights: [Double], distribution: String, parameter: String
    ) throws(RandomVariatesError) -> Double {
        guard !weights.isEmpty else {
            throw RandomVariatesError(distribution: distribution, parameter: parameter, value: .nan, requirement: "a non-empty list")
        }
        var total = 0.0
        for w in weights {
            guard w.isFinite, w >= 0 else {
                throw RandomVariatesError(distribution: distribution, parameter: parameter, value: w, requirement: "finite numbers >= 0")
            }
            total += w
        }
        guard total > 0, total.isFinite else {
            throw RandomVariatesError(
                distribution: distribution, parameter: parameter, value: total, requirement: "weights with a positive finite sum")
        }
        return total
    }
}
