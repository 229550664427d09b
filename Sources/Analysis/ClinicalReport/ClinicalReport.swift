import Reporting
import Survival

/// Everything a clinical reviewer's report of relief duration shows, already computed: the input and
/// its provenance, the baseline table, Kaplan–Meier summaries per comparison (dose group, frequency
/// band), the adjusted regression, the dose-response curve, the relief-coverage table, the conventions
/// used and every warning.
///
/// The value is filled by the caller (the `relief report` command fits the models); renderers such as
/// ``ClinicalReportHTMLRenderer`` and ``ClinicalReportMarkdownRenderer`` only lay it out.
public struct ClinicalReport: Sendable {
    /// One comparison of relief curves: the groups of one column and their summary.
    public struct Comparison: Sendable {
        /// The column compared, as in the CSV header (e.g. `dose_group`).
        public var column: String
        /// The reader's name of the comparison (e.g. "Dose group", "Treatment frequency").
        public var title: String
        /// How the levels were formed when the column is banded (e.g. "interval_days banded at 7, 28"), else `nil`.
        public var banding: String?
        /// The Kaplan–Meier summary by the column's levels, with the log-rank and trend tests.
        public var summary: SurvivalSummaryResult
    }

    /// The report title.
    public var title: String
    /// The input file record: rows read, used and excluded with reasons.
    public var input: ReportInput
    /// The command, version, date and options that change numbers.
    public var provenance: Provenance
    /// The number of distinct patients among the used rows, when a patient column was read.
    public var patients: Int?
    /// The baseline characteristics by dose group.
    public var baseline: ReportAvailability<BaselineTable>
    /// The Kaplan–Meier comparisons, in report order.
    public var comparisons: [Comparison]
    /// The adjusted regression (time ratios or hazard ratios, robust SEs by patient).
    public var regression: ReportAvailability<RegressionResult>
    /// The dose-response analysis.
    public var doseResponse: ReportAvailability<DoseResponseReport>
    /// The relief-coverage table by dose and interval.
    public var coverage: ReportAvailability<ScheduleReport>
    /// The conventions used, for the methods paragraph.
    public var methods: ClinicalReportMethods
    /// Every warning: input exclusions and each model's warnings.
    public var warnings: [String]
    /// Whether patient identifiers may appear (`--include-ids`); `false` by default.
    public var includesIdentifiers: Bool
    /// Per-patient listing shown only when ``includesIdentifiers`` is `true`.
    public var patientListing: PatientListing?
    /// Header columns the report did not read (named, never their contents).
    public var unusedColumns: [String]
}
