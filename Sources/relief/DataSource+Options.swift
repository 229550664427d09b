import Analysis

extension DataSource {
    /// The data source of a command: its FILE argument, `--time`/`--event`/... (and `--by`/... where the
    /// command groups) and the CSV options.
    /// - Throws: `ValidationError` for a malformed `--band`, `--order` or `--event-codes`.
    init(file: String, columns: ColumnOptions, grouping: GroupingOptions? = nil, csv: CSVOptions) throws {
        self.init(path: file, dialect: csv.dialect, roles: try columns.roles(grouping: grouping, skipInvalid: csv.skipInvalid))
    }
}
