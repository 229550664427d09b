/// A moment of a clinical record: a calendar date with an optional time of day, as days since
/// 1970-01-01 00:00, the time of day as a fraction of a day.
///
/// No time zone and no daylight saving: every date of a file is read on one local clock, so a
/// difference of two dates is the number of calendar days between them (plus the hours as a fraction),
/// which is what a relief duration counts. Dates follow the proleptic Gregorian calendar (years 1–9999).
///
/// ```swift
/// let infusion = try ClinicalDate.parse("2026-03-14T09:30")
/// let end = try ClinicalDate.parse("2026-03-28")
/// end.days - infusion.days      // 13.604166…
/// infusion.description          // "2026-03-14T09:30"
/// ```
public struct ClinicalDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Days since 1970-01-01 00:00; the time of day is the fractional part (`0.5` = noon).
    public let days: Double

    /// A date from its number of days since 1970-01-01.
    /// - Parameter days: Days since 1970-01-01 00:00 (the time of day as a fraction).
    public init(days: Double) {
        self.days = days
    }

    /// A calendar date and time, or `nil` when it does not exist (February 30, month 13, hour 24).
    /// - Parameters:
    ///   - year: 1...9999.
    ///   - month: 1...12.
    ///   - day: 1 to the month's length (29 in February of a leap year).
    ///   - hour: 0...23.
    ///   - minute: 0...59.
    ///   - second: 0...59.
    public init?(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0) {
        guard (1...9999).contains(year), (1...12).contains(month), day >= 1, day <= Self.daysIn(month: month, year: year),
            (0...23).contains(hour), (0...59).contains(minute), (0...59).contains(second)
        else { return nil }
        let seconds = hour * 3600 + minute * 60 + second
        days = Double(Self.dayNumber(year: year, month: month, day: day)) + Double(seconds) / 86_400
    }

    public static func < (lhs: ClinicalDate, rhs: ClinicalDate) -> Bool { lhs.days < rhs.days }

    /// Whether `year` is a leap year of the Gregorian calendar (divisible by 4, not by 100 unless by 400).
    public static func isLeapYear(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    /// The number of days of `month` (1...12) in `year`; 0 for a month outside 1...12.
    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 1, 3, 5, 7, 8, 10, 12: return 31
        case 4, 6, 9, 11: return 30
        case 2: return isLeapYear(year) ? 29 : 28
        default: return 0
        }
    }

    /// Days from 1970-01-01 to a civil date (H. Hinnant, "chrono-compatible low-level date algorithms").
    /// - Complexity: O(1).
    static func dayNumber(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The civil date of a day number (the inverse of ``dayNumber(year:month:day:)``).
    /// - Complexity: O(1).
    static func civil(_ dayNumber: Int) -> (year: Int, month: Int, day: Int) {
        let z = dayNumber + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// ISO 8601: `2026-03-14` at midnight, else `2026-03-14T09:30`, or `2026-03-14T09:30:15` when the
    /// time has seconds (rounded to the nearest second).
    public var description: String {
        var bytes: [UInt8] = []
        appendISO8601(to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends ``description``'s bytes.
    /// - Parameter bytes: The buffer to append to.
    /// - Complexity: O(1).
    public func appendISO8601(to bytes: inout [UInt8]) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 32) { buffer in
            guard let base = buffer.baseAddress else { return }
            var p = base
            writeISO8601(to: &p)
            bytes.append(contentsOf: UnsafeBufferPointer(start: base, count: p - base))
        }
    }

    /// Writes ``description``'s bytes at `p` (at most 24), advancing it.
    @inline(__always)
    func writeISO8601(to p: inout UnsafeMutablePointer<UInt8>) {
        guard days.isFinite, abs(days) < 1e8 else {
            for byte in "\(days)".utf8.prefix(24) {
                p.pointee = byte
                p += 1
            }
            return
        }
        var dayNumber = Int(days.rounded(.down))
        var seconds = Int(((days - Double(dayNumber)) * 86_400).rounded())
        if seconds >= 86_400 {
            dayNumber += 1
            seconds -= 86_400
        }
        let (year, month, day) = Self.civil(dayNumber)
        Self.writeDigits(year, count: 4, to: &p)
        p.pointee = UInt8(ascii: "-")
        p += 1
        Self.writeDigits(month, count: 2, to: &p)
        p.pointee = UInt8(ascii: "-")
        p += 1
        Self.writeDigits(day, count: 2, to: &p)
        guard seconds > 0 else { return }
        p.pointee = UInt8(ascii: "T")
        p += 1
        Self.writeDigits(seconds / 3600, count: 2, to: &p)
        p.pointee = UInt8(ascii: ":")
        p += 1
        Self.writeDigits(seconds / 60 % 60, count: 2, to: &p)
        if seconds % 60 != 0 {
            p.pointee = UInt8(ascii: ":")
            p += 1
            Self.writeDigits(seconds % 60, count: 2, to: &p)
        }
    }

    /// Writes the `count` last decimal digits of `abs(value)`, zero-padded, advancing `p`.
    @inline(__always)
    private static func writeDigits(_ value: Int, count: Int, to p: inout UnsafeMutablePointer<UInt8>) {
        var rest = value.magnitude
        var k = count - 1
        while k >= 0 {
            p[k] = UInt8(truncatingIfNeeded: rest % 10) &+ UInt8(ascii: "0")
            rest /= 10
            k -= 1
        }
        p += count
    }
}
