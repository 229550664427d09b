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

        /// Creates a comparison.
        /// - Parameters:
        ///   - column: The column compared.
        ///   - title: The reader's name of the comparison.
        ///   - banding: How a numeric column was banded, or `nil`.
        ///   - summary: The summary by the column's levels.
        public init(column: String, title: String, banding: String? = nil, summary: SurvivalSummaryResult) {
            self.column = column
            self.title = title
            self.banding = banding
            self.summary = summary
        }
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

    /// Creates a report.
    /// - Parameters:
    ///   - title: The title.
    ///   - input: The input record.
    ///   - provenance: The provenance.
    ///   - patients: The number of patients, if known.
    ///   - baseline: The baseline table.
    ///   - comparisons: The Kaplan–Meier comparisons.
    ///   - regression: The adjusted regression.
    ///   - doseResponse: The dose-response analysis.
    ///   - coverage: The relief-coverage table.
    ///   - methods: The conventions used.
    ///   - warnings: Every warning.
    ///   - includesIdentifiers: Whether identifiers may appear.
    ///   - patientListing: The per-patient listing (with identifiers), if requested.
    ///   - unusedColumns: Header columns the report did not read.
    public init(
        title: String, input: ReportInput, provenance: Provenance, patients: Int?,
        baseline: ReportAvailability<BaselineTable>, comparisons: [Comparison],
        regression: ReportAvailability<RegressionResult>, doseResponse: ReportAvailability<DoseResponseReport>,
        coverage: ReportAvailability<ScheduleReport>, methods: ClinicalReportMethods, warnings: [String],
        includesIdentifiers: Bool = false, patientListing: PatientListing? = nil,
        unusedColumns: [String] = []
    ) {
        self.title = title
        self.input = input
        self.provenance = provenance
        self.patients = patients
        self.baseline = baseline
        self.comparisons = comparisons
        self.regression = regression
        self.doseResponse = doseResponse
        self.coverage = coverage
        self.methods = methods
        self.warnings = warnings
        self.includesIdentifiers = includesIdentifiers
        self.patientListing = patientListing
        self.unusedColumns = unusedColumns
    }
}
