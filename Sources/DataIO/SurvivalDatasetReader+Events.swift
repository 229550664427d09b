/// Event coding: 1/0, explicit codes, and the error for any other coding.
extension SurvivalDatasetReader {
    /// The status of an event token: 0 censored, 1 ended, 2 missing, 3 invalid.
    func eventStatusOf(_ events: _TokenColumn, token: Int) -> UInt8 {
        if events.isMissing(token) { return 2 }
        if let codes = roles.eventCodes {
            let text = events.dictionary.string(token)
            if codes.ended.contains(text) { return 1 }
            if codes.censored.contains(text) { return 0 }
            return 3
        }
        return events.dictionary.withKey(token) { p, n in Self.plainBinary(p, n, decimalComma: dialect.decimalComma) }
    }

    /// `1`, `0`, `1.0`, `0.00` (or `1,0` with a decimal comma) -> 1 or 0; anything else 3.
    private static func plainBinary(_ p: UnsafePointer<UInt8>, _ n: Int, decimalComma: Bool) -> UInt8 {
        guard n >= 1, p[0] == UInt8(ascii: "0") || p[0] == UInt8(ascii: "1") else { return 3 }
        if n == 1 { return p[0] &- UInt8(ascii: "0") }
        let mark = decimalComma ? UInt8(ascii: ",") : UInt8(ascii: ".")
        guard p[1] == mark, n >= 3 else { return 3 }
        for k in 2..<n where p[k] != UInt8(ascii: "0") { return 3 }
        return p[0] &- UInt8(ascii: "0")
    }

    /// After the first bad event value: keeps reading the event column only, to list its distinct
    /// values (stops at the end of the file or after 12 distinct values).
    func collectEventTokens(parser: _CSVRecordParser, events: _TokenColumn, missing: _MissingMatcher, decimalMark: UInt8) {
        while events.dictionary.count <= 12 {
            guard let more = try? parser.nextRecord(), more else { return }
            guard parser.hasField(events.index) else { continue }
            let (p, n) = parser.field(events.index)
            _ = try? events.token(p, n, line: parser.recordLine, missing: missing, decimalMark: decimalMark)
        }
    }

    /// The error for an event column with an unsupported coding.
    func eventCodingError(events: _TokenColumn, header: [String], firstLine: Int, file: String) -> DataError {
        var found: [String] = []
        for token in 0..<events.dictionary.count where !events.isMissing(token) {
            found.append(events.dictionary.string(token))
        }
        let distinct = Array(Set(found)).sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
        let shown = distinct.prefix(10).map { "'\(_Quoting.display($0))'" }.joined(separator: ", ")
            + (distinct.count > 10 ? ", …" : "")
        let expected = roles.eventCodes == nil
            ? "event values must be 1 (relief ended) or 0 (censored)"
            : "event values must be one of the --event-codes values"
        let message = "\(expected); found \(shown)"
        var hint = Self.eventCodesHint(distinct)
        let someValid = (0..<events.dictionary.count).contains { eventStatusOf(events, token: $0) <= 1 }
        if someValid {
            hint += "; or, if only a few values are wrong, use --skip-invalid to exclude those rows (each is listed)"
        }
        return DataError(
            .badData, file: file, line: firstLine, column: roles.event, columnNumber: events.index + 1,
            message: message, hint: hint)
    }

    /// A suggestion built from the values actually found; never applied automatically.
    static func eventCodesHint(_ values: [String]) -> String {
        if Set(values) == ["1", "2"] {
            return "is this R's legacy coding 1=censored 2=ended? If so use --event-codes ended=2 censored=1"
        }
        let positive: Set<String> = ["yes", "y", "true", "t", "ended", "end", "event", "relapse", "relapsed", "failed", "failure", "dead", "died"]
        let negative: Set<String> = ["no", "n", "false", "f", "censored", "censor", "ongoing", "alive", "none"]
        let ended = values.filter { positive.contains($0.lowercased()) }
        let censored = values.filter { negative.contains($0.lowercased()) }
        if !ended.isEmpty, !censored.isEmpty, ended.count + censored.count == values.count {
            return "map the values explicitly, e.g. --event-codes ended=\(ended.joined(separator: ",")) censored=\(censored.joined(separator: ","))"
        }
        return "map the values explicitly with --event-codes ended=VALUE censored=VALUE (e.g. --event-codes ended=yes censored=no)"
    }
}
