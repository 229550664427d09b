/// Reads an infusion log (one row per infusion) from a CSV file, streaming its bytes.
///
/// The file is opened, sniffed and parsed as ``SurvivalDatasetReader`` does (the same RFC 4180 record
/// parser, byte-order mark, `skipLines`, delimiter choice, UTF-8 check and SHA-256); the header's anchor
/// is the infusion date column. Per row the patient is dictionary-encoded, the three date columns are
/// parsed by ``ClinicalDate`` in ``InfusionLogRoles/dateFormat``, and every other column is kept as
/// CSV-encoded bytes (neutralised against spreadsheet formulas, ``CSVWriter/neutralised(_:)``; `_CarriedFields`).
///
/// Rules:
/// - A missing patient or infusion date (the dialect's missing tokens) leaves the row out (an
///   ``Exclusion`` with `isMissing`); so does an invalid infusion date under `skipInvalid`. The patient's
///   other rows are then left out by ``EpisodeBuilder``: without that infusion's moment their episodes
///   cannot be delimited.
/// - A missing relief end means relief had not ended; a missing last contact means follow-up ends at the
///   next infusion.
/// - An invalid date (impossible, another format, a spreadsheet serial number), a relief end or last
///   contact before the infusion, and a ragged record are errors naming file, line and column, or with
///   `skipInvalid` exclusions. A row excluded for its relief end or last contact keeps its infusion moment.
/// - Dates written in another format than the one asked for are a wrong option, not bad values: with
///   `skipInvalid` they are excluded, but when they are more than half of the rows read the first is
///   an error.
///
/// ```swift
/// let log = try InfusionLogReader(roles: InfusionLogRoles(dateFormat: .dayMonthYear)).read(path: "infusions.csv")
/// let episodes = try EpisodeBuilder().build(log)
/// ```
public struct InfusionLogReader: Sendable {
    /// How the file is written.
    public let dialect: CSVDialect
    /// Which columns play which role, the date format and `skipInvalid`.
    public let roles: InfusionLogRoles
    /// Documented limits.
    public let limits: CSVLimits
    /// The size of each `read(2)` chunk in bytes (default 4 MiB).
    public var chunkSize = 4 << 20

    /// Creates a reader.
    /// - Parameters:
    ///   - dialect: How the file is written; comma-separated by default.
    ///   - roles: The role columns, date format and `skipInvalid`.
    ///   - limits: Documented limits.
    public init(
        dialect: CSVDialect = CSVDialect(delimiter: .comma), roles: InfusionLogRoles = InfusionLogRoles(), limits: CSVLimits = .init()
    ) {
        self.dialect = dialect
        self.roles = roles
        self.limits = limits
    }

    /// Reads `path`.
    /// - Parameter path: The CSV file.
    /// - Returns: The infusions with known patient and moment, the carried columns, every exclusion and
    ///   the source record.
    /// - Throws: ``DataError``: `.missingInput` when the file cannot be opened, `.usage` for options that
    ///   do not fit the file (an unknown column, a carried column named like a computed one), `.badData`
    ///   for content that cannot be used.
    /// - Complexity: O(file size) time; memory O(rows + bytes of the carried columns).
    public func read(path: String) throws(DataError) -> InfusionLog {
        guard !path.isEmpty else { throw DataError(.usage, message: "give the CSV file to read") }
        try roles.validate()
        var csv = SurvivalDatasetReader(dialect: dialect, roles: ColumnRoles(time: roles.infusionDate, id: nil), limits: limits)
        csv.chunkSize = chunkSize
        try csv.validateOptions()
        let (parser, delimiter, header, headerLine) = try csv.open(path: path)
        let positions = try SurvivalDatasetReader.columnPositions(header, file: path, line: headerLine)
        var indices: [Int] = []
        for (option, column) in roles.named {
            indices.append(try SurvivalDatasetReader.findColumn(column, option: option, positions: positions, header: header, file: path))
        }
        let (patientIndex, dateIndex, endIndex, contactIndex) = (indices[0], indices[1], indices[2], indices[3])
        let carriedIndices = header.indices.filter { $0 != patientIndex && $0 != dateIndex }
        for k in carriedIndices where EpisodeTable.computedColumns.contains(header[k]) {
            throw DataError(
                .usage, file: path, line: headerLine, column: header[k], columnNumber: k + 1,
                message: "the episodes file computes a column of this name, so this one cannot be carried over",
                hint: "rename or remove the column in the log")
        }

        let missing = _MissingMatcher(dialect.missingTokens)
        let format = roles.dateFormat
        let columnCount = header.count
        // Room for the rows the file seems to hold (from the first lines' length), so that they are not
        // copied as they grow; untouched capacity costs address space, not memory.
        let expected = Self.expectedRows(sample: parser.peek(), fileSize: parser.fileSize)
        var rows: [InfusionLog.Row] = []
        rows.reserveCapacity(expected)
        _HugePages.adviseCapacity(of: &rows)
        let patients = _PatientCoder(expectedRows: expected)
        let carried = _CarriedFields(
            header: header, excluding: [patientIndex, dateIndex], delimiter: delimiter, capacity: parser.fileSize + 4096)
        var exclusions: [Exclusion] = []
        var rowsRead = 0
        var formatProblems = 0
        var firstFormatProblem: DataError?

        /// Records (or throws) an invalid value of column `index` on `line`.
        func reject(_ message: String, hint: String?, index: Int?, line: Int) throws(DataError) {
            let name = index.flatMap { header.indices.contains($0) ? header[$0] : nil }
            if roles.skipInvalid {
                exclusions.append(Exclusion(line: line, column: name, reason: message, isMissing: false))
                return
            }
            throw DataError(
                .badData, file: path, line: line, column: name, columnNumber: index.map { $0 + 1 }, message: message,
                hint: Self.skipHint(hint))
        }
        /// The date of column `index` (NaN when missing), or `nil` when it is invalid (recorded or thrown).
        func date(_ index: Int, line: Int) throws(DataError) -> Double? {
            let (p, n) = parser.field(index)
            if missing.matches(p, n) { return .nan }
            switch ClinicalDate.parse(p, n, format: format) {
            case .success(let date): return date.days
            case .failure(let error):
                if error.isFormatProblem {
                    let located = error.located(file: path, line: line, column: header[index], columnNumber: index + 1)
                    guard roles.skipInvalid else { throw located }
                    formatProblems += 1
                    if firstFormatProblem == nil { firstFormatProblem = located }
                }
                try reject(error.message, hint: error.hint, index: index, line: line)
                return nil
            }
        }

        while try parser.nextRecord() {
            let line = parser.recordLine
            if parser.fieldCount == 1 && columnCount > 1 && parser.isEmptyUnquoted(0) { continue }
            rowsRead += 1
            if parser.fieldCount != columnCount {
                let problem = csv.raggedProblem(fields: parser.fieldCount, header: header)
                try reject(problem.message, hint: problem.hint, index: problem.column, line: line)
                continue
            }
            let (pp, pn) = parser.field(patientIndex)
            if missing.matches(pp, pn) {
                exclusions.append(Exclusion(line: line, column: roles.patient, reason: "missing \(roles.patient)", isMissing: true))
                continue
            }
            guard line < Int(Int32.max) else {
                throw DataError(.badData, file: path, line: line, message: "the file has more than \(Int32.max - 1) lines", hint: "split the file")
            }
            patients.add(pp, pn, line: line)
            let (dp, dn) = parser.field(dateIndex)
            if missing.matches(dp, dn) {
                exclusions.append(Exclusion(line: line, column: roles.infusionDate, reason: "missing \(roles.infusionDate)", isMissing: true))
                patients.markUnknownMoment()
                continue
            }
            guard let moment = try date(dateIndex, line: line) else {
                patients.markUnknownMoment()
                continue
            }
            var excluded = false
            let end = try date(endIndex, line: line)
            var contact: Double?
            if end != nil { contact = try date(contactIndex, line: line) }
            if let end, let contact {
                if let problem = EpisodeBuilder.rowProblem(start: moment, reliefEnd: end, lastContact: contact, roles: roles) {
                    try reject(problem.message, hint: problem.hint, index: positions[problem.column], line: line)
                    excluded = true
                }
            } else {
                excluded = true
            }
            rows.append(
                InfusionLog.Row(
                    start: moment, reliefEnd: end ?? .nan, lastContact: contact ?? .nan, carriedStart: carried.bytes.count,
                    line: Int32(truncatingIfNeeded: line), isExcluded: excluded))
            if !excluded { carried.append(from: parser) }
        }

        if let first = firstFormatProblem, formatProblems * 2 > rowsRead { throw first }
        if rowsRead == 0 {
            throw DataError(
                .badData, file: path, line: headerLine, message: "the file has a header but no data rows", hint: "export the data rows too")
        }
        patients.finish()
        if let line = patients.overflowLine {
            throw DataError(
                .badData, file: path, line: line, column: roles.patient, columnNumber: patientIndex + 1,
                message: "more than \(Int32.max - 1) distinct patients", hint: "split the file")
        }
        let dictionary = patients.dictionary
        var patientBytes: [UInt8] = []
        var patientStarts = [0]
        patientStarts.reserveCapacity(dictionary.count + 1)
        for code in 0..<dictionary.count {
            dictionary.withKey(code) { p, n in patientBytes.append(contentsOf: UnsafeBufferPointer(start: p, count: n)) }
            patientStarts.append(patientBytes.count)
        }
        var source = SourceInfo(
            file: path, sha256: parser.finishDigest(), byteCount: parser.bytesRead, rowsRead: rowsRead, delimiter: delimiter.name)
        source.isDelimiterDetected = dialect.delimiter != .auto && delimiter != dialect.delimiter
        return InfusionLog(
            roles: roles, source: source, header: header, carriedColumns: carried.names, rowsRead: rowsRead,
            exclusions: exclusions, rows: rows, patientCodes: patients.codes, patientBytes: patientBytes, patientStarts: patientStarts,
            carried: carried.bytes.freeze(), unknownMoments: patients.unknownMoments)
    }

    /// About how many records a file of `fileSize` bytes holds, from the mean length of the lines in
    /// `sample` (the buffered start of the data); at most one per 8 bytes.
    static func expectedRows(sample: UnsafeBufferPointer<UInt8>, fileSize: Int) -> Int {
        var lines = 0
        var bytes = 0
        for byte in sample.prefix(1 << 20) {
            bytes += 1
            if byte == 0x0A { lines += 1 }
        }
        guard lines > 0, fileSize > 0 else { return 1024 }
        let perLine = Double(bytes) / Double(lines)
        return min(Int(Double(fileSize) / perLine * 1.05) + 1024, fileSize / 8 + 1024)
    }

    /// The hint of an invalid value, with `--skip-invalid` offered (as ``SurvivalDatasetReader`` words it).
    static func skipHint(_ hint: String?) -> String {
        let skip = "or use --skip-invalid to exclude such rows (each is listed)"
        return hint.map { "\($0); \(skip)" } ?? "fix the value, \(skip)"
    }
}
