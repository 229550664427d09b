import DataIO

/// `relief split`: R's `survSplit`, each row's follow-up `(start, stop]` cut at given times, as a CSV file
/// that the other jobs read with `--start` (time-varying effects, piecewise analyses).
///
/// Like ``EpisodesRequest`` this job makes a data file, not a document: its result gives the file's bytes
/// and writes them atomically, never over the input. The rules are ``DataIO/SurvivalSplit``'s.
///
/// ```swift
/// let request = SplitRequest(path: "data/ketamine_trial.csv", split: try SurvivalSplit(cuts: [7, 14, 28]))
/// let result = try request.run()
/// try result.write(to: "split.csv")              // tstart, relief_days, relief_ended, episode
/// let pieces = result.table.pieces()             // row, start, stop, event, episode
/// ```
public struct SplitRequest: Sendable {
    /// The CSV file of durations or `(start, stop]` rows.
    public var path: String
    /// How it is written (delimiter, decimal comma, missing tokens, lines to skip).
    public var dialect: CSVDialect
    /// The time (stop), entry-time and event columns, the event codes and `skipInvalid`.
    public var roles: ColumnRoles
    /// The cuts and the names of the start and episode columns.
    public var split: SurvivalSplit

    /// Creates the request.
    /// - Parameters:
    ///   - path: The CSV file.
    ///   - dialect: How it is written; comma-separated with the missing tokens `NA`, `` and `.` by default.
    ///   - roles: The outcome columns (other roles do not apply).
    ///   - split: The cuts and column names.
    public init(path: String, dialect: CSVDialect = CSVDialect(delimiter: .comma), roles: ColumnRoles = ColumnRoles(), split: SurvivalSplit) {
        self.path = path
        self.dialect = dialect
        self.roles = roles
        self.split = split
    }

    /// Reads the file for splitting (the pieces are made as the file is written).
    /// - Returns: The rows to split and the warnings about the input.
    /// - Throws: `DataError` (usage, bad data, missing input), as ``DataIO/SurvivalSplit/read(path:dialect:roles:)``.
    /// - Complexity: O(bytes) to read; memory O(rows + bytes of the carried columns).
    public func run() throws(DataError) -> SplitResult {
        SplitResult(request: self, table: try split.read(path: path, dialect: dialect, roles: roles))
    }
}
