/// Reads a survival dataset (time, event, groupings) from a CSV file, streaming its bytes.
///
/// The file is parsed as bytes in chunks (never held as one `String`) by an RFC 4180 state machine;
/// only the columns named by the roles are materialised: time and event as numbers, grouping and id
/// columns dictionary-encoded. The SHA-256 of the bytes is computed as they stream past.
///
/// Rules (see also the DataIO module documentation in `DataIO.swift`):
/// - Missing tokens (default `NA`, empty, `.`) in a used column exclude the row, recorded as an
///   ``Exclusion`` with `isMissing == true`. A missing patient id does not exclude a row.
/// - Invalid values (non-numeric, negative or non-finite time; unknown event code; a ragged row; a
///   non-numeric value in a banded column) throw ``DataError`` `.badData` naming file, line and column,
///   or with ``ColumnRoles/skipInvalid`` become exclusions.
/// - Events are exactly `1`/`0` (also `1.0`/`0.0`) unless ``ColumnRoles/eventCodes`` maps tokens.
///
/// ```swift
/// let reader = SurvivalDatasetReader(dialect: CSVDialect(), roles: ColumnRoles(by: ["dose_group"]))
/// let data = try reader.read(path: "trial.csv")
/// ```
public struct SurvivalDatasetReader: Sendable {
    /// How the file is written.
    public let dialect: CSVDialect
    /// Which columns play which role.
    public let roles: ColumnRoles
    /// Documented limits.
    public let limits: CSVLimits
    /// The size of each `read(2)` chunk in bytes (default 4 MiB).
    public var chunkSize = 4 << 20
    /// Threads to parse a large file on (`nil`: the active processor count); 1 parses on one thread.
    var parallelThreads: Int?
    /// Files of at least this many bytes are parsed in pieces on several threads.
    var parallelThreshold = 4 << 20
    /// The smallest piece worth a thread: buffered bytes below twice this are parsed on one thread.
    var minimumPieceBytes = 1 << 18
    /// Counts the pieces parsed on other threads and taken (for tests; `nil` by default).
    var pieceTally: _PieceTally?

    /// Creates a reader.
    /// - Parameters:
    ///   - dialect: How the file is written.
    ///   - roles: Which columns play which role.
    ///   - limits: Documented limits.
    public init(dialect: CSVDialect, roles: ColumnRoles, limits: CSVLimits = .init()) {
        self.dialect = dialect
        self.roles = roles
        self.limits = limits
    }

    /// Reads `path` into a dataset.
    /// - Parameter path: The CSV file.
    /// - Returns: The used rows, their groupings, every exclusion, and the source information.
    /// - Throws: ``DataError``: `.missingInput` when the file cannot be opened, `.usage` for options that
    ///   do not fit the file, `.badData` for content that cannot be used.
    /// - Complexity: O(file size) time; memory O(rows used x used columns + distinct tokens + chunk size).
    public func read(path: String) throws(DataError) -> SurvivalDataset {
        try read(path: path, carriesOthers: false).dataset
    }

    /// Reads `path` as ``read(path:)`` does and, with `carriesOthers`, keeps every column but the time,
    /// entry time and event of each used row as CSV-encoded bytes (for a data file made from the rows,
    /// `relief split`).
    /// - Returns: The dataset; the carried columns (`nil` without `carriesOthers`) and, per used row, where
    ///   its carried fields start in them.
    func read(path: String, carriesOthers: Bool) throws(DataError) -> (
        dataset: SurvivalDataset, carried: _CarriedFields?, carriedStarts: [Int]
    ) {
        guard !path.isEmpty else { throw DataError(.usage, message: "give the CSV file to read") }
        try validateOptions()
        let (parser, delimiter, header, headerLine) = try open(path: path)
        let layout = try resolveColumns(header: header, file: path, line: headerLine)
        let carried = carriesOthers
            ? _CarriedFields(
                header: header, excluding: Set([layout.time, layout.start, layout.event].compactMap { $0 }), delimiter: delimiter,
                capacity: parser.fileSize + 4096)
            : nil
        let expectedRows = parser.estimatedRecords()
        let collector = _RowCollector(
            reader: self, header: header, layout: layout, path: path, expectedRows: expectedRows, carried: carried)
        if !carriesOthers, let pieces = parallelPieces(fileSize: parser.fileSize) {
            try readInPieces(parser, into: collector, pieces: pieces, expectedRows: expectedRows)
        } else {
            try collector.consume(parser, refill: true)
        }
        let events = collector.events
        let times = collector.times
        let rowsRead = collector.rowsRead

        if let problem = collector.eventCodingProblem, let events, !roles.skipInvalid || times.isEmpty {
            if !roles.skipInvalid {
                collectEventTokens(parser: parser, events: events, missing: collector.missing, decimalMark: collector.decimalMark)
            }
            throw eventCodingError(events: events, header: header, firstLine: problem.line, file: path)
        }
        // With --skip-invalid, a file of decimal commas read without --decimal-comma would lose most
        // rows: that is a wrong option, not a few bad values, so it stays an error.
        if let first = collector.firstDecimalComma, collector.decimalCommaRows * 2 > rowsRead {
            throw DataError(
                .badData, file: path, line: first.line, column: first.problem.columnName,
                columnNumber: first.problem.column.map { $0 + 1 },
                message: "\(first.problem.message); \(collector.decimalCommaRows) of \(rowsRead) rows hold such values",
                hint: "the file uses decimal commas: add --decimal-comma")
        }
        if rowsRead == 0 {
            throw DataError(
                .badData, file: path, line: headerLine,
                message: "the file has a header but no data rows",
                hint: "export the data rows too")
        }

        let groupings = try collector.groupColumns.map { column throws(DataError) in
            try makeGrouping(column, cuts: layout.bandCuts[column.index], file: path)
        }
        let byGroupings = Array(groupings.prefix(roles.by.count))
        let strataGrouping = roles.strata == nil ? nil : groupings.last
        var patients: Int?
        var patientCodes: [Int]?
        if let idColumn = collector.idColumn {
            let (count, codes) = patientIndex(idColumn)
            patients = count
            patientCodes = codes
        }
        let covariates = try collector.covariateColumns.map { column throws(DataError) in try column.column(file: path) }
        try checkDecimalCommaCovariates(covariates, file: path)
        var source = SourceInfo(
            file: path, sha256: parser.finishDigest(), byteCount: parser.bytesRead, rowsRead: rowsRead,
            delimiter: delimiter.name)
        source.isDelimiterDetected = dialect.delimiter != .auto && delimiter != dialect.delimiter
        let dataset = SurvivalDataset(
            source: source, time: times, event: collector.eventValues, start: layout.start == nil ? nil : collector.starts,
            groupings: byGroupings, strata: strataGrouping, exclusions: collector.exclusions, patients: patients,
            patientCodes: patientCodes, covariates: covariates, rowLines: collector.rowLines)
        return (dataset, carried, collector.carriedStarts)
    }

    /// The column names of `path` (its first non-blank record), read with this reader's dialect.
    ///
    /// Lets a caller check names (for example the columns a model formula needs) before reading.
    /// - Parameter path: The CSV file.
    /// - Returns: The header fields in order.
    /// - Throws: ``DataError`` as ``read(path:)`` does for the file, its encoding, delimiter and header.
    /// - Complexity: O(header size); reads at most one chunk of the file.
    public func header(path: String) throws(DataError) -> [String] {
        guard !path.isEmpty else { throw DataError(.usage, message: "give the CSV file to read") }
        try validateOptions()
        return try open(path: path).header
    }

    /// Opens `path`, skips a byte-order mark, chooses the delimiter and reads the header (also used by
    /// ``InfusionLogReader``, whose roles name the infusion date column as the header's anchor).
    func open(path: String) throws(DataError) -> (
        parser: _CSVRecordParser, delimiter: CSVDialect.Delimiter, header: [String], headerLine: Int
    ) {
        let parser = try _CSVRecordParser(
            path: path, maxFieldBytes: limits.maxFieldBytes, maxColumns: limits.maxColumns, chunkSize: chunkSize)
        try parser.fill()
        if parser.count == 0 && parser.isAtEOF {
            throw DataError(
                .badData, file: path, message: "the file is empty",
                hint: "export the data with a header line and at least one data row")
        }
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        let sample = parser.peek()
        if sample.count >= 3 && sample[0] == bom[0] && sample[1] == bom[1] && sample[2] == bom[2] {
            parser.skip(3)
        }
        if dialect.skipLines > 0, !parser.skipLines(dialect.skipLines) {
            throw DataError(
                .badData, file: path, message: "the file has fewer than \(dialect.skipLines) lines before its data",
                hint: "check --skip-lines")
        }
        let head = Array(parser.peek().prefix(1 << 16))
        let delimiter = try chooseDelimiter(parser.peek(), isComplete: parser.isAtEOF, file: path)
        guard let delimiterByte = delimiter.byte else {
            throw DataError(.usage, file: path, message: "no delimiter could be chosen", hint: "use --delimiter")
        }
        parser.setDelimiter(delimiterByte)

        // Header (leading blank lines skipped).
        var header: [String] = []
        while try parser.nextRecord() {
            if parser.fieldCount == 1 && parser.isEmptyUnquoted(0) { continue }
            if parser.fieldCount > limits.maxColumns {
                throw DataError(
                    .badData, file: path, line: parser.recordLine,
                    message: "the header has \(parser.fieldCount) columns, more than the limit of \(limits.maxColumns)",
                    hint: "select the columns you need before reading")
            }
            header = (0..<parser.fieldCount).map { parser.fieldString($0) }
            break
        }
        if header.isEmpty {
            throw DataError(
                .badData, file: path, message: "the file has no header line (only blank lines)",
                hint: "export the data with a header line and at least one data row")
        }
        if !header.contains(roles.headerAnchor) { try locateHeader(head, delimiter: delimiterByte, file: path) }
        return (parser, delimiter, header, parser.recordLine)
    }

    /// A categorical covariate whose every level is a number written with a decimal comma means the
    /// file needs `--decimal-comma`; reading it as a factor would be silently wrong.
    private func checkDecimalCommaCovariates(_ covariates: [CovariateColumn], file: String) throws(DataError) {
        guard !dialect.decimalComma else { return }
        for column in covariates {
            // Bytes, not Foundation's `contains`, which showed in profiles of a column of 250,000 patient ids.
            guard let levels = column.levels, levels.contains(where: { $0.utf8.contains(UInt8(ascii: ",")) }) else { continue }
            let allNumbers = levels.allSatisfy { Double($0.replacingOccurrences(of: ",", with: ".")) != nil }
            if allNumbers {
                throw DataError(
                    .badData, file: file, column: column.name, columnNumber: column.columnNumber,
                    message: "the values look like numbers with decimal commas (e.g. '\(_Quoting.display(levels[0]))')",
                    hint: "the file uses decimal commas: add --decimal-comma")
            }
        }
    }

    func raggedProblem(fields: Int, header: [String]) -> _RowProblem {
        if fields < header.count {
            return _RowProblem(
                column: fields, columnName: header[fields],
                message: "the record has \(fields) fields but the header has \(header.count); '\(header[fields])' and later are absent",
                hint: "check for a missing delimiter or an unquoted line break")
        }
        return _RowProblem(
            column: header.count, columnName: nil,
            message: "the record has \(fields) fields but the header has \(header.count)",
            hint: "a field containing the delimiter must be quoted")
    }

    /// Distinct patients among the used rows, and a code per used row (first-appearance order).
    private func patientIndex(_ column: _TokenColumn) -> (Int, [Int]) {
        var remap = [Int](repeating: -1, count: column.dictionary.count)
        var next = 0
        var codes = [Int]()
        codes.reserveCapacity(column.rowTokens.count)
        for token in column.rowTokens {
            if column.isMissing(token) {
                codes.append(-1)
                continue
            }
            if remap[token] < 0 {
                remap[token] = next
                next += 1
            }
            codes.append(remap[token])
        }
        return (next, codes)
    }
}
