import NumericCore

/// Result of a (stratified) log-rank test, the numbers R's `survdiff(rho = 0)` reports.
public struct LogRankTestResult: Sendable, Equatable {
    /// The chi-squared statistic `(O-E)' V⁻ (O-E)`.
    public let statistic: Double
    /// Degrees of freedom: groups with expected > 0, minus 1 (R's `survdiff`), or the rank of the
    /// variance when that submatrix is singular (where R stops with an error).
    public let degreesOfFreedom: Int
    /// Upper-tail chi-squared p-value (1 when `degreesOfFreedom` is 0).
    public let pValue: Double
    /// Observed events per group, summed over strata.
    public let observed: [Double]
    /// Expected events per group under the null, summed over strata.
    public let expected: [Double]
    /// Variance matrix of O - E (groupCount × groupCount), summed over strata (R's `$var`).
    public let variance: Matrix
    /// Number of observations per group.
    public let groupSizes: [Int]
    /// Observed events per stratum (outer) and group (inner); one stratum when unstratified.
    public let observedByStratum: [[Double]]
    /// Expected events per stratum (outer) and group (inner).
    public let expectedByStratum: [[Double]]

    /// Number of groups compared (including empty ones).
    public var groupCount: Int { observed.count }
    /// Number of strata.
    public var strataCount: Int { observedByStratum.count }
}
