import NumericCore

/// Every pair of groups compared with the summary's test, with raw and adjusted p-values, as
/// `survminer::pairwise_survdiff` (a test on the rows of the two groups only, stratified when the summary
/// is, and R's `p.adjust` over all pairs).
public struct SurvivalSummaryPairwise: Sendable {
    /// One pair.
    public struct Comparison: Sendable {
        /// The first group (earlier in group order).
        public let first: [ByLevel]
        /// The second group.
        public let second: [ByLevel]
        /// The test statistic (chi-squared on 1 df, or max |Z| for MaxCombo); NaN when undefined.
        public let statistic: Double
        /// The raw p-value; NaN when the pair has no test (no events), and then not counted in the adjustment.
        public let pValue: Double
        /// The adjusted p-value.
        public let adjustedPValue: Double
    }

    /// The test of every pair.
    public let method: SurvivalSummaryTestMethod
    /// The adjustment.
    public let adjustment: PValueAdjustment
    /// The strata column, if the tests are stratified.
    public let strata: String?
    /// The pairs, in the order (1, 2), (1, 3), (2, 3), ... of the groups.
    public let comparisons: [Comparison]
}
