import Foundation

/// The row loop of ``SurvivalDatasetReader``: what the used rows of a file, or of one piece of it, hold
/// so far (times, events, dictionary-encoded groups and ids, covariates, the lines of the used rows, the
/// exclusions), and ``consume(_:refill:)``, which adds the parser's records to it.
///
/// A file is read by one collector fed by the streaming parser. Above a size threshold the reader also
/// cuts the buffered bytes into pieces, gives each piece a collector of its own on its own thread
/// (lines counted from 1 in the piece) and adds the pieces to the file's collector in file order
/// (``absorb(_:lineOffset:)`` in `RowCollector+Merging.swift`), which leaves it in the state the row
/// loop would have reached on those records itself.
final class _RowCollector {
    let reader: SurvivalDatasetReader
    let header: [String]
    let layout: SurvivalDatasetReader._Layout
    let path: String
    let missing: _MissingMatcher
    let decimalMark: UInt8
    let events: _TokenColumn?
    /// Per event token: 0 censored, 1 ended, 2 missing, 3 invalid.
    @exclusivity(unchecked) var eventStatus: [UInt8] = []
    let groupColumns: [_TokenColumn]
    let idColumn: _TokenColumn?
    let covariateColumns: [_CovariateAccumulator]
    /// The columns carried over for a data file (`relief split`), `nil` otherwise.
    let carried: _CarriedFields?
    @exclusivity(unchecked) var carriedStarts: [Int] = []

    @exclusivity(unchecked) var times: [Double] = []
    @exclusivity(unchecked) var starts: [Double] = []
    @exclusivity(unchecked) var rowLines: [Int] = []
    @exclusivity(unchecked) var eventValues: [Bool] = []
    @exclusivity(unchecked) var exclusions: [Exclusion] = []
    /// Data records read (blank lines not counted).
    var rowsRead = 0
    /// The first row with an unknown event code (line, token).
    var eventCodingProblem: (line: Int, token: Int)?
    /// Rows rejected for a value that looks like a decimal comma, and the first of them.
    var decimalCommaRows = 0
    var firstDecimalComma: (line: Int, problem: _RowProblem)?

    /// - Parameters:
    ///   - reader: The reader's options (roles, dialect).
    ///   - header: The column names.
    ///   - layout: The role columns' indices.
    ///   - path: The file (for errors).
    ///   - expectedRows: Rows to size the per-row arrays for.
    ///   - carried: The columns to carry for a data file, or `nil`.
    init(
        reader: SurvivalDatasetReader, header: [String], layout: SurvivalDatasetReader._Layout, path: String, expectedRows: Int,
        carried: _CarriedFields? = nil
    ) {
        self.reader = reader
        self.header = header
        self.layout = layout
        self.path = path
        self.carried = carried
        let roles = reader.roles
        missing = _MissingMatcher(reader.dialect.missingTokens)
        decimalMark = reader.dialect.decimalComma ? UInt8(ascii: ",") : UInt8(ascii: ".")
        events = layout.event.map { _TokenColumn(name: roles.event, index: $0, mustBeNumeric: false) }
        groupColumns = layout.groups.map {
            _TokenColumn(name: header[$0], index: $0, mustBeNumeric: layout.bandCuts[$0] != nil)
        }
        // The patient ids only when they are used (the count and codes, or the overlap check of entry times).
        let readsID = roles.readsPatients || layout.start != nil
        idColumn = readsID ? layout.id.map { _TokenColumn(name: header[$0], index: $0, mustBeNumeric: false) } : nil
        covariateColumns = layout.covariates.map {
            _CovariateAccumulator(name: header[$0], index: $0, allowsMissing: roles.descriptiveColumns.contains(header[$0]))
        }
        // Per-row arrays are sized once from the estimated row count: growing them by doubling copied
        // each one about twice and faulted its pages in twice (memmove was the top page-fault source).
        rowLines.reserveCapacity(expectedRows)
        if roles.readsOutcome {
            times.reserveCapacity(expectedRows)
            eventValues.reserveCapacity(expectedRows)
            if layout.start != nil { starts.reserveCapacity(expectedRows) }
        }
        for column in groupColumns { column.rowTokens.reserveCapacity(expectedRows) }
        idColumn?.rowTokens.reserveCapacity(expectedRows)
        for column in covariateColumns { column.reserve(expectedRows) }
    }

    /// Whether the loop stopped at an unknown event code (without `skipInvalid` the rest is not read).
    var isStopped: Bool { eventCodingProblem != nil && !reader.roles.skipInvalid }

    /// Reads the parser's records into the columns until the end of the file (or, without `refill`, of
    /// the buffered records), or until an unknown event code stops the loop (``isStopped``).
    /// - Throws: ``DataError`` for an invalid value (without `skipInvalid`) or a malformed file.
    func consume(_ parser: _CSVRecordParser, refill: Bool) throws(DataError) {
        // The per-row arrays live in locals while the loop runs (stored properties of a class are
        // re-read on every append); they are put back however the loop ends.
        var times: [Double] = []
        var starts: [Double] = []
        var rowLines: [Int] = []
        var eventValues: [Bool] = []
        var exclusions: [Exclusion] = []
        var eventStatus: [UInt8] = []
        exchangeRows(&times, &starts, &rowLines, &eventValues, &exclusions, &eventStatus)
        var rowsRead = self.rowsRead
        defer {
            exchangeRows(&times, &starts, &rowLines, &eventValues, &exclusions, &eventStatus)
            self.rowsRead = rowsRead
        }
        let roles = reader.roles
        let header = header
        let layout = layout
        let missing = missing
        let decimalMark = decimalMark
        let columnCount = header.count
        let timeIndex = layout.time
        let events = events
        let groupColumns = groupColumns
        let idColumn = idColumn
        let covariateColumns = covariateColumns
        // Unretained references for the row loop; `groupColumns` and `covariateColumns` keep the objects.
        let groupReferences = groupColumns.map { Unmanaged.passUnretained($0) }
        let covariateReferences = covariateColumns.map { Unmanaged.passUnretained($0) }
        let idReference = idColumn.map { Unmanaged.passUnretained($0) }
        guard !isStopped else { return }

        while try parser.nextRecord(refill: refill) {
            let line = parser.recordLine
            if parser.fieldCount == 1 && columnCount > 1 && parser.isEmptyUnquoted(0) { continue }
            rowsRead += 1
            if parser.fieldCount != columnCount {
                let problem = reader.raggedProblem(fields: parser.fieldCount, header: header)
                try reject(problem, line: line, into: &exclusions)
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
                    eventStatus.append(reader.eventStatusOf(events, token: eventToken))
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
                try reject(invalid, line: line, into: &exclusions)
                dropLastTokens()
                continue
            }
            if let missingColumn {
                exclusions.append(
                    Exclusion(line: line, column: header[missingColumn], reason: "missing \(header[missingColumn])", isMissing: true))
                dropLastTokens()
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
                    dropLastTokens()
                    continue
                }
                if let covariateProblem {
                    try reject(covariateProblem, line: line, into: &exclusions)
                    dropLastTokens()
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
    }

    /// Swaps the per-row arrays with the given ones (no copies).
    private func exchangeRows(
        _ times: inout [Double], _ starts: inout [Double], _ rowLines: inout [Int], _ eventValues: inout [Bool],
        _ exclusions: inout [Exclusion], _ eventStatus: inout [UInt8]
    ) {
        swap(&times, &self.times)
        swap(&starts, &self.starts)
        swap(&rowLines, &self.rowLines)
        swap(&eventValues, &self.eventValues)
        swap(&exclusions, &self.exclusions)
        swap(&eventStatus, &self.eventStatus)
    }

    private func dropLastTokens() {
        for column in groupColumns { column.rowTokens.removeLast() }
        idColumn?.rowTokens.removeLast()
    }

    /// Throws the problem as a ``DataError``, or records it as an exclusion under `skipInvalid`.
    private func reject(_ problem: _RowProblem, line: Int, into exclusions: inout [Exclusion]) throws(DataError) {
        if reader.roles.skipInvalid {
            exclusions.append(Exclusion(line: line, column: problem.columnName, reason: problem.message, isMissing: false))
            return
        }
        let skip = "or use --skip-invalid to exclude such rows (each is listed)"
        let hint = problem.hint.map { "\($0); \(skip)" } ?? "fix the value, \(skip)"
        throw DataError(
            .badData, file: path, line: line, column: problem.columnName,
            columnNumber: problem.column.map { $0 + 1 }, message: problem.message, hint: hint)
    }

    private func timeProblem(_ p: UnsafePointer<UInt8>, _ n: Int, column: Int, reason: String, name: String? = nil) -> _RowProblem {
        let text = String(decoding: UnsafeBufferPointer(start: p, count: n), as: UTF8.self)
        var hint: String?
        let looksDecimalComma = !reader.dialect.decimalComma && text.contains(",")
            && Double(text.replacingOccurrences(of: ",", with: ".")) != nil
        if looksDecimalComma {
            hint = "the value looks like a decimal comma: use --decimal-comma"
        } else if reason == "is negative" {
            hint = "times must be >= 0; fix the value"
        }
        return _RowProblem(
            column: column, columnName: name ?? reader.roles.time, message: "\(name == nil ? "time" : "start") '\(_Quoting.display(text))' \(reason)", hint: hint,
            looksDecimalComma: looksDecimalComma)
    }
}
