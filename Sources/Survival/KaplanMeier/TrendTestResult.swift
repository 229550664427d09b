/// Result of the log-rank test for trend across ordered groups (1 degree of freedom).
public struct TrendTestResult: Sendable, Equatable {
    /// `U² / V`.
    public let statistic: Double
    /// Always 1.
    public let degreesOfFreedom: Int
    /// Upper-tail chi-squared(1) p-value.
    public let pValue: Double
    /// `U = Σ_k w_k (O_k - E_k)`; positive when higher-scored groups have more events than expected.
    public let score: Double
    /// `V = w' Var(O - E) w`.
    public let variance: Double
    /// The scores `w` used, one per group.
    public let scores: [Double]
    /// Observed events per group (summed over strata).
    public let observed: [Double]
    /// Expected events per group (summed over strata).
    public let expected: [Double]

    /// `U / sqrt(V)`, the signed standard-normal form of the statistic.
    public var zScore: Double { score / variance.squareRoot() }
}
