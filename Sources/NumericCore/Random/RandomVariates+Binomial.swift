#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

extension RandomVariates {
    /// A binomial variate: the number of successes in `count` independent trials of probability
    /// `probability`.
    ///
    /// Exact in distribution: inversion of the cumulative probabilities when `min(p, 1 − p) · n < 10`
    /// (one uniform), otherwise Hörmann's transformed rejection with squeeze, BTRS (two uniforms per
    /// attempt, about 1.15 attempts on average). For `p > 1/2` it draws the failures with `1 − p`.
    /// W. Hörmann (1993), "The generation of binomial random variates", doi:10.1080/00949659308811496.
    /// - Parameters:
    ///   - count: n, the number of trials (>= 0).
    ///   - probability: p, finite, in [0, 1].
    ///   - generator: The source of random bits.
    /// - Returns: A count in `0...count`.
    /// - Throws: ``RandomVariatesError`` for a negative count or a probability outside [0, 1].
    /// - Complexity: O(np) expected below np = 10, O(1) expected otherwise.
    @inlinable
    public static func binomial(
        count: Int, probability: Double, using generator: inout some RandomNumberGenerator
    ) throws(RandomVariatesError) -> Int {
        guard count >= 0 else {
            throw RandomVariatesError(distribution: "binomial", parameter: "count", value: Double(count), requirement: "a whole number >= 0")
        }
        guard probability >= 0, probability <= 1 else {
            throw RandomVariatesError(distribution: "binomial", parameter: "probability", value: probability, requirement: "a number in [0, 1]")
        }
        return binomialChecked(count: count, probability: probability, using: &generator)
    }

    /// ``binomial(count:probability:using:)`` for arguments already known to be valid (`count >= 0`,
    /// `probability` in [0, 1]); it draws the same values from the same bits.
    @inlinable
    package static func binomialChecked(count n: Int, probability: Double, using generator: inout some RandomNumberGenerator) -> Int {
        if n == 0 || probability <= 0 { return 0 }
        if probability >= 1 { return n }
        if probability > 0.5 { return n - binomialChecked(count: n, probability: 1 - probability, using: &generator) }
        if Double(n) * probability < 10 { return binomialInversion(count: n, probability: probability, using: &generator) }
        return binomialBTRS(count: n, probability: probability, using: &generator)
    }

    /// Inversion from 0 upwards with the recurrence `f(x) = f(x−1) · ((n+1)/x − 1) · p/q`, for `np < 10`
    /// and `p <= 1/2` (so `qⁿ >= e^-20` cannot underflow).
    @inlinable
    package static func binomialInversion(count n: Int, probability p: Double, using generator: inout some RandomNumberGenerator) -> Int {
        let q = 1 - p
        let s = p / q
        let a = (Double(n) + 1) * s
        var r = exp(Double(n) * log1p(-p))
        var u = uniform(using: &generator)
        var x = 0
        // Rounding can leave u above the whole mass; the tail past the last representable term is empty.
        while u > r, x < n, r > 0 {
            u -= r
            x += 1
            r *= a / Double(x) - s
        }
        return x
    }

    /// BTRS for `np >= 10`, `p <= 1/2`: a candidate from the transformed uniform, accepted by the squeeze
    /// or by comparing `log v` with `log f(k) − log f(m)` at the mode `m`.
    @inlinable
    package static func binomialBTRS(count n: Int, probability p: Double, using generator: inout some RandomNumberGenerator) -> Int {
        let nd = Double(n)
        let spq = (nd * p * (1 - p)).squareRoot()
        let b = 1.15 + 2.53 * spq
        let a = -0.0873 + 0.0248 * b + 0.01 * p
        let c = nd * p + 0.5
        let vr = 0.92 - 4.2 / b
        let alpha = (2.83 + 5.1 / b) * spq
        let logOdds = log(p / (1 - p))
        let m = ((nd + 1) * p).rounded(.down)
        let h = logFactorial(m) + logFactorial(nd - m)
        while true {
            let u = uniform(using: &generator) - 0.5
            var v = uniform(using: &generator)
            let us = 0.5 - abs(u)
            let k = ((2 * a / us + b) * u + c).rounded(.down)
            // `Int(exactly:)`: near Int.max, Double(n) rounds up, so k can be one past n.
            guard k >= 0, k <= nd, let count = Int(exactly: k), count <= n else { continue }
            if us >= 0.07, v <= vr { return count }
            v = log(v * alpha / (a / (us * us) + b))
            if v <= h - logFactorial(k) - logFactorial(nd - k) + (k - m) * logOdds { return count }
        }
    }
}

extension RandomVariates {
    /// A multinomial variate over categories whose probabilities are proportional to whole-number
    /// sizes: the counts of `count` draws with replacement from a pool holding `sizes[i]` items of
    /// category i (a bootstrap resample's counts per row or per cell).
    ///
    /// Drawn category by category in order, each a binomial of the draws still to place with probability
    /// `sizes[i] / (sizes[i] + sizes[i+1] + ...)` (``binomial(count:probability:using:)``), so a prefix of
    /// the categories can be drawn alone with the same bits.
    /// - Parameters:
    ///   - count: The number of draws (>= 0).
    ///   - sizes: Category sizes, each >= 0, with a positive sum when `count > 0`.
    ///   - generator: The source of random bits.
    /// - Returns: Counts summing to `count`, zero where a size is zero.
    /// - Throws: ``RandomVariatesError`` for a negative count or size, or draws from an empty pool.
    /// - Complexity: O(k + count) expected for k categories, and O(k) when every `count · pᵢ >= 10`.
    public static func multinomial(
        count: Int, sizes: [Int], using generator: inout some RandomNumberGenerator
    ) throws(RandomVariatesError) -> [Int] {
        guard count >= 0 else {
            throw RandomVariatesError(distribution: "multinomial", parameter: "count", value: Double(count), requirement: "a whole number >= 0")
        }
        var pool = 0
        for size in sizes {
            guard size >= 0 else {
                throw RandomVariatesError(distribution: "multinomial", parameter: "sizes", value: Double(size), requirement: "whole numbers >= 0")
            }
            let (sum, overflow) = pool.addingReportingOverflow(size)
            guard !overflow else {
                throw RandomVariatesError(distribution: "multinomial", parameter: "sizes", value: Double(size), requirement: "a sum below 2^63")
            }
            pool = sum
        }
        guard pool > 0 || count == 0 else {
            throw RandomVariatesError(distribution: "multinomial", parameter: "sizes", value: 0, requirement: "a positive sum")
        }
        var left = count
        var counts = [Int](repeating: 0, count: sizes.count)
        for (i, size) in sizes.enumerated() {
            counts[i] = multinomialCell(size, pool: &pool, left: left, using: &generator)
            left -= counts[i]
        }
        return counts
    }

    /// One category's count in ``multinomial(count:sizes:using:)``: a binomial of the `left` draws still to
    /// place with probability `size / pool` (nothing drawn when `size` or `left` is 0); the category then
    /// leaves the pool. Calling it category by category draws the multinomial's counts with its bits, so
    /// a caller can stop after a prefix (the bootstrap median stops at the median).
    /// - Precondition: `0 <= size <= pool`, `left >= 0`.
    @inlinable
    package static func multinomialCell(
        _ size: Int, pool: inout Int, left: Int, using generator: inout some RandomNumberGenerator
    ) -> Int {
        guard size > 0 else { return 0 }
        let drawn = left > 0 ? binomialChecked(count: left, probability: Double(size) / Double(pool), using: &generator) : 0
        pool -= size
        return drawn
    }
}
