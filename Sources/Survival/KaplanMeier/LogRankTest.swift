import NumericCore

/// The log-rank test comparing survival across k >= 2 groups, optionally stratified, as R's
/// `survdiff(Surv(time, event) ~ group [+ strata(s)], rho = 0)`, or a weighted member of its family
/// (``weight``: Peto–Peto is `survdiff(rho = 1)`; Gehan, Tarone–Ware, Fleming–Harrington(ρ, γ)).
///
/// Within each stratum, at each distinct event time with `n` at risk, `d` events, and `n_k` at risk in
/// group k: `E_k += d n_k / n` and `V_jk += d (n - d) / (n (n - 1)) · n_j (δ_jk - n_k / n)` (no variance
/// term when `n = 1`); a weighted test multiplies each time's O and E terms by `w(t)` and its V terms
/// by `w(t)²`, the weight computed within the stratum. O, E and V are summed over strata. The statistic is `(O-E)' V⁻ (O-E)` over the
/// groups with `E > 0` with the first of them dropped (R's `solve` on that submatrix), df = (groups with
/// E > 0) - 1, p from the chi-squared upper tail; when only one group has E > 0 the result is statistic 0,
/// df 0, p 1 (as R). Near-tied times are merged first (`TimeFix`) over all
/// rows, as R does, unless `timeFix` is false.
public struct LogRankTest: Sendable, Equatable {
    /// Merge near-tied times with R's `aeqSurv` rule first (default true, as `survdiff`).
    public var timeFix = true
    /// The weight of each event time (default: the log-rank test).
    public var weight: LogRankWeight = .logRank

    /// Creates the test.
    /// - Parameters:
    ///   - timeFix: apply R's near-tie rule first (default `true`).
    ///   - weight: the weight of each event time (default the log-rank test).
    public init(timeFix: Bool = true, weight: LogRankWeight = .logRank) {
        self.timeFix = timeFix
        self.weight = weight
    }

    /// Runs the (stratified) log-rank test.
    ///
    /// - Parameters:
    ///   - time: finite follow-up times.
    ///   - event: `true` = event, `false` = censored.
    ///   - start: entry times of counting-process rows `(start, stop]` (delayed entry: a row is at risk at
    ///     `t` when `start < t ≤ stop`), or nil for entry at 0.
    ///   - group: group code per row, `0..<groupCount`.
    ///   - groupCount: number of groups (levels; empty levels are allowed and get O = E = 0).
    ///   - strata: optional stratum code per row (any non-negative integers); nil = one stratum.
    /// - Returns: statistic, df, p, (weighted) observed, expected, variance matrix and group sizes.
    /// - Throws: `StatModelError.emptyInput`, `.lengthMismatch`, `.nonFiniteValue`, `.invalidCode`,
    ///   `.tooFewGroups` when fewer than 2 groups have rows, `.undefinedStatistic` when there is no event,
    ///   `.invalidArgument` for a Fleming–Harrington exponent that is negative or not finite.
    /// - Complexity: one sort of the times, then O(n + T k²) for T distinct times per stratum.
    public func test(time: [Double], event: [Bool], start: [Double]? = nil, group: [Int], groupCount: Int,
                     strata: [Int]? = nil) throws(StatModelError) -> LogRankTestResult {
        try Self.check(weight, context: "LogRankTest.test")
        let tables = try LogRankTables(context: "LogRankTest.test", time: time, event: event, start: start, group: group,
                                       groupCount: groupCount, strata: strata, timeFix: timeFix, weights: [weight])
        let k = groupCount
        let included = (0..<k).filter { tables.expected[$0] > 0 }
        var statistic = 0.0
        var degreesOfFreedom = included.count - 1
        if included.count >= 2 {
            let kept = Array(included.dropFirst())
            let m = kept.count
            var sub = Matrix(rows: m, columns: m)
            var deviation = [Double](repeating: 0, count: m)
            for (a, ga) in kept.enumerated() {
                deviation[a] = tables.observed[ga] - tables.expected[ga]
                for (b, gb) in kept.enumerated() { sub[a, b] = tables.variance[ga * k + gb] }
            }
            guard let form = Self.quadraticForm(sub, deviation) else {
                throw .undefinedStatistic(context: "LogRankTest.test",
                                          message: "the variance matrix of O - E could not be decomposed.")
            }
            statistic = form.value
            degreesOfFreedom = form.rank
        }
        let pValue = degreesOfFreedom > 0
            ? ChiSquared(degreesOfFreedom: Double(degreesOfFreedom)).survival(statistic) : 1
        var variance = Matrix(rows: k, columns: k)
        for a in 0..<k { for b in 0..<k { variance[a, b] = tables.variance[a * k + b] } }
        return LogRankTestResult(
            statistic: statistic, degreesOfFreedom: Swift.max(degreesOfFreedom, 0), pValue: pValue,
            observed: tables.observed, expected: tables.expected, variance: variance,
            groupSizes: tables.groupSizes, observedByStratum: tables.observedByStratum,
            expectedByStratum: tables.expectedByStratum)
    }

    /// Refuses Fleming–Harrington exponents that are negative or not finite.
    static func check(_ weight: LogRankWeight, context: String) throws(StatModelError) {
        guard case let .flemingHarrington(rho, gamma) = weight else { return }
        guard rho.isFinite, gamma.isFinite, rho >= 0, gamma >= 0 else {
            throw .invalidArgument(
                context: context,
                message: "Fleming-Harrington exponents must be finite and >= 0, got rho = \(rho), gamma = \(gamma).")
        }
    }

    /// `z' A⁻¹ z` through a Cholesky solve, as R's `solve`; when `A` is singular (R stops there) a
    /// generalised inverse from the symmetric eigendecomposition is used and its rank reported.
    package static func quadraticForm(_ a: Matrix, _ z: [Double]) -> (value: Double, rank: Int)? {
        if let factor = try? Cholesky(a), let solved = try? factor.solve(z) {
            var value = 0.0
            for i in z.indices { value += solved[i] * z[i] }
            return (value, z.count)
        }
        if let inverse = try? SymmetricGeneralizedInverse(a), let value = try? inverse.quadraticForm(z) {
            return (value, inverse.rank)
        }
        return nil
    }
}
