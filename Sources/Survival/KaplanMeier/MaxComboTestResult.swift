import NumericCore

/// The result of ``MaxComboTest``.
public struct MaxComboTestResult: Sendable, Equatable {
    /// One Fleming–Harrington component.
    public struct Component: Sendable, Equatable {
        /// Its weight.
        public let weight: LogRankWeight
        /// Its standardised statistic `U / √V` (of the first group).
        public let z: Double
    }

    /// The largest absolute component, `max |Zⱼ|`.
    public let statistic: Double
    /// The two-sided p-value `1 − P(|Zⱼ| ≤ statistic for all j)`.
    public let pValue: Double
    /// The four components, FH(0,0), (0,1), (1,0), (1,1).
    public let components: [Component]
    /// The 4 × 4 correlation of the components.
    public let correlation: Matrix
    /// Observed events per group (unweighted, the log-rank component).
    public let observed: [Double]
    /// Expected events per group (the log-rank component).
    public let expected: [Double]
    /// Rows per group.
    public let groupSizes: [Int]
}
