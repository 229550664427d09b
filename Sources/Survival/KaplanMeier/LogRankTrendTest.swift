import NumericCore

/// The log-rank test for trend across ordered groups (e.g. dose levels), 1 degree of freedom.
///
/// With scores `w` (default `1, 2, ..., k`), O, E and V from the (stratified) log-rank test
/// (`LogRankTest`, R's `survdiff`): `U = Σ_k w_k (O_k - E_k)`, `Var(U) = w' V w`, `χ² = U² / Var(U)` on
/// 1 df. Stratified: O, E and V are sums over strata, as in `survdiff(... + strata(s))`.
public struct LogRankTrendTest: Sendable, Equatable {
    /// One score per group, in group-code order; empty means `1, 2, ..., groupCount`.
    public var scores: [Double]
    /// Merge near-tied times with R's `aeqSurv` rule first (default true).
    public var timeFix = true

    /// Creates the test.
    /// - Parameters:
    ///   - scores: one finite score per group (empty = `1...groupCount`).
    ///   - timeFix: apply R's near-tie rule first (default `true`).
    public init(scores: [Double] = [], timeFix: Bool = true) {
        self.scores = scores
        self.timeFix = timeFix
    }

    /// Runs the trend test on raw data.
    ///
    /// - Parameters: as `LogRankTest.test(time:event:group:groupCount:strata:)`.
    /// - Returns: U, Var(U), χ² = U²/Var(U), df 1 and the p-value.
    /// - Throws: everything `LogRankTest` throws, `.invalidArgument` for a wrong number of scores or a
    ///   non-finite score, `.undefinedStatistic` when `Var(U)` is not positive (e.g. equal scores).
    /// - Complexity: as `LogRankTest`.
    public func test(time: [Double], event: [Bool], group: [Int], groupCount: Int,
                     strata: [Int]? = nil) throws(StatModelError) -> TrendTestResult {
        let logRank = try LogRankTest(timeFix: timeFix).test(
            time: time, event: event, group: group, groupCount: groupCount, strata: strata)
        return try test(logRank)
    }

    /// Computes the trend test from an existing log-rank result (same O, E and V).
    ///
    /// - Parameter logRank: the (stratified) log-rank result for the same groups.
    /// - Returns: the trend test.
    /// - Throws: `.invalidArgument` for a wrong number of scores or a non-finite score,
    ///   `.undefinedStatistic` when `Var(U)` is not positive.
    /// - Complexity: O(k²).
    public func test(_ logRank: LogRankTestResult) throws(StatModelError) -> TrendTestResult {
        let context = "LogRankTrendTest.test"
        let k = logRank.groupCount
        guard logRank.expected.count == k, logRank.variance.rows == k, logRank.variance.columns == k else {
            throw .invalidArgument(
                context: context,
                message: "the log-rank result is inconsistent: \(k) observed, \(logRank.expected.count) expected, "
                    + "variance \(logRank.variance.rows)×\(logRank.variance.columns).")
        }
        let w = scores.isEmpty ? (0..<k).map { Double($0 + 1) } : scores
        guard w.count == k else {
            throw .invalidArgument(context: context,
                                   message: "\(w.count) scores given for \(k) groups; pass one score per group.")
        }
        for (index, value) in w.enumerated() where !value.isFinite {
            throw .invalidArgument(context: context, message: "score \(index) is not finite (\(value)).")
        }
        var u = 0.0
        for g in 0..<k { u += w[g] * (logRank.observed[g] - logRank.expected[g]) }
        var v = 0.0
        var magnitude = 0.0     // Σ |w_a V_ab w_b|: a zero variance shows up as rounding noise below it
        for a in 0..<k {
            var row = 0.0
            for b in 0..<k {
                row += logRank.variance[a, b] * w[b]
                magnitude += abs(w[a] * logRank.variance[a, b] * w[b])
            }
            v += w[a] * row
        }
        guard v.isFinite, v > 1e-10 * magnitude, v > 0 else {
            throw .undefinedStatistic(
                context: context,
                message: "the variance of the trend score is \(v) (scores equal across the groups at risk, "
                    + "or no group differences possible); use distinct scores for groups with events.")
        }
        let statistic = u * u / v
        return TrendTestResult(
            statistic: statistic, degreesOfFreedom: 1,
            pValue: ChiSquared(degreesOfFreedom: 1).survival(statistic), score: u, variance: v,
            scores: w, observed: logRank.observed, expected: logRank.expected)
    }
}
