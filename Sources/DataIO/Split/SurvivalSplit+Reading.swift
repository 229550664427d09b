extension SurvivalSplit {
    /// Reads a CSV file of durations (or `(start, stop]` rows) to split.
    ///
    /// The file is read by ``SurvivalDatasetReader`` with the outcome roles only (time, entry time, event,
    /// event codes; groups, covariates and the patient column do not apply), so the options and the
    /// errors are those of every command; every other column is kept as written.
    ///
    /// Rules: a row needs its time, event (and entry time) and an interval that is not empty (`stop >
    /// start`; without an entry-time column a time above 0, as R's survSplit). Otherwise it is an error
    /// naming file, line and column (``DataError`` `.badData`), or with ``ColumnRoles/skipInvalid`` an
    /// exclusion. The start, episode, time and event columns must not share a name with each other or with
    /// a carried column (usage).
    /// - Parameters:
    ///   - path: The CSV file.
    ///   - dialect: How it is written; comma-separated with the missing tokens `NA`, `` and `.` by default.
    ///   - roles: The time, entry-time and event columns, the event codes and `skipInvalid`.
    /// - Returns: The rows to split.
    /// - Throws: ``DataError``: `.missingInput` when the file cannot be opened, `.usage` for options that do
    ///   not fit the file, `.badData` for rows that cannot be split.
    /// - Complexity: O(file size); memory O(rows + bytes of the carried columns).
    public func read(
        path: String, dialect: CSVDialect = CSVDialect(delimiter: .comma), roles: ColumnRoles = ColumnRoles()
    ) throws(DataError) -> SplitTable {
        let outcome = ColumnRoles(
            time: roles.time, start: roles.start, event: roles.event, id: nil, eventCodes: roles.eventCodes,
            skipInvalid: roles.skipInvalid)
        let reader = SurvivalDatasetReader(dialect: dialect, roles: outcome)
        let (dataset, read, carriedStarts) = try reader.read(path: path, carriesOthers: true)
        guard let carried = read else { throw DataError(.internalError, file: path, message: "the columns to carry were not kept") }
        try checkNames(carried: carried.names, roles: outcome, file: path)
        func problem(_ exclusion: Exclusion) throws(DataError) -> DataError {
            let header = try reader.header(path: path)
            return DataError(
                .badData, file: path, line: exclusion.line, column: exclusion.column,
                columnNumber: exclusion.column.flatMap { header.firstIndex(of: $0) }.map { $0 + 1 },
                message: exclusion.isMissing ? "\(exclusion.reason): a row without its times and event cannot be split" : exclusion.reason,
                hint: exclusion.isMissing
                    ? "fill in the value, or use --skip-invalid to exclude such rows (each is listed)"
                    : "R's survSplit needs times above 0; fix the value, or use --skip-invalid to exclude such rows (each is listed)")
        }
        if !outcome.skipInvalid, let missing = dataset.exclusions.first(where: \.isMissing) { throw try problem(missing) }

        // Without entry times a row is (0, time]: a time of 0 leaves nothing to split.
        var (stop, event, lines, starts) = (dataset.time, dataset.event, Array(dataset.rowLines), carriedStarts)
        var exclusions = dataset.exclusions
        if dataset.start == nil, let first = stop.firstIndex(where: { !($0 > 0) }) {
            let empty = Exclusion(
                line: lines[first], column: outcome.time, reason: "time \(_BandFormatter.format(stop[first])): the interval (0, "
                    + "\(_BandFormatter.format(stop[first]))] is empty", isMissing: false)
            guard outcome.skipInvalid else { throw try problem(empty) }
            let kept = stop.indices.filter { stop[$0] > 0 }
            for row in stop.indices where !(stop[row] > 0) {
                exclusions.append(
                    Exclusion(line: lines[row], column: outcome.time, reason: "time \(_BandFormatter.format(stop[row])): the interval "
                        + "(0, \(_BandFormatter.format(stop[row]))] is empty", isMissing: false))
            }
            exclusions.sort { $0.line < $1.line }
            (stop, event, lines, starts) = (kept.map { stop[$0] }, kept.map { event[$0] }, kept.map { lines[$0] }, kept.map { starts[$0] })
        }
        return SplitTable(
            split: self, roles: outcome, source: dataset.source, carriedColumns: carried.names, exclusions: exclusions,
            start: dataset.start, stop: stop, event: event, lines: lines, carried: carried.bytes.freeze(), carriedStarts: starts)
    }

    /// Refuses output columns that share a name with each other or with a carried column.
    /// - Throws: ``DataError`` (usage) naming the column and the option that renames it.
    func checkNames(carried: [String], roles: ColumnRoles, file: String) throws(DataError) {
        let start = startName ?? roles.start ?? "tstart"
        let written: [(name: String, option: String)] = [
            (start, "--start-name"), (roles.time, "--time"), (roles.event, "--event"), (episodeName, "--episode-name"),
        ]
        for (k, column) in written.enumerated() {
            if let other = written.prefix(k).first(where: { $0.name == column.name }) {
                throw DataError(
                    .usage, column: column.name, message: "\(other.option) and \(column.option) would both write this column",
                    hint: "give \(column.option == "--time" || column.option == "--event" ? other.option : column.option) another name")
            }
            guard carried.contains(column.name) else { continue }
            let hint = column.option == "--start-name" && startName == nil && roles.start == nil
                ? "if it holds the rows' entry times, give --start \(column.name); else name the pieces' start column with --start-name"
                : "name the column with \(column.option)"
            throw DataError(
                .usage, file: file, column: column.name,
                message: "the input already has a column of this name, and the split file writes its own (\(column.option))", hint: hint)
        }
    }
}
