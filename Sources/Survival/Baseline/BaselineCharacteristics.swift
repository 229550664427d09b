import DataIO

/// The baseline-characteristics table of a trial: who was treated, summarised by group ("Table 1").
///
/// Each variable is a covariate column of a ``SurvivalDataset`` (read through `ColumnRoles.covariates`):
/// a numeric column gets n, mean, SD, median, quartiles and range per group; a categorical column gets a
/// count and percentage per level and group. Groups are the levels of one grouping (for example
/// `dose_group`), then "Overall".
///
/// **The unit is the episode (one row per treatment), not the patient.** A patient treated five times
/// contributes five rows to every count, mean and percentage. Distinct patients are counted separately
/// (``BaselineGroup/patients``), so a reader can see both.
///
/// **De-identified by construction.** The table never holds a patient identifier or a free-text cell:
/// - the patient id column (``idColumn``, `patient_id` by default) is always withheld;
/// - a categorical column with more than ``maximumLevels`` distinct values, or more distinct values
///   than half its non-missing rows (whatever their number), is withheld as free text or
///   an identifier, and none of its values is copied into the result;
/// - numeric columns are summarised, never listed value by value.
/// Every withheld column is listed in ``BaselineTable/withheld`` with its reason. Labels that are kept
/// (group levels, category levels) are copied verbatim: escaping them is the renderer's job.
///
/// ```swift
/// let roles = ColumnRoles(by: ["dose_group"], covariates: ["condition", "route", "baseline_pain"])
/// let data = try SurvivalDatasetReader(dialect: CSVDialect(), roles: roles).read(path: "trial.csv")
/// let table = try BaselineCharacteristics(variables: roles.covariates).fit(data, by: data.groupings.first)
/// ```
public struct BaselineCharacteristics: Sendable {
    /// Covariate column names, in display order (a repeated name is shown once, at its first place).
    public var variables: [String]
    /// Categorical columns with more distinct values than this are withheld (free text or identifiers).
    public var maximumLevels: Int = 12
    /// The patient id column (always withheld when listed); `nil` when the dataset has none or when the
    /// caller opts in to identifiers (it is then screened as any other column).
    public var idColumn: String? = ColumnRoles.defaultID

    /// The label of the all-rows group, always the last group of a table.
    public static let overallLabel = "Overall"

    /// Creates a baseline table specification.
    /// - Parameters:
    ///   - variables: Covariate column names, in display order.
    ///   - maximumLevels: Categorical columns with more distinct values are withheld (at least 1).
    ///   - idColumn: The patient id column name (`ColumnRoles.id`), withheld whenever listed.
    public init(variables: [String], maximumLevels: Int = 12, idColumn: String? = ColumnRoles.defaultID) {
        self.variables = variables
        self.maximumLevels = maximumLevels
        self.idColumn = idColumn
    }
}
