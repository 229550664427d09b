import DoseResponse

/// What `relief dose-response` reports: the stage-1 points (per dose level, a summary of relief with its
/// covariance; absent when a raw response column was fitted) and the stage-2 dose-model fits
/// (``DoseResponseResult``), all computed in StatModels.
public struct DoseResponseReport: Sendable {
    /// The dose column.
    public var doseColumn: String
    /// What the response is, e.g. `KM median relief (days)` or the `--response` column.
    public var responseLabel: String
    /// The stage-1 summary name (`median`, `rmst`, `cox`), or `nil` for a raw response column.
    public var summaryName: String?
    /// The rounding step applied to the doses before stage 1, if any.
    public var doseStep: Double?
    /// The stage-1 points, `nil` for a raw response.
    public var points: DoseResponsePoints?
    /// The stage-2 fits.
    public var result: DoseResponseResult
}
