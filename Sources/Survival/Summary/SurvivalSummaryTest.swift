/// A hypothesis test reported by ``SurvivalSummary``: a log-rank test (possibly stratified) across
/// the levels of one `by` column or across the crossed groups, or the test for trend.
public struct SurvivalSummaryTest: Sendable {
    /// Which test.
    public enum Kind: String, Sendable, Equatable, CaseIterable {
        /// `survdiff(Surv ~ g)`, rho = 0.
        case logRank = "log-rank"
        /// `survdiff(Surv ~ g + strata(s))`.
        case stratifiedLogRank = "stratified log-rank"
        /// The 1-df test for trend across ordered levels with scores.
        case trend = "trend"
        /// The test for trend within strata.
        case stratifiedTrend = "stratified trend"
    }

    /// One compared group with its observed and expected events.
    public struct Group: Sendable, Equatable {
        /// The group's levels in the tested columns.
        public let by: [ByLevel]
        /// The number of rows.
        public let n: Int
        /// Observed events.
        public let observed: Double
        /// Expected events under the null hypothesis.
        public let expected: Double
    }

    /// Which test.
    public let kind: Kind
    /// The tested columns: one for a per-column test, all `by` columns for the crossed test.
    public let by: [String]
    /// The strata column, if the test is stratified.
    public let strata: String?
    /// The chi-squared statistic (max |Z| for MaxCombo).
    public let statistic: Double
    /// Its degrees of freedom (NaN for MaxCombo).
    public let degreesOfFreedom: Double
    /// The upper-tail p-value.
    public let pValue: Double
    /// The compared groups with observed and expected events.
    public let groups: [Group]
    /// The level scores of a trend test, else `nil`.
    public let scores: [Double]?
    /// The test across the groups (the weight of the log-rank family, or MaxCombo).
    public let method: SurvivalSummaryTestMethod
    /// MaxCombo's four components (Fleming–Harrington weight and Z), else `nil`.
    public let components: [MaxComboTestResult.Component]?

    /// The test's name as reports print it: `log-rank`, `stratified log-rank`, `trend`, and for another
    /// method its name in place of `log-rank` (`stratified Peto-Peto`, `MaxCombo`, `trend (Gehan)`).
    public var name: String {
        guard method != .weighted(.logRank) else { return kind.rawValue }
        switch kind {
        case .logRank: return method.name
        case .stratifiedLogRank: return "stratified " + method.name
        case .trend, .stratifiedTrend: return kind.rawValue + " (" + method.name + ")"
        }
    }

    /// Creates a test record.
    /// - Parameters:
    ///   - kind: Which test.
    ///   - by: The tested columns.
    ///   - strata: The strata column.
    ///   - statistic: The chi-squared statistic.
    ///   - degreesOfFreedom: Its degrees of freedom.
    ///   - pValue: The p-value.
    ///   - groups: The groups with observed and expected events.
    ///   - scores: The trend scores.
    ///   - method: The test across the groups (default the log-rank test).
    ///   - components: MaxCombo's components.
    public init(
        kind: Kind, by: [String], strata: String?, statistic: Double, degreesOfFreedom: Double,
        pValue: Double, groups: [Group], scores: [Double]? = nil, method: SurvivalSummaryTestMethod = .weighted(.logRank),
        components: [MaxComboTestResult.Component]? = nil
    ) {
        self.kind = kind
        self.by = by
        self.strata = strata
        self.statistic = statistic
        self.degreesOfFreedom = degreesOfFreedom
        self.pValue = pValue
        self.groups = groups
        self.scores = scores
        self.method = method
        self.components = components
    }
}
