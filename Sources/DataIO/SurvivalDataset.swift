/// Survival data read from a file: times, events, groupings of the used rows, and every excluded row.
public struct SurvivalDataset: Sendable {
    /// Where the data came from.
    public let source: SourceInfo
    /// Times of the used rows (finite, >= 0); empty when the outcome was not read
    /// (``ColumnRoles/readsOutcome``).
    public let time: [Double]
    /// Events of the used rows (`true` = relief ended, `false` = censored); empty when the outcome was not
    /// read.
    public let event: [Bool]
    /// Entry times of `(start, stop]` rows (``ColumnRoles/start``), `start < time`; `nil` for plain
    /// durations (every row at risk from 0).
    public let start: [Double]?
    /// One grouping per `roles.by`, same order.
    public let groupings: [Grouping]
    /// The stratification grouping, if `roles.strata` was set.
    public let strata: Grouping?
    /// Every row not used, in line order, with line, column and reason.
    public let exclusions: [Exclusion]
    /// The number of distinct non-missing patient ids among the used rows; `nil` without an id column.
    public let patients: Int?
    /// Per used row, a patient index (in order of first appearance; -1 = missing id); `nil` without an id column.
    public let patientCodes: [Int]?
    /// One column per distinct name in `roles.covariates`, in that order, with the row order of ``time``.
    public let covariates: [CovariateColumn]
    /// Per used row, the 1-based physical line where its record starts; empty when not known (a
    /// dataset built in code).
    public let rowLines: RowLines

    /// The number of rows used.
    public var rowsUsed: Int { rowLines.isEmpty ? time.count : rowLines.count }
    /// The number of rows excluded.
    public var rowsExcluded: Int { exclusions.count }

    /// Creates a dataset (used by the reader and by tests).
    /// - Parameters:
    ///   - source: Provenance.
    ///   - time: Times of the used rows.
    ///   - event: Events of the used rows.
    ///   - start: Entry times of `(start, stop]` rows, or nil.
    ///   - groupings: One grouping per `by` column.
    ///   - strata: The stratification grouping.
    ///   - exclusions: Excluded rows.
    ///   - patients: Distinct patient count.
    ///   - patientCodes: Per-row patient index.
    ///   - covariates: Covariate columns, one value per used row.
    ///   - rowLines: Per used row, its physical line (or empty).
    init(
        source: SourceInfo, time: [Double], event: [Bool], start: [Double]? = nil, groupings: [Grouping] = [],
        strata: Grouping? = nil, exclusions: [Exclusion] = [], patients: Int? = nil, patientCodes: [Int]? = nil,
        covariates: [CovariateColumn] = [], rowLines: [Int] = []
    ) {
        self.source = source
        self.time = time
        self.event = event
        self.start = start
        self.groupings = groupings
        self.strata = strata
        self.exclusions = exclusions
        self.patients = patients
        self.patientCodes = patientCodes
        self.covariates = covariates
        self.rowLines = RowLines(rowLines)
    }

    /// The covariate column called `name`, if it was read.
    /// - Parameter name: The column name.
    /// - Returns: The column, or `nil`.
    /// - Complexity: O(covariates).
    public func covariate(named name: String) -> CovariateColumn? {
        covariates.first { $0.name == name }
    }
}
