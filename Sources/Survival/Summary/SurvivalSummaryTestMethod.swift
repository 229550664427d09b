/// The test `relief summary` runs across groups: a weighted log-rank test (``LogRankWeight``; the
/// log-rank test by default) or MaxCombo (``MaxComboTest``, two groups only).
public enum SurvivalSummaryTestMethod: Sendable, Equatable {
    /// A weighted log-rank test.
    case weighted(LogRankWeight)
    /// The MaxCombo test of FH(0,0), (0,1), (1,0), (1,1).
    case maxCombo

    /// The name reports print: the weight's name, or `MaxCombo`.
    public var name: String {
        switch self {
        case .weighted(let weight): weight.name
        case .maxCombo: "MaxCombo"
        }
    }
}
