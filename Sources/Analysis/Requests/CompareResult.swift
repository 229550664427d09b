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
    /// The stratification column (`--strata`), or nil: the contrasts are then stratum-weighted averages
    /// (``KaplanMeierComparisonResult/strata``) and the hazard ratio has a baseline per stratum.
    public var strataColumn: String? = nil
    /// The covariate-adjusted curves and differences (`--adjust`), or nil.
    public var adjusted: AdjustedComparison? = nil
}
