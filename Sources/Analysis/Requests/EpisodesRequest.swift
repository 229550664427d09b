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
    /// K for the marginal (Wei–Lin–Weissfeld) layout (``DataIO/MarginalEventTable``): the file then has one
    /// row per patient and event number 1...K instead of one per episode; `nil` for the episodes.
    public var marginalEvents: Int?

    /// Creates the request.
    /// - Parameters:
    ///   - path: The infusion log.
    ///   - dialect: How it is written; comma-separated with the missing tokens `NA`, `` and `.` by default.
    ///   - roles: The role columns, date format and `skipInvalid`.
    ///   - marginalEvents: K for the marginal layout, or `nil` (the default) for the episodes.
    public init(
        path: String, dialect: CSVDialect = CSVDialect(delimiter: .comma), roles: InfusionLogRoles = InfusionLogRoles(),
        marginalEvents: Int? = nil
    ) {
        self.path = path
        self.dialect = dialect
        self.roles = roles
        self.marginalEvents = marginalEvents
    }

    /// Reads the log and builds the episodes (and their marginal layout when ``marginalEvents`` is set).
    /// - Returns: The episodes and the warnings about the input.
    /// - Throws: `DataError` (usage, bad data, missing input), as ``DataIO/InfusionLogReader/read(path:)``,
    ///   ``DataIO/EpisodeBuilder/build(_:)`` and ``DataIO/MarginalEventTable/init(_:events:)``.
    /// - Complexity: O(bytes) to read, O(n log n) to order each patient's infusions; memory O(n).
    public func run() throws(DataError) -> EpisodesResult {
        if let marginalEvents { try MarginalEventTable.checkEventNumbers(marginalEvents) }
        let log = try InfusionLogReader(dialect: dialect, roles: roles).read(path: path)
        let table = try EpisodeBuilder().build(log)
        guard let marginalEvents else { return EpisodesResult(request: self, table: table, marginal: nil) }
        return EpisodesResult(request: self, table: table, marginal: try MarginalEventTable(table, events: marginalEvents))
    }
}
