import DataIO

/// `relief episodes`: relief episodes from an infusion log, one per infusion, as a CSV file that the
/// other jobs read (`relief_days`, `relief_ended`).
///
/// Unlike the ``AnalysisRequest`` jobs, which read a survival data set and render a result document, this
/// job makes a data file: as ``Simulation/SimulatedTrial`` does, its result gives the file's bytes
/// (``EpisodesResult/csvBytes()``) and writes them atomically, never over the input
/// (``EpisodesResult/write(to:)``). Reading streams the log (``DataIO/InfusionLogReader``); the rules of
/// the episodes are ``DataIO/EpisodeBuilder``'s.
///
/// ```swift
/// let request = EpisodesRequest(path: "data/infusion_log.csv")
/// let result = try request.run()
/// try result.write(to: "episodes.csv")
/// let first = result.table.episode(at: 0)      // patient, infusion number, relief days, ...
/// ```
public struct EpisodesRequest: Sendable {
    /// The infusion log (CSV, one row per infusion).
    public var path: String
    /// How it is written (delimiter, missing tokens, lines to skip).
    public var dialect: CSVDialect
    /// The role columns, the date format and whether invalid rows are excluded.
    public var roles: InfusionLogRoles

    /// Creates the request.
    /// - Parameters:
    ///   - path: The infusion log.
    ///   - dialect: How it is written; comma-separated with the missing tokens `NA`, `` and `.` by default.
    ///   - roles: The role columns, date format and `skipInvalid`.
    public init(path: String, dialect: CSVDialect = CSVDialect(delimiter: .comma), roles: InfusionLogRoles = InfusionLogRoles()) {
        self.path = path
        self.dialect = dialect
        self.roles = roles
    }

    /// Reads the log and builds the episodes.
    /// - Returns: The episodes and the warnings about the input.
    /// - Throws: `DataError` (usage, bad data, missing input), as ``DataIO/InfusionLogReader/read(path:)`` and
    ///   ``DataIO/EpisodeBuilder/build(_:)``.
    /// - Complexity: O(bytes) to read, O(n log n) to order each patient's infusions; memory O(n).
    public func run() throws(DataError) -> EpisodesResult {
        let log = try InfusionLogReader(dialect: dialect, roles: roles).read(path: path)
        return EpisodesResult(request: self, table: try EpisodeBuilder().build(log))
    }
}
