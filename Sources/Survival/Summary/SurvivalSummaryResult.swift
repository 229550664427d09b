/// What `relief summary` computes: per group Kaplan–Meier numbers, the tests, an optional table of
/// medians, and warnings. A value; rendering is done elsewhere and never recomputes anything.
public struct SurvivalSummaryResult: Sendable {
    /// The `by` columns, in order (empty: one group of all rows).
    public let byColumns: [String]
    /// The strata column of the stratified tests, if any.
    public let strataColumn: String?
    /// The CI transform of every interval.
    public let confidenceTransform: KaplanMeier.ConfidenceTransform
    /// The confidence level, e.g. 0.95.
    public let confidenceLevel: Double
    /// The quantile probabilities reported per group (default 0.25, 0.5, 0.75).
    public let quantileProbabilities: [Double]
    /// The times at which survival is reported.
    public let times: [Double]
    /// The common truncation time of the restricted means.
    public let tau: Double
    /// How `tau` was chosen.
    public let tauRule: RestrictedMeanTauRule
    /// The groups: the non-empty cells of the cross of the `by` columns, first column varying slowest.
    public let groups: [SurvivalSummaryGroup]
    /// The tests, in order: per `by` column its log-rank then its trend test, then the crossed log-rank.
    public let tests: [SurvivalSummaryTest]
    /// Medians by the first two `by` columns, present when there are exactly two.
    public let medianTable: MedianTable?
    /// Every pair of groups with raw and adjusted p-values, when asked for.
    public let pairwise: SurvivalSummaryPairwise?
    /// Things the reader should know (no events in a group, medians not reached, the tau rule, ...).
    public let warnings: [String]

    /// Creates a result (normally done by ``SurvivalSummary``).
    /// - Parameters:
    ///   - byColumns: The by columns.
    ///   - strataColumn: The strata column.
    ///   - confidenceTransform: The CI transform.
    ///   - confidenceLevel: The confidence level.
    ///   - quantileProbabilities: The quantile probabilities.
    ///   - times: The report times.
    ///   - tau: The RMST truncation time.
    ///   - tauRule: How tau was chosen.
    ///   - groups: The groups.
    ///   - tests: The tests.
    ///   - medianTable: The table of medians.
    ///   - warnings: The warnings.
    ///   - pairwise: The pairwise comparisons.
    public init(
        byColumns: [String], strataColumn: String?, confidenceTransform: KaplanMeier.ConfidenceTransform,
        confidenceLevel: Double, quantileProbabilities: [Double], times: [Double], tau: Double,
        tauRule: RestrictedMeanTauRule, groups: [SurvivalSummaryGroup], tests: [SurvivalSummaryTest],
        medianTable: MedianTable?, warnings: [String], pairwise: SurvivalSummaryPairwise? = nil
    ) {
        self.byColumns = byColumns
        self.strataColumn = strataColumn
        self.confidenceTransform = confidenceTransform
        self.confidenceLevel = confidenceLevel
        self.quantileProbabilities = quantileProbabilities
        self.times = times
        self.tau = tau
        self.tauRule = tauRule
        self.groups = groups
        self.tests = tests
        self.medianTable = medianTable
        self.warnings = warnings
        self.pairwise = pairwise
    }
}
