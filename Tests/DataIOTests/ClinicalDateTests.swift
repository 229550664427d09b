import Testing
@testable import DataIO

/// The strict date parser (`ClinicalDate.parse`) and its formats (`DateFormatSpec`).
@Suite("Clinical dates")
struct ClinicalDateTests {
    /// Days since 1970-01-01 of a calendar date (integers: exact in a Double).
    static func day(_ year: Int, _ month: Int, _ day: Int) -> Double {
        Double(ClinicalDate.dayNumber(year: year, month: month, day: day))
    }

    static func parse(_ text: String, _ format: DateFormatSpec = .iso) throws(DateParseError) -> Double {
        try ClinicalDate.parse(text, format: format).days
    }

    /// The reason a text is refused, or `nil` (recorded as an issue) when it is accepted.
    static func reason(_ text: String, _ format: DateFormatSpec = .iso, sourceLocation: SourceLocation = #_sourceLocation)
        -> DateParseError?
    {
        do {
            let date = try ClinicalDate.parse(text, format: format)
            Issue.record("'\(text)' was read as \(date)", sourceLocation: sourceLocation)
            return nil
        } catch {
            return error
        }
    }

    @Test("the epoch and known day numbers")
    func dayNumbers() throws {
        #expect(try Self.parse("1970-01-01") == 0)
        #expect(try Self.parse("1970-01-02") == 1)
        #expect(try Self.parse("1969-12-31") == -1)
        #expect(try Self.parse("2000-03-01") == 11_017)
        #expect(try Self.parse("2026-03-14") == 20_526)
        #expect(try Self.parse("2024-03-15") == 19_797)
    }

    @Test("day numbers and calendar dates are inverse over eight centuries")
    func civilRoundTrip() {
        var number = ClinicalDate.dayNumber(year: 1600, month: 1, day: 1)
        let last = ClinicalDate.dayNumber(year: 2400, month: 12, day: 31)
        var previous = ClinicalDate.civil(number - 1)
        var mismatches = 0
        while number <= last {
            let (year, month, day) = ClinicalDate.civil(number)
            let consecutive = day > 1 ? previous.day == day - 1 && previous.month == month : previous.day == ClinicalDate.daysIn(month: previous.month, year: previous.year)
            if ClinicalDate.dayNumber(year: year, month: month, day: day) != number || !consecutive
                || ClinicalDate(year: year, month: month, day: day) == nil
            {
                mismatches += 1
            }
            previous = (year, month, day)
            number += 1
        }
        #expect(mismatches == 0)
        #expect(last - ClinicalDate.dayNumber(year: 1600, month: 1, day: 1) + 1 == 801 * 365 + 195)
    }

    @Test("every format reads the same date", arguments: [
        ("2026-03-14", DateFormatSpec.iso),
        ("14/03/2026", DateFormatSpec.dayMonthYear),
        ("03/14/2026", DateFormatSpec.monthDayYear),
        ("14.03.2026", DateFormatSpec.dottedDayMonthYear),
        ("4/3/2026", DateFormatSpec.monthDayYear),
    ])
    func formats(text: String, format: DateFormatSpec) throws {
        let expected = text == "4/3/2026" ? Self.day(2026, 4, 3) : Self.day(2026, 3, 14)
        #expect(try Self.parse(text, format) == expected)
    }

    @Test("one-digit day and month outside ISO 8601")
    func shortFields() throws {
        #expect(try Self.parse("4/3/2026", .dayMonthYear) == Self.day(2026, 3, 4))
        #expect(try Self.parse("4.3.2026 9:05", .dottedDayMonthYear) == Self.day(2026, 3, 4) + Double(9 * 3600 + 5 * 60) / 86_400)
        #expect(Self.reason("2026-3-14")?.reason == .notADate)
        #expect(Self.reason("2026-03-14 9:30")?.reason == .notADate)
        #expect(Self.reason("14/03/26", .dayMonthYear)?.reason == .notADate)
    }

    @Test("times of day: T or a space, minutes or seconds, as a fraction of the day")
    func timesOfDay() throws {
        let base = Self.day(2026, 3, 14)
        #expect(try Self.parse("2026-03-14T09:30") == base + 34_200.0 / 86_400)
        #expect(try Self.parse("2026-03-14 09:30") == base + 34_200.0 / 86_400)
        #expect(try Self.parse("2026-03-14 09:30:00") == base + 34_200.0 / 86_400)
        #expect(try Self.parse("2026-03-14T23:59:59") == base + 86_399.0 / 86_400)
        #expect(try Self.parse("2026-03-14 12:00") == base + 0.5)
        #expect(try Self.parse("14/03/2026 09:30", .dayMonthYear) == base + 34_200.0 / 86_400)
        #expect(Self.reason("14/03/2026T09:30", .dayMonthYear)?.reason == .notADate)
        let difference = try Self.parse("2026-03-28 00:00") - Self.parse("2026-03-14T09:30")
        #expect(abs(difference - (13 + 52_200.0 / 86_400)) < 1e-9)
    }

    @Test("a time zone, fractional seconds or two spaces are refused")
    func strictTimes() {
        for text in ["2026-03-14T09:30Z", "2026-03-14T09:30+01:00", "2026-03-14 09:30:00.000", "2026-03-14  09:30", "2026-03-14 0930"] {
            let error = Self.reason(text)
            #expect(error?.reason == .notADate, "\(text)")
        }
        #expect(Self.reason("2026-03-14T09:30Z")?.hint?.contains("no time zone") == true)
    }

    @Test("a required time of day")
    func requiredTime() throws {
        let format = try DateFormatSpec(parsing: "%d/%m/%Y %H:%M")
        #expect(format.requiresTime)
        #expect(try Self.parse("14/03/2026 09:30", format) == Self.day(2026, 3, 14) + 34_200.0 / 86_400)
        let error = Self.reason("14/03/2026", format)
        #expect(error?.reason == .missingTimeOfDay)
        #expect(error?.message.contains("%d/%m/%Y %H:%M") == true)
        #expect(try Self.parse("2026-03-14", .iso) == Self.day(2026, 3, 14))
        #expect(Self.reason("2026-03-14", try DateFormatSpec(parsing: "%Y-%m-%d %H:%M"))?.reason == .missingTimeOfDay)
    }

    @Test("leap years: divisible by 4, not by 100 unless by 400")
    func leapYears() throws {
        #expect(try Self.parse("2024-02-29") == Self.day(2024, 3, 1) - 1)
        #expect(try Self.parse("2000-02-29") == Self.day(2000, 3, 1) - 1)
        #expect(try Self.parse("29/02/2028", .dayMonthYear) == Self.day(2028, 3, 1) - 1)
        for text in ["2025-02-29", "1900-02-29", "2100-02-29"] {
            let error = Self.reason(text)
            #expect(error?.reason == .impossibleDate, "\(text)")
            #expect(error?.message.contains("has 28 days") == true)
        }
        #expect(ClinicalDate.isLeapYear(2024) && ClinicalDate.isLeapYear(2000))
        #expect(!ClinicalDate.isLeapYear(1900) && !ClinicalDate.isLeapYear(2026))
    }

    @Test("impossible dates and times", arguments: [
        "2026-02-30", "2026-04-31", "2026-13-01", "2026-00-10", "2026-03-00", "0000-01-01", "2026-03-14 24:00",
        "2026-03-14 12:60", "2026-03-14 12:30:60",
    ])
    func impossible(text: String) {
        let error = Self.reason(text)
        #expect(error?.reason == .impossibleDate)
        #expect(error?.message.hasPrefix("'\(text)' is not a real date or time") == true)
    }

    @Test("an impossible day/month date that the other order reads says so")
    func swappedOrderHint() {
        let error = Self.reason("03/25/2026", .dayMonthYear)
        #expect(error?.reason == .impossibleDate)
        #expect(error?.message.contains("there is no month 25") == true)
        #expect(error?.hint?.contains("%m/%d/%Y (2026-03-25)") == true)
    }

    @Test("an ambiguous day/month order without a format names both readings and both formats")
    func ambiguous() {
        let error = Self.reason("03/04/2026")
        #expect(error?.reason == .ambiguousDayMonth)
        #expect(error?.isFormatProblem == true)
        #expect(error?.message.contains("2026-04-03 read as %d/%m/%Y") == true)
        #expect(error?.message.contains("2026-03-04 read as %m/%d/%Y") == true)
        #expect(error?.hint == "give the file's order with --date-format '%d/%m/%Y' or --date-format '%m/%d/%Y'")
        // With a format, the same text is one date.
        #expect((try? Self.parse("03/04/2026", .dayMonthYear)) == Self.day(2026, 4, 3))
        #expect((try? Self.parse("03/04/2026", .monthDayYear)) == Self.day(2026, 3, 4))
    }

    @Test("a date of another supported format is refused with that format named")
    func otherFormats() {
        #expect(Self.reason("25/03/2026")?.reason == .otherFormat(pattern: "%d/%m/%Y"))
        #expect(Self.reason("03/25/2026")?.reason == .otherFormat(pattern: "%m/%d/%Y"))
        #expect(Self.reason("14.03.2026")?.reason == .otherFormat(pattern: "%d.%m.%Y"))
        #expect(Self.reason("25/03/2026 09:30")?.hint == "give the format of the file's dates with --date-format '%d/%m/%Y'")
        let iso = Self.reason("2026-03-14", .dayMonthYear)
        #expect(iso?.reason == .otherFormat(pattern: "iso"))
        #expect(iso?.hint == "drop --date-format (ISO 8601 is the default)")
        let same = Self.reason("03/03/2026")
        #expect(same?.reason == .otherFormat(pattern: "%d/%m/%Y"))
        #expect(same?.hint?.contains("'%d/%m/%Y' or --date-format '%m/%d/%Y'") == true)
    }

    @Test("spreadsheet serial numbers are refused with a hint to export ISO text")
    func excelSerials() {
        let error = Self.reason("45366")
        #expect(error?.reason == .excelSerial)
        #expect(error?.isFormatProblem == true)
        #expect(error?.message.contains("45366 is 2024-03-15") == true)
        #expect(error?.hint?.contains("ISO format (YYYY-MM-DD)") == true)
        #expect(Self.reason("45366.375")?.reason == .excelSerial)
        #expect(Self.reason("12", .dayMonthYear)?.reason == .excelSerial)
        let compact = Self.reason("20260314")
        #expect(compact?.reason == .notADate)
        #expect(compact?.hint?.contains("2026-03-14") == true)
    }

    @Test("spaces and tabs around a date are ignored; an empty text is refused")
    func whitespace() throws {
        #expect(try Self.parse("  2026-03-14\t") == Self.day(2026, 3, 14))
        #expect(try Self.parse("\t14/03/2026 09:30 ", .dayMonthYear) == Self.day(2026, 3, 14) + 34_200.0 / 86_400)
        #expect(Self.reason("")?.reason == .empty)
        #expect(Self.reason("   ")?.reason == .empty)
        #expect(Self.reason("2026 -03-14")?.reason == .notADate)
        #expect(Self.reason("\u{00A0}2026-03-14")?.reason == .notADate)
        #expect(Self.reason("soon")?.message == "'soon' is not a date in the format ISO 8601 (YYYY-MM-DD)")
    }

    @Test("the format patterns")
    func patterns() throws {
        #expect(try DateFormatSpec(parsing: "iso") == .iso)
        #expect(try DateFormatSpec(parsing: "") == .iso)
        #expect(try DateFormatSpec(parsing: "%Y-%m-%d") == .iso)
        #expect(try DateFormatSpec(parsing: " %d.%m.%Y ") == .dottedDayMonthYear)
        for pattern in ["%d/%m/%Y", "%m/%d/%Y", "%d.%m.%Y", "%d/%m/%Y %H:%M", "%Y-%m-%d %H:%M"] {
            #expect(try DateFormatSpec(parsing: pattern).pattern == pattern)
        }
        #expect(DateFormatSpec.iso.argument == "iso")
        for pattern in ["%Y/%m/%d", "dd/mm/yyyy", "%d/%m/%y", "%d/%m/%Y %H:%M:%S"] {
            do {
                _ = try DateFormatSpec(parsing: pattern)
                Issue.record("\(pattern) was accepted")
            } catch {
                #expect(error.kind == .usage)
                #expect(error.message.contains("'%d/%m/%Y', '%m/%d/%Y', '%d.%m.%Y'"))
            }
        }
    }

    @Test("ISO 8601 text of a date: the time only when it is not midnight, seconds only when there are some")
    func description() {
        #expect(ClinicalDate(year: 2026, month: 3, day: 14)?.description == "2026-03-14")
        #expect(ClinicalDate(year: 2026, month: 3, day: 14, hour: 9, minute: 30)?.description == "2026-03-14T09:30")
        #expect(ClinicalDate(year: 2026, month: 3, day: 14, hour: 9, minute: 30, second: 15)?.description == "2026-03-14T09:30:15")
        #expect(ClinicalDate(year: 1969, month: 12, day: 31, hour: 23, minute: 59, second: 59)?.description == "1969-12-31T23:59:59")
        #expect(ClinicalDate(days: 20_526 + 86_399.9 / 86_400).description == "2026-03-15")
        #expect(ClinicalDate(year: 2026, month: 2, day: 29) == nil)
        #expect(ClinicalDate(year: 2026, month: 3, day: 14, hour: 24) == nil)
        #expect(ClinicalDate(year: 10_000, month: 1, day: 1) == nil)
    }
}
