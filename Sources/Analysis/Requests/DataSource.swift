import DataIO
import Reporting

/// Where a job's data come from: the CSV file, how to read it and which columns play which role.
///
/// ```swift
/// var roles = ColumnRoles()
/// roles.by = ["dose_group"]
/// let source = DataSource(path: "data/ketamine_trial.csv", roles: roles)
/// let dataset = try source.read()
/// ```
public struct DataSource: Sendable {
    /// The CSV file.
    public var path: String
    /// How to read it (delimiter, decimal comma, missing tokens).
    public var dialect: CSVDialect
    /// The column roles (time, event, patient, groups, strata, covariates, ...).
    public var roles: ColumnRoles
    /// The unit of the time columns and the outcome's word, used in every output (days and "relief"
    /// unless set); the unit also chooses the default landmark times (``LandmarkTimes``).
    public var wording = OutcomeWording()

    /// Creates a data source.
    /// - Parameters:
    ///   - path: The CSV file.
    ///   - dialect: How to read it; by default comma-separated with the missing tokens `NA`, `` and `.`.
    ///   - roles: The column roles.
    ///   - wording: The unit of the time columns and the outcome's word (days and "relief" unless given).
    public init(
        path: String, dialect: CSVDialect = CSVDialect(delimiter: .comma), roles: ColumnRoles = ColumnRoles(),
        wording: OutcomeWording = OutcomeWording()
    ) {
        self.path = path
        self.dialect = dialect
        self.roles = roles
        self.wording = wording
    }

    /// The file's column names, read without reading the rows.
    /// - Throws: `DataError` when the file cannot be read.
    public func header() throws(DataError) -> [String] {
        try SurvivalDatasetReader(dialect: dialect, roles: ColumnRoles()).header(path: path)
    }

    /// Reads the data set with ``roles``, plus `covariates` as further columns to read.
    /// - Parameters:
    ///   - covariates: Columns a model reads besides time and event (added to the roles' own).
    ///   - readsOutcome: Whether to read the time and event columns (``ColumnRoles/readsOutcome``).
    ///   - readsPatients: Whether to code the patient ids (``ColumnRoles/readsPatients``).
    /// - Returns: The data set with its exclusions.
    /// - Throws: `DataError`.
    /// - Complexity: O(bytes) to parse, O(n log n) to code text columns.
    public func read(covariates: [String] = [], readsOutcome: Bool = true, readsPatients: Bool = true) throws(DataError) -> SurvivalDataset {
        var roles = self.roles
        roles.readsOutcome = roles.readsOutcome && readsOutcome
        roles.readsPatients = roles.readsPatients && readsPatients
        for column in covariates where !roles.covariates.contains(column) { roles.covariates.append(column) }
        return try SurvivalDatasetReader(dialect: dialect, roles: roles).read(path: path)
    }
}
