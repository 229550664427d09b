/// The strict date parser: bytes in, days since 1970-01-01 out (no `DateFormatter`, no locale, no
/// allocation on the success path). See ``DateFormatSpec`` for the formats.
extension ClinicalDate {
    /// Parses a date (and time of day) written in `format`.
    ///
    /// Spaces and tabs around the text are ignored. A value of another supported format is refused with
    /// a hint naming it; `03/04/2026` without a format is refused as ambiguous (both readings are named);
    /// a number such as `45366` is refused as a spreadsheet serial number.
    /// - Parameters:
    ///   - text: The text, e.g. `2026-03-14`, `2026-03-14T09:30`, `14/03/2026 09:30:15`.
    ///   - format: The format, ISO 8601 by default.
    /// - Returns: The date.
    /// - Throws: ``DateParseError``.
    /// - Complexity: O(length of `text`).
    public static func parse(_ text: String, format: DateFormatSpec = .iso) throws(DateParseError) -> ClinicalDate {
        let bytes = Array(text.utf8)
        let result = bytes.withUnsafeBufferPointer { buffer -> Result<ClinicalDate, DateParseError> in
            guard let base = buffer.baseAddress else { return .failure(Self.diagnose("", format: format)) }
            return parse(base, buffer.count, format: format)
        }
        return try result.get()
    }

    /// Parses `p[0..<n]`; the failure is diagnosed only when it happens.
    /// - Complexity: O(n).
    static func parse(_ p: UnsafePointer<UInt8>, _ n: Int, format: DateFormatSpec) -> Result<ClinicalDate, DateParseError> {
        var start = 0
        var end = n
        while start < end, p[start] == 0x20 || p[start] == 0x09 { start += 1 }
        while end > start, p[end - 1] == 0x20 || p[end - 1] == 0x09 { end -= 1 }
        if case .date(let days) = scan(p + start, end - start, format: format) {
            return .success(ClinicalDate(days: days))
        }
        let text = String(decoding: UnsafeBufferPointer(start: p + start, count: end - start), as: UTF8.self)
        return .failure(diagnose(text, format: format))
    }

    /// What one format makes of a trimmed text.
    enum _Scan {
        case date(Double)
        /// The text has another shape.
        case mismatch
        /// The shape fits but a field is out of range: what (e.g. `February 2026 has 28 days`).
        case impossible(String)
        /// The date fits but the format requires a time of day.
        case missingTime
    }

    /// Reads `p[0..<n]` in `format`.
    @inline(__always)
    static func scan(_ p: UnsafePointer<UInt8>, _ n: Int, format: DateFormatSpec) -> _Scan {
        var i = 0
        var year = 0, month = 0, day = 0
        if format.order == .yearMonthDay {
            guard n >= 10, let y = digits(p, &i, n, min: 4, max: 4), p[i] == UInt8(ascii: "-") else { return .mismatch }
            i += 1
            guard let m = digits(p, &i, n, min: 2, max: 2), i < n, p[i] == UInt8(ascii: "-") else { return .mismatch }
            i += 1
            guard let d = digits(p, &i, n, min: 2, max: 2) else { return .mismatch }
            (year, month, day) = (y, m, d)
        } else {
            guard let a = digits(p, &i, n, min: 1, max: 2), i < n, p[i] == format.separator else { return .mismatch }
            i += 1
            guard let b = digits(p, &i, n, min: 1, max: 2), i < n, p[i] == format.separator else { return .mismatch }
            i += 1
            guard let y = digits(p, &i, n, min: 4, max: 4) else { return .mismatch }
            (year, month, day) = format.order == .dayMonthYear ? (y, b, a) : (y, a, b)
        }
        var seconds = 0
        if i == n {
            if format.requiresTime { return .missingTime }
        } else {
            let iso = format.order == .yearMonthDay
            guard p[i] == 0x20 || (iso && p[i] == UInt8(ascii: "T")) else { return .mismatch }
            i += 1
            guard let hour = digits(p, &i, n, min: iso ? 2 : 1, max: 2), i < n, p[i] == UInt8(ascii: ":") else { return .mismatch }
            i += 1
            guard let minute = digits(p, &i, n, min: 2, max: 2) else { return .mismatch }
            var second = 0
            if i < n {
                guard p[i] == UInt8(ascii: ":") else { return .mismatch }
                i += 1
                guard let s = digits(p, &i, n, min: 2, max: 2) else { return .mismatch }
                second = s
            }
            guard i == n else { return .mismatch }
            if hour > 23 { return .impossible("there is no hour \(hour) (the clock runs 00:00 to 23:59)") }
            if minute > 59 { return .impossible("there is no minute \(minute)") }
            if second > 59 { return .impossible("there is no second \(second)") }
            seconds = hour * 3600 + minute * 60 + second
        }
        if year < 1 { return .impossible("there is no year 0") }
        if month < 1 || month > 12 { return .impossible("there is no month \(month)") }
        let length = daysIn(month: month, year: year)
        if day < 1 || day > length {
            return .impossible(day < 1 ? "there is no day 0" : "\(monthNames[month - 1]) \(year) has \(length) days")
        }
        return .date(Double(dayNumber(year: year, month: month, day: day)) + Double(seconds) / 86_400)
    }

    /// Reads `min`...`max` ASCII digits at `i` (advancing it); `nil` when there are fewer or more.
    @inline(__always)
    private static func digits(_ p: UnsafePointer<UInt8>, _ i: inout Int, _ n: Int, min: Int, max: Int) -> Int? {
        var value = 0
        var count = 0
        while i < n, p[i] >= 0x30, p[i] <= 0x39 {
            if count == max { return nil }
            value = value * 10 + Int(p[i] &- 0x30)
            count += 1
            i += 1
        }
        return count >= min ? value : nil
    }

    static let monthNames = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
        "December",
    ]

    // MARK: - Diagnosis (failure path only)

    /// Why `text` (trimmed) is not a date in `format`.
    static func diagnose(_ text: String, format: DateFormatSpec) -> DateParseError {
        if text.isEmpty {
            return DateParseError(.empty, value: text, message: "the date is empty (only spaces)", hint: "leave the cell empty or write a date")
        }
        let shown = "'\(_Quoting.display(text))'"
        let bytes = Array(text.utf8)
        switch bytes.withUnsafeBufferPointer({ scanAll($0, format: format) }) {
        case .impossible(let why):
            var hint = "correct the date"
            if format.separator == UInt8(ascii: "/"),
                let swapped = reading(bytes, format.order == .dayMonthYear ? .monthDayYear : .dayMonthYear)
            {
                hint = "it is a real date as \(swapped.format.pattern) (\(swapped.date)): check --date-format, or correct the date"
            }
            return DateParseError(.impossibleDate, value: text, message: "\(shown) is not a real date or time: \(why)", hint: hint)
        case .missingTime:
            return DateParseError(
                .missingTimeOfDay, value: text,
                message: "\(shown) has no time of day, which --date-format '\(format.pattern)' requires",
                hint: "add the time (HH:MM) after the date, or drop ' %H:%M' from --date-format")
        case .date, .mismatch:
            break
        }
        if let serial = excelSerial(text) {
            let meaning = serial.date.map { " (in a spreadsheet's 1900 date system \(text) is \($0))" } ?? ""
            return DateParseError(
                .excelSerial, value: text,
                message: "\(shown) is a number, not a date: it looks like a spreadsheet serial day number\(meaning)",
                hint: "export the dates as text in ISO format (YYYY-MM-DD): format the column as yyyy-mm-dd before saving the CSV")
        }
        let readings = DateFormatSpec.all.filter { $0.order != format.order || $0.separator != format.separator }
            .compactMap { reading(bytes, $0.order, separator: $0.separator) }
        let slashReadings = readings.filter { $0.format.separator == UInt8(ascii: "/") }
        if slashReadings.count == 2 {
            let (first, second) = (slashReadings[0], slashReadings[1])
            if first.date != second.date {
                return DateParseError(
                    .ambiguousDayMonth, value: text,
                    message: "\(shown) has an ambiguous day/month order: \(first.date) read as \(first.format.pattern), "
                        + "\(second.date) read as \(second.format.pattern)",
                    hint: "give the file's order with --date-format '\(first.format.pattern)' or --date-format '\(second.format.pattern)'")
            }
            return otherFormat(shown, text, format: format, patterns: [first.format.pattern, second.format.pattern])
        }
        if let only = readings.first {
            return otherFormat(shown, text, format: format, patterns: [only.format == .iso ? "iso" : only.format.pattern])
        }
        var hint = "write dates as YYYY-MM-DD (ISO 8601), with an optional time of day (2026-03-14T09:30), or give --date-format"
        if format != .iso { hint = "write dates as \(format.pattern), with an optional time of day (HH:MM or HH:MM:SS)" }
        if bytes.count == 8, bytes.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) {
            hint = "write the date with dashes, as YYYY-MM-DD (e.g. \(text.prefix(4))-\(text.dropFirst(4).prefix(2))-\(text.suffix(2)))"
        } else if bytes.contains(UInt8(ascii: ":")) {
            hint += "; a time of day is HH:MM or HH:MM:SS after the date, with no time zone and no fraction of a second"
        }
        return DateParseError(.notADate, value: text, message: "\(shown) is not a date in the format \(format)", hint: hint)
    }

    private static func otherFormat(_ shown: String, _ text: String, format: DateFormatSpec, patterns: [String]) -> DateParseError {
        let isISO = patterns == ["iso"]
        let named = patterns.map { "--date-format '\($0)'" }.joined(separator: " or ")
        let what = isISO ? "an ISO 8601 date" : patterns.count == 1 ? "a \(patterns[0]) date" : "a date of either day/month order"
        return DateParseError(
            .otherFormat(pattern: patterns[0]), value: text,
            message: "\(shown) is not a date in the format \(format), but \(what)",
            hint: isISO ? "drop --date-format (ISO 8601 is the default)" : "give the format of the file's dates with \(named)")
    }

    private static func scanAll(_ buffer: UnsafeBufferPointer<UInt8>, format: DateFormatSpec) -> _Scan {
        guard let base = buffer.baseAddress else { return .mismatch }
        return scan(base, buffer.count, format: format)
    }

    /// The date `bytes` make in the given order (optional time of day), if a real one.
    private static func reading(_ bytes: [UInt8], _ order: DateFormatSpec.Order, separator: UInt8 = UInt8(ascii: "/"))
        -> (format: DateFormatSpec, date: ClinicalDate)?
    {
        guard let format = DateFormatSpec.all.first(where: { $0.order == order && $0.separator == separator }),
            case .date(let days) = bytes.withUnsafeBufferPointer({ scanAll($0, format: format) })
        else { return nil }
        return (format, ClinicalDate(days: days))
    }

    /// A plain number that a spreadsheet would show as a date (1 to 2,958,465 = 9999-12-31), with that
    /// date in the 1900 date system (from serial 61 = 1900-03-01 on; `nil` below, where that system
    /// counts a 29 February 1900 that never was).
    private static func excelSerial(_ text: String) -> (value: Double, date: ClinicalDate?)? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, let whole = parts.first, !whole.isEmpty, whole.count <= 7,
            parts.allSatisfy({ $0.allSatisfy { $0 >= "0" && $0 <= "9" } }), let value = Double(text),
            value >= 1, value <= 2_958_465
        else { return nil }
        let date = value >= 61 ? ClinicalDate(days: Double(dayNumber(year: 1899, month: 12, day: 30)) + value) : nil
        return (value, date)
    }
}
