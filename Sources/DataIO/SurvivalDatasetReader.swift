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
        var carriedStarts: [Int] = []
        let decimalMark = dialect.decimalComma ? UInt8(ascii: ",") : UInt8(ascii: ".")
        let missing = _MissingMatcher(dialect.missingTokens)

        let columnCount = header.count
        let timeIndex = layout.time
        let events = layout.event.map { _TokenColumn(name: roles.event, index: $0, mustBeNumeric: false) }
        var eventStatus: [UInt8] = []  // per event token: 0 censored, 1 ended, 2 missing, 3 invalid
        let groupColumns = layout.groups.map {
            _TokenColumn(name: header[$0], index: $0, mustBeNumeric: layout.bandCuts[$0] != nil)
        }
        let idColumn = layout.id.map { _TokenColumn(name: header[$0], index: $0, mustBeNumeric: false) }
        let covariateColumns = layout.covariates.map {
            _CovariateAccumulator(name: header[$0], index: $0, allowsMissing: roles.descriptiveColumns.contains(header[$0]))
        }

        // Per-row arrays are sized once from the estimated row count: growing them by doubling copied
        // each one about twice and faulted its pages in twice (memmove was the top page-fault source).
        let expectedRows = parser.estimatedRecords()
        var times: [Double] = []
        var starts: [Double] = []
        var rowLines: [Int] = []
        var eventValues: [Bool] = []
        rowLines.reserveCapacity(expectedRows)
        if roles.readsOutcome {
            times.reserveCapacity(expectedRows)
            eventValues.reserveCapacity(expectedRows)
            if layout.start != nil { starts.reserveCapacity(expectedRows) }
        }
        for column in groupColumns { column.rowTokens.reserveCapacity(expectedRows) }
        idColumn?.rowTokens.reserveCapacity(expectedRows)
        for column in covariateColumns { column.reserve(expectedRows) }
        // Unretained references for the row loop; `groupColumns` and `covariateColumns` keep the objects.
        let groupReferences = groupColumns.map { Unmanaged.passUnretained($0) }
        let covariateReferences = covariateColumns.map { Unmanaged.passUnretained($0) }
        let idReference = idColumn.map { Unmanaged.passUnretained($0) }
        var exclusions: [Exclusion] = []
        var rowsRead = 0
        var eventCodingProblem: (line: Int, token: Int)?
        var decimalCommaRows = 0
        var firstDecimalComma: (line: Int, problem: _RowProblem)?

        while try parser.nextRecord() {
            let line = parser.recordLine
            if parser.fieldCount == 1 && columnCount > 1 && parser.isEmptyUnquoted(0) { continue }
            rowsRead += 1
            if parser.fieldCount != columnCount {
                let problem = raggedProblem(fields: parser.fieldCount, header: header)
                try reject(problem, line: line, file: path, into: &exclusions)
                continue
            }
            var invalid: _RowProblem?
            var missingColumn: Int?

            // Time and event (when the outcome is read).
            var time = 0.0
            var entry = 0.0
            var status: UInt8 = 0
            if let timeIndex, let events {
                let (tp, tn) = parser.field(timeIndex)
                if missing.matches(tp, tn) {
                    missingColumn = timeIndex
                } else if let value = _DecimalParser.parse(tp, tn, decimalMark: decimalMark) {
                    if !value.isFinite {
                        invalid = timeProblem(tp, tn, column: timeIndex, reason: "is not a finite number")
                    } else if value < 0 {
                        invalid = timeProblem(tp, tn, column: timeIndex, reason: "is negative")
                    } else {
                        time = value + 0.0  // -0 becomes +0
                    }
                } else {
                    invalid = timeProblem(tp, tn, column: timeIndex, reason: "is not a number")
                }

                if let startIndex = layout.start {
                    let (sp, sn) = parser.field(startIndex)
                    if missing.matches(sp, sn) {
                        if missingColumn == nil { missingColumn = startIndex }
                    } else if let value = _DecimalParser.parse(sp, sn, decimalMark: decimalMark), value.isFinite, value >= 0 {
                        entry = value + 0.0
                        if invalid == nil, missingColumn == nil, entry >= time {
                            invalid = _RowProblem(
                                column: startIndex, columnName: header[startIndex],
                                message: "the interval (start, stop] = (\(_BandFormatter.format(entry)), \(_BandFormatter.format(time))] is empty: start must be below stop",
                                hint: "check that --start names the entry time and --time the stop time")
                        }
                    } else if invalid == nil {
                        invalid = timeProblem(sp, sn, column: startIndex, reason: "is not a finite number >= 0", name: header[startIndex])
                    }
                }

                let (ep, en) = parser.field(events.index)
                let eventToken = try events.token(ep, en, line: line, missing: missing, decimalMark: decimalMark)
                if eventToken == eventStatus.count {
                    eventStatus.append(eventStatusOf(events, token: eventToken))
                }
                status = eventStatus[eventToken]
                if status == 3 && invalid == nil {
                    if !roles.skipInvalid {
                        eventCodingProblem = (line, eventToken)
                        break
                    }
                    if eventCodingProblem == nil { eventCodingProblem = (line, eventToken) }
                    invalid = _RowProblem(
                        column: events.index, columnName: roles.event,
                        message: "unknown event code '\(_Quoting.display(events.dictionary.string(eventToken)))'",
                        hint: nil)
                } else if status == 2 && missingColumn == nil {
                    missingColumn = events.index
                }
            }

            // Grouping columns (through guaranteed references: calling a column's methods from the
            // array retained and released it on every row, 7-11% of a 1e6-row read).
            for k in groupReferences.indices {
                let step: Result<(token: Int, status: UInt8), DataError> = groupReferences[k]._withUnsafeGuaranteedRef { column in
                    let (gp, gn) = parser.field(column.index)
                    do throws(DataError) {
                        let token = try column.token(gp, gn, line: line, missing: missing, decimalMark: decimalMark)
                        column.rowTokens.append(token)
                        return .success((token, column.status[token]))
                    } catch {
                        return .failure(error)
                    }
                }
                let (token, tokenStatus) = try step.get()
                guard tokenStatus != _TokenColumn.usable else { continue }
                let column = groupColumns[k]
                if tokenStatus == _TokenColumn.missing {
                    if missingColumn == nil { missingColumn = column.index }
                } else if tokenStatus == _TokenColumn.notNumeric && invalid == nil {
                    invalid = _RowProblem(
                        column: column.index, columnName: column.name,
                        message: "value '\(_Quoting.display(column.dictionary.string(token)))' is not a number but the column is banded",
                        hint: "fix the value, or drop the --band option for this column")
                }
            }
            if let idReference {
                let step: Result<Void, DataError> = idReference._withUnsafeGuaranteedRef { column in
                    let (ip, inn) = parser.field(column.index)
                    do throws(DataError) {
                        column.rowTokens.append(try column.token(ip, inn, line: line, missing: missing, decimalMark: decimalMark))
                        return .success(())
                    } catch {
                        return .failure(error)
                    }
                }
                try step.get()
            }

            if let invalid {
                if invalid.looksDecimalComma {
                    decimalCommaRows += 1
                    if firstDecimalComma == nil { firstDecimalComma = (line, invalid) }
                }
                try reject(invalid, line: line, file: path, into: &exclusions)
                dropLastTokens(groupColumns, idColumn)
                continue
            }
            if let missingColumn {
                exclusions.append(
                    Exclusion(line: line, column: header[missingColumn], reason: "missing \(header[missingColumn])", isMissing: true))
                dropLastTokens(groupColumns, idColumn)
                continue
            }

            // Covariates: a missing value excludes the row (R's na.omit); otherwise each is appended.
            // One pass; when a later column is missing or invalid, the earlier ones drop the row again.
            if !covariateColumns.isEmpty {
                var covariateMissing: Int?
                var covariateProblem: _RowProblem?
                for k in covariateReferences.indices {
                    // nil: a missing value that excludes the row.
                    let step = covariateReferences[k]._withUnsafeGuaranteedRef { column -> Result<_RowProblem?, DataError>? in
                        let (cp, cn) = parser.field(column.index)
                        if missing.matches(cp, cn) {
                            guard column.allowsMissing else { return nil }
                            column.appendMissing()
                            return .success(nil)
                        }
                        do throws(DataError) {
                            return .success(try column.append(cp, cn, line: line, decimalMark: decimalMark))
                        } catch {
                            return .failure(error)
                        }
                    }
                    if let step {
                        guard let problem = try step.get() else { continue }
                        covariateProblem = problem
                    } else {
                        covariateMissing = covariateColumns[k].index
                    }
                    for earlier in covariateColumns.prefix(k) { earlier.dropLast() }
                    break
                }
                if let covariateMissing {
                    exclusions.append(
                        Exclusion(
                            line: line, column: header[covariateMissing], reason: "missing \(header[covariateMissing])",
                            isMissing: true))
                    dropLastTokens(groupColumns, idColumn)
                    continue
                }
                if let covariateProblem {
                    try reject(covariateProblem, line: line, file: path, into: &exclusions)
                    dropLastTokens(groupColumns, idColumn)
                    continue
                }
            }
            rowLines.append(line)
            if let carried {
                carriedStarts.append(carried.bytes.count)
                carried.append(from: parser)
            }
            if roles.readsOutcome {
                times.append(time)
                eventValues.append(status == 1)
                if layout.start != nil { starts.append(entry) }
            }
        }

        if let problem = eventCodingProblem, let events, !roles.skipInvalid || times.isEmpty {
            if !roles.skipInvalid {
                collectEventTokens(parser: parser, events: events, missing: missing, decimalMark: decimalMark)
            }
            throw eventCodingError(events: events, header: header, firstLine: problem.line, file: path)
        }
        // With --skip-invalid, a file of decimal commas read without --decimal-comma would lose most
        // rows: that is a wrong option, not a few bad values, so it stays an error.
        if let first = firstDecimalComma, decimalCommaRows * 2 > rowsRead {
            throw DataError(
                .badData, file: path, line: first.line, column: first.problem.columnName,
                columnNumber: first.problem.column.map { $0 + 1 },
                message: "\(first.problem.message); \(decimalCommaRows) of \(rowsRead) rows hold such values",
                hint: "the file uses decimal commas: add --decimal-comma")
        }
        if rowsRead == 0 {
            throw DataError(
                .badData, file: path, line: headerLine,
                message: "the file has a header but no data rows",
                hint: "export the data rows too")
        }

        let groupings = try groupColumns.map { column throws(DataError) in
            try makeGrouping(column, cuts: layout.bandCuts[column.index], file: path)
        }
        let byGroupings = Array(groupings.prefix(roles.by.count))
        let strataGrouping = roles.strata == nil ? nil : groupings.last
        var patients: Int?
        var patientCodes: [Int]?
        if let idColumn {
            let (count, codes) = patientIndex(idColumn)
            patients = count
            patientCodes = codes
        }
        let covariates = covariateColumns.map { $0.column() }
        try checkDecimalCommaCovariates(covariates, file: path)
        var source = SourceInfo(
            file: path, sha256: parser.finishDigest(), byteCount: parser.bytesRead, rowsRead: rowsRead,
            delimiter: delimiter.name)
        source.isDelimiterDetected = dialect.delimiter != .auto && delimiter != dialect.delimiter
        let dataset = SurvivalDataset(
            source: source, time: times, event: eventValues, start: layout.start == nil ? nil : starts,
            groupings: byGroupings, strata: strataGrouping, exclusions: exclusions, patients: patients,
            patientCodes: patientCodes, covariates: covariates, rowLines: rowLines)
        return (dataset, carried, carriedStarts)
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

    private func dropLastTokens(_ groups: [_TokenColumn], _ id: _TokenColumn?) {
        for column in groups { column.rowTokens.removeLast() }
        id?.rowTokens.removeLast()
    }

    /// Throws the problem as a ``DataError``, or records it as an exclusion under `skipInvalid`.
    private func reject(_ problem: _RowProblem, line: Int, file: String, into exclusions: inout [Exclusion]) throws(DataError) {
        if roles.skipInvalid {
            exclusions.append(Exclusion(line: line, column: problem.columnName, reason: problem.message, isMissing: false))
            return
        }
        let skip = "or use --skip-invalid to exclude such rows (each is listed)"
        let hint = problem.hint.map { "\($0); \(skip)" } ?? "fix the value, \(skip)"
        throw DataError(
            .badData, file: file, line: line, column: problem.columnName,
            columnNumber: problem.column.map { $0 + 1 }, message: problem.message, hint: hint)
    }

    private func timeProblem(_ p: UnsafePointer<UInt8>, _ n: Int, column: Int, reason: String, name: String? = nil) -> _RowProblem {
        let text = String(decoding: UnsafeBufferPointer(start: p, count: n), as: UTF8.self)
        var hint: String?
        let looksDecimalComma = !dialect.decimalComma && text.contains(",")
            && Double(text.replacingOccurrences(of: ",", with: ".")) != nil
        if looksDecimalComma {
            hint = "the value looks like a decimal comma: use --decimal-comma"
        } else if reason == "is negative" {
            hint = "times must be >= 0; fix the value"
        }
        return _RowProblem(
            column: column, columnName: name ?? roles.time, message: "\(name == nil ? "time" : "start") '\(_Quoting.display(text))' \(reason)", hint: hint,
            looksDecimalComma: looksDecimalComma)
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
