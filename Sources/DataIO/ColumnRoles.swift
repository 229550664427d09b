/// Which columns play which role in a survival dataset, and how to interpret them.
public struct ColumnRoles: Sendable, Equatable {
    /// The time column (non-negative, finite numbers).
    public var time = "relief_days"
    /// The event column (1 = relief ended, 0 = censored, or ``eventCodes``).
    public var event = "relief_ended"
    /// The entry-time column of counting-process data `(start, stop]` (R's `Surv(start, stop, event)`),
    /// or `nil` for plain durations: ``time`` is then the stop time, and a row is at risk at `t` when
    /// `start < t ≤ stop` (delayed entry, time-varying covariates as split rows).
    public var start: String? = nil
    /// The patient id column; when it is the default `patient_id` and absent, that is fine.
    public var id: String? = "patient_id"
    /// Grouping columns, in order.
    public var by: [String] = []
    /// An optional stratification column.
    public var strata: String? = nil
    /// Cut points per numeric column, e.g. `["interval_days": [7, 28]]` (strictly increasing).
    public var bands: [String: [Double]] = [:]
    /// Explicit level order per grouping column (must list exactly the levels present).
    public var levelOrder: [String: [String]] = [:]
    /// Explicit event token mapping; `nil` means only `1`/`0` (and `1.0`/`0.0`) are accepted.
    public var eventCodes: EventCodes? = nil
    /// Exclude invalid rows (listing each) instead of failing.
    public var skipInvalid = false
    /// Columns a model uses besides time and event (read as ``CovariateColumn``s, numeric or
    /// categorical); a missing value in any of them excludes the row. A column may also be a by,
    /// strata or id column. Repeated names are read once.
    public var covariates: [String] = []
    /// Covariates read for description only (baseline tables): a missing value in one of these keeps
    /// the row and is stored as NaN (numeric) or code -1 (categorical). Never use such a column in a
    /// model design; names not in ``covariates`` are ignored.
    public var descriptiveColumns: Set<String> = []
    /// Whether the time and event columns are read. `false` for analyses without a survival outcome
    /// (a continuous response, e.g. `relief dose-response --response`): the file then needs neither
    /// column, and the dataset's `time` and `event` are empty.
    public var readsOutcome = true
    /// Whether the patient-id column is coded into ``SurvivalDataset/patients`` and
    /// ``SurvivalDataset/patientCodes``. With `false` the column is still looked up in the header (an
    /// `id` that names no column is an error) but not read, and both are `nil`; rows with entry times
    /// (``start``) read it anyway, for the check that a patient's intervals do not overlap.
    public var readsPatients = true

    /// The column whose name marks the header line: the time column, or the first covariate when the
    /// outcome is not read.
    var headerAnchor: String { readsOutcome ? time : (covariates.first ?? time) }

    /// The default id column name.
    public static let defaultID = "patient_id"

    /// Creates roles; every parameter has the documented default.
    /// - Parameters:
    ///   - time: The time column (the stop time with `start`).
    ///   - start: The entry-time column of `(start, stop]` rows, or nil.
    ///   - event: The event column.
    ///   - id: The patient id column.
    ///   - by: Grouping columns.
    ///   - strata: The stratification column.
    ///   - bands: Cut points per numeric column.
    ///   - levelOrder: Explicit level order per grouping column.
    ///   - eventCodes: Explicit event token mapping.
    ///   - skipInvalid: Exclude invalid rows instead of failing.
    ///   - covariates: Columns a model uses besides time and event.
    public init(
        time: String = "relief_days", start: String? = nil, event: String = "relief_ended", id: String? = "patient_id",
        by: [String] = [], strata: String? = nil, bands: [String: [Double]] = [:],
        levelOrder: [String: [String]] = [:], eventCodes: EventCodes? = nil, skipInvalid: Bool = false,
        covariates: [String] = []
    ) {
        self.time = time
        self.start = start
        self.event = event
        self.id = id
        self.by = by
        self.strata = strata
        self.bands = bands
        self.levelOrder = levelOrder
        self.eventCodes = eventCodes
        self.skipInvalid = skipInvalid
        self.covariates = covariates
    }
}
