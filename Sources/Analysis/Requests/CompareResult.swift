import Survival

/// What `relief compare` computes: the Kaplan–Meier contrasts of every group with the reference and the
/// Cox hazard ratio of each against it.
public struct CompareResult: Sendable {
    /// The grouping column.
    public var column: String
    /// The curves' contrasts (RMST difference and ratio, survival differences, median difference).
    public var comparison: KaplanMeierComparisonResult
    /// Per contrast (same order), the Cox hazard ratio against the reference (`coxph(Surv ~ group)`,
    /// Efron ties, model-based SE; `standardError` is that of the log hazard ratio).
    public var hazardRatios: [Contrast]
    /// The covariate-adjusted curves and differences (`--adjust`), or nil.
    public var adjusted: AdjustedComparison? = nil
}
