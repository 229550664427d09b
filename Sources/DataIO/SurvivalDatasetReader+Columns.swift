import Foundation

/// Option checks, delimiter choice and column resolution.
extension SurvivalDatasetReader {
    /// Column indices for each role.
    struct _Layout {
        /// The time and event columns, `nil` when the outcome is not read.
        var time: Int?
        var event: Int?
        /// The entry-time column of `(start, stop]` data, `nil` without one.
        var start: Int? = nil
        /// `by` columns, then the strata column when set.
        var groups: [Int]
        var id: Int?
        /// Explicit cut points by column index.
        var bandCuts: [Int: [Double]]
        /// Covariate columns (distinct, in `roles.covariates` order).
        var covariates: [Int] = []
    }

    /// Checks options that do not depend on the file.
    func validateOptions() throws(DataError) {
        try dialect.validate()
        for (column, cuts) in roles.bands {
            guard !cuts.isEmpty else {
                throw DataError(.usage, column: column, message: "the band has no cut points", hint: "give cut points, e.g. --band \(column)=7,28")
            }
            guard cuts.allSatisfy(\.isFinite), zip(cuts, cuts.dropFirst()).allSatisfy({ $0 < $1 }) else {
                throw DataError(
                    .usage, column: column,
                    message: "band cut points must be finite and strictly increasing, got \(cuts.map(_BandFormatter.format).joined(separator: ","))",
                    hint: "give increasing cut points, e.g. --band \(column)=7,28")
            }
        }
        if let codes = roles.eventCodes {
            if codes.ended.isEmpty || codes.censored.isEmpty {
                throw DataError(
                    .usage, message: "--event-codes needs both an ended and a censored value",
                    hint: "e.g. --event-codes ended=yes censored=no")
            }
            let both = codes.ended.intersection(codes.censored)
            if !both.isEmpty {
                throw DataError(
                    .usage, message: "--event-codes maps \(_Quoting.list(both.sorted())) to both ended and censored",
                    hint: "give each value one meaning")
            }
        }
        if roles.by.contains("") { throw DataError(.usage, message: "--by needs a column name") }
        if Set(roles.by).count != roles.by.count {
            throw DataError(.usage, message: "--by names the same column twice: \(roles.by.joined(separator: ", "))")
        }
        if let strata = roles.strata, roles.by.contains(strata) {
            throw DataError(.usage, message: "--strata '\(strata)' is also a --by column; stratify by a different column")
        }
        let grouped = Set(roles.by + (roles.strata.map { [$0] } ?? []))
        for column in roles.bands.keys.sorted() where !grouped.contains(column) {
            throw DataError(
                .usage, column: column, message: "--band names a column that is not a --by or --strata column",
                hint: "add --by \(column), or drop the band")
        }
        for (column, order) in roles.levelOrder.sorted(by: { $0.key < $1.key }) {
            if !grouped.contains(column) {
                throw DataError(
                    .usage, column: column, message: "a level order is given for a column that is not a --by or --strata column",
                    hint: "add --by \(column), or drop the level order")
            }
            if roles.bands[column] != nil {
                throw DataError(
                    .usage, column: column, message: "a level order cannot be combined with a band (bands are ordered)",
                    hint: "drop one of the two")
            }
            if Set(order).count != order.count {
                throw DataError(.usage, column: column, message: "the level order lists a value twice: \(_Quoting.list(order))", hint: "list each value once")
            }
        }
    }

    /// The delimiter to use: explicit (checked against the header) or sniffed.
    func chooseDelimiter(_ sample: UnsafeBufferPointer<UInt8>, isComplete: Bool, file: String) throws(DataError) -> CSVDialect.Delimiter {
        if dialect.delimiter == .auto {
            let sniffed = _DelimiterSniffer.sniff(sample, isComplete: isComplete)
            if dialect.decimalComma && sniffed == .comma {
                throw DataError(
                    .usage, file: file,
                    message: "--decimal-comma needs a ';' or tab delimiter, but the file looks comma-separated",
                    hint: "drop --decimal-comma, or give --delimiter ';' if the file really is ';'-separated")
            }
            return sniffed
        }
        guard let chosen = dialect.delimiter.byte else { return .comma }
        let headerFields = _DelimiterSniffer.fieldCounts(sample, delimiter: chosen, maxRecords: 1, isComplete: isComplete).first ?? 1
        if headerFields == 1 {
            // A header with ';' and no ',' is read as ';'-separated (the usual export of a locale
            // with decimal commas); the reader says so in its notes.
            if dialect.delimiter == .comma, let byte = CSVDialect.Delimiter.semicolon.byte,
                (_DelimiterSniffer.fieldCounts(sample, delimiter: byte, maxRecords: 1, isComplete: isComplete).first ?? 1) > 1
            {
                return .semicolon
            }
            for other in _DelimiterSniffer.candidates where other != dialect.delimiter {
                guard let byte = other.byte else { continue }
                let count = _DelimiterSniffer.fieldCounts(sample, delimiter: byte, maxRecords: 1, isComplete: isComplete).first ?? 1
                if count > 1 {
                    let shown = other == .tab ? "tab" : "'\(other.optionSpelling)'"
                    throw DataError(
                        .usage, file: file, line: 1,
                        message: "the file looks \(shown)-separated: the header has no \(dialect.delimiter.name) but \(count) \(shown)-separated names",
                        hint: "use --delimiter \(other == .tab ? "tab" : "'\(other.optionSpelling)'") (or --delimiter auto to detect it)")
                }
            }
        }
        return dialect.delimiter
    }

    /// The index of each column name.
    /// - Throws: ``DataError`` (bad data) for a name given twice.
    static func columnPositions(_ header: [String], file: String, line: Int) throws(DataError) -> [String: Int] {
        var positions: [String: Int] = [:]
        for (k, name) in header.enumerated() {
            if let first = positions[name] {
                throw DataError(
                    .badData, file: file, line: line, column: name, columnNumber: k + 1,
                    message: "duplicate column name (also column \(first + 1))",
                    hint: "rename one of the columns so that every name is unique")
            }
            positions[name] = k
        }
        return positions
    }

    /// The index of the column `name` of `option`.
    /// - Throws: ``DataError`` (usage) listing the columns there are, with a near miss when there is one.
    static func findColumn(
        _ name: String, option: String, positions: [String: Int], header: [String], file: String
    ) throws(DataError) -> Int {
        if let k = positions[name] { return k }
        var hint = "name an existing column with \(option)"
        if let near = header.first(where: { $0.lowercased() == name.lowercased() || $0.trimmingSpaces == name }) {
            hint = "did you mean '\(_Quoting.display(near))'? (names are case-sensitive) " + hint
        }
        throw DataError(
            .usage, file: file, column: name,
            message: "no such column (\(option)); the columns are \(_Quoting.list(header))", hint: hint)
    }

    /// When the first line is not the header (a title above the table), finds the line that holds the
    /// time column (``ColumnRoles/headerAnchor``) among the first lines and says to skip the lines above it.
    /// - Throws: ``DataError`` of kind `.usage` naming that line and `--skip-lines N`; nothing when no
    ///   later line holds the time column (the missing column is then reported as such).
    func locateHeader(_ head: [UInt8], delimiter: UInt8, file: String) throws(DataError) {
        let lines = head.split(omittingEmptySubsequences: false) { $0 == UInt8(ascii: "\n") }.prefix(20)
        for (index, line) in lines.enumerated() where index > 0 {
            let names = line.split(separator: delimiter, omittingEmptySubsequences: false).map { field in
                String(decoding: field, as: UTF8.self).trimmingCharacters(in: CharacterSet(charactersIn: " \t\r\""))
            }
            guard names.contains(roles.headerAnchor) else { continue }
            let skip = index + dialect.skipLines
            throw DataError(
                .usage, file: file, line: skip + 1,
                message: "the header seems to start on line \(skip + 1): the lines above it look like a title",
                hint: "add --skip-lines \(skip)")
        }
    }

    /// Finds the role columns in the header; rejects duplicate names and unknown columns.
    func resolveColumns(header: [String], file: String, line: Int) throws(DataError) -> _Layout {
        let positions = try Self.columnPositions(header, file: file, line: line)
        func find(_ name: String, option: String) throws(DataError) -> Int {
            try Self.findColumn(name, option: option, positions: positions, header: header, file: file)
        }
        let time = roles.readsOutcome ? try find(roles.time, option: "--time") : nil
        let event = roles.readsOutcome ? try find(roles.event, option: "--event") : nil
        let start = roles.readsOutcome ? try roles.start.map { name throws(DataError) in try find(name, option: "--start") } : nil
        var groups: [Int] = []
        for name in roles.by { groups.append(try find(name, option: "--by")) }
        if let strata = roles.strata { groups.append(try find(strata, option: "--strata")) }
        var id: Int?
        if let name = roles.id {
            if let k = positions[name] {
                id = k
            } else if name != ColumnRoles.defaultID {
                id = try find(name, option: "--id")
            }
        }
        var cuts: [Int: [Double]] = [:]
        for (name, points) in roles.bands {
            if let k = positions[name] { cuts[k] = points }
        }
        var covariates: [Int] = []
        for name in roles.covariates {
            let k = try find(name, option: "--formula")
            if !covariates.contains(k) { covariates.append(k) }
        }
        if let start, start == time {
            throw DataError(.usage, file: file, column: roles.time, message: "--start and --time name the same column",
                            hint: "give the entry time with --start and the stop time with --time")
        }
        return _Layout(time: time, event: event, start: start, groups: groups, id: id, bandCuts: cuts, covariates: covariates)
    }
}
