import Survival

/// What `relief curves --estimator nelson-aalen` computes: the groups (as the Kaplan–Meier summary
/// defines them) and one ``Survival/NelsonAalenFit`` per group, in the same order.
public struct CumulativeHazardResult: Sendable {
    /// The summary whose groups (levels, counts, CI settings) the fits belong to.
    public let summary: SurvivalSummaryResult
    /// One Nelson–Aalen fit per group of ``summary``.
    public let fits: [NelsonAalenFit]
}
