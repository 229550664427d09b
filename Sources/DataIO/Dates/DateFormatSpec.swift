/// How the dates of a CSV column are written: ISO 8601 (the default) or one of three day/month orders,
/// each with an optional or a required time of day.
///
/// | pattern | reads | time of day |
/// |---|---|---|
/// | `iso`, `%Y-%m-%d` | `2026-03-14` | optional: `2026-03-14T09:30`, `2026-03-14 09:30:15` |
/// | `%d/%m/%Y` | `14/03/2026`, `4/3/2026` | optional: `14/03/2026 09:30` |
/// | `%m/%d/%Y` | `03/14/2026` | optional |
/// | `%d.%m.%Y` | `14.03.2026` | optional |
///
/// Each pattern may end in ` %H:%M`, which makes the time of day required (`%Y-%m-%d %H:%M`,
/// `%d/%m/%Y %H:%M`, ...). A time of day is `HH:MM` or `HH:MM:SS` (24-hour clock), after one space, or
/// after `T` in ISO 8601. ISO 8601 dates have exactly two digits for month, day and hour; the other
/// orders also take one (`4/3/2026 9:30`). Years have four digits. Nothing else is accepted: no month
/// names, no two-digit years, no time zones, no fractions of a second.
///
/// ```swift
/// let format = try DateFormatSpec(parsing: "%d/%m/%Y")
/// let date = try ClinicalDate.parse("14/03/2026 09:30", format: format)   // 2026-03-14T09:30
/// ```
public struct DateFormatSpec: Sendable, Hashable, CustomStringConvertible {
    /// The order of year, month and day.
    public enum Order: Sendable, Hashable, CaseIterable {
        /// `YYYY-MM-DD` (ISO 8601).
        case yearMonthDay
        /// `DD/MM/YYYY` or `DD.MM.YYYY`.
        case dayMonthYear
        /// `MM/DD/YYYY`.
        case monthDayYear
    }

    /// The order of the date's fields.
    public let order: Order
    /// The byte between the date's fields: `-` (ISO 8601), `/` or `.`.
    public let separator: UInt8
    /// Whether every value must have a time of day (the pattern ends in ` %H:%M`).
    public let requiresTime: Bool

    /// ISO 8601: `2026-03-14`, with an optional time of day (`2026-03-14T09:30`, `2026-03-14 09:30:00`).
    public static let iso = DateFormatSpec(order: .yearMonthDay, separator: UInt8(ascii: "-"), requiresTime: false)
    /// `14/03/2026` (day first).
    public static let dayMonthYear = DateFormatSpec(order: .dayMonthYear, separator: UInt8(ascii: "/"), requiresTime: false)
    /// `03/14/2026` (month first).
    public static let monthDayYear = DateFormatSpec(order: .monthDayYear, separator: UInt8(ascii: "/"), requiresTime: false)
    /// `14.03.2026` (day first, dots).
    public static let dottedDayMonthYear = DateFormatSpec(order: .dayMonthYear, separator: UInt8(ascii: "."), requiresTime: false)

    /// The date patterns accepted by ``init(parsing:)`` (each also with ` %H:%M`), for messages.
    public static let patterns = ["%Y-%m-%d", "%d/%m/%Y", "%m/%d/%Y", "%d.%m.%Y"]

    /// The four date formats, each with an optional time of day.
    static let all: [DateFormatSpec] = [.iso, .dayMonthYear, .monthDayYear, .dottedDayMonthYear]

    private init(order: Order, separator: UInt8, requiresTime: Bool) {
        self.order = order
        self.separator = separator
        self.requiresTime = requiresTime
    }

    /// Parses a pattern: `iso` (or an empty text), `%Y-%m-%d`, `%d/%m/%Y`, `%m/%d/%Y` or `%d.%m.%Y`,
    /// each optionally followed by ` %H:%M` (then a time of day is required).
    /// - Parameter pattern: The pattern as given (`--date-format`); spaces around it are ignored.
    /// - Throws: ``DataError`` of kind usage naming the accepted patterns.
    public init(parsing pattern: String) throws(DataError) {
        var text = pattern.trimmingSpaces
        if text.isEmpty || text.lowercased() == "iso" {
            self = .iso
            return
        }
        let timed = text.hasSuffix(" %H:%M")
        if timed { text = String(text.dropLast(" %H:%M".count)).trimmingSpaces }
        guard let index = Self.patterns.firstIndex(of: text) else {
            throw DataError(
                .usage,
                message: "--date-format '\(_Quoting.display(pattern))' is not supported; use iso (the default), "
                    + Self.patterns.dropFirst().map { "'\($0)'" }.joined(separator: ", ")
                    + ", each optionally followed by ' %H:%M' (e.g. --date-format '%d/%m/%Y %H:%M')")
        }
        let base = Self.all[index]
        self.init(order: base.order, separator: base.separator, requiresTime: timed)
    }

    /// The pattern: `%Y-%m-%d`, `%d/%m/%Y %H:%M`, ...
    public var pattern: String {
        let date: String
        switch order {
        case .yearMonthDay: date = "%Y-%m-%d"
        case .dayMonthYear: date = separator == UInt8(ascii: ".") ? "%d.%m.%Y" : "%d/%m/%Y"
        case .monthDayYear: date = "%m/%d/%Y"
        }
        return requiresTime ? date + " %H:%M" : date
    }

    /// How the format is named in messages: `ISO 8601 (YYYY-MM-DD)` or the pattern.
    public var description: String {
        order == .yearMonthDay && !requiresTime ? "ISO 8601 (YYYY-MM-DD)" : pattern
    }

    /// The format as `--date-format` takes it: `iso` or the pattern.
    public var argument: String { self == .iso ? "iso" : pattern }

    /// The same date order with an optional time of day.
    var withOptionalTime: DateFormatSpec { DateFormatSpec(order: order, separator: separator, requiresTime: false) }
}
