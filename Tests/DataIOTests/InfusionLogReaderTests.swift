import Testing
@testable import DataIO

/// Reading an infusion log from CSV (`InfusionLogReader`) and writing its episodes (`EpisodeTable.csvBytes`).
@Suite("Infusion logs")
struct InfusionLogReaderTests {
    static let header = "patient_id,infusion_date,relief_end_date,last_contact_date,dose\n"

    static func episodes(
        _ text: String, roles: InfusionLogRoles = InfusionLogRoles(), dialect: CSVDialect = CSVDialect(delimiter: .comma)
    ) throws -> EpisodeTable {
        let path = try TestSupport.temporaryFile(text)
        return try EpisodeBuilder().build(InfusionLogReader(dialect: dialect, roles: roles).read(path: path))
    }

    /// The error of reading and building, or `nil` (recorded) when there is none.
    static func error(
        _ text: String, roles: InfusionLogRoles = InfusionLogRoles(), dialect: CSVDialect = CSVDialect(delimiter: .comma),
        sourceLocation: SourceLocation = #_sourceLocation
    ) -> DataError? {
        do {
            let path = try TestSupport.temporaryFile(text)
            _ = try EpisodeBuilder().build(InfusionLogReader(dialect: dialect, roles: roles).read(path: path))
            Issue.record("expected an error", sourceLocation: sourceLocation)
        } catch let error as DataError {
            return error
        } catch {
            Issue.record("unexpected \(error)", sourceLocation: sourceLocation)
        }
        return nil
    }

    static func csv(_ table: EpisodeTable) -> String { String(decoding: table.csvBytes(), as: UTF8.self) }

    @Test("the episodes file: computed columns after the patient, every other column carried in file order")
    func episodesFile() throws {
        let table = try Self.episodes(
            Self.header + """
                B,2026-01-10 08:00,2026-01-20 20:00,2026-02-01,1.0
                A,2026-01-05,2026-01-19,,0.5
                A,2026-02-02T09:30,,2026-03-01,NA
                B,2026-01-05,,,1.0

                """)
        #expect(Self.csv(table) == """
            patient_id,infusion_number,infusion_date,interval_days,relief_days,relief_ended,start_day,stop_day,relief_end_date,last_contact_date,dose
            B,1,2026-01-05,,5.333333,0,0,5.333333,,,1.0
            B,2,2026-01-10T08:00,5.333333,10.5,1,5.333333,15.833333,2026-01-20 20:00,2026-02-01,1.0
            A,1,2026-01-05,,14,1,0,14,2026-01-19,,0.5
            A,2,2026-02-02T09:30,28.395833,26.604167,0,28.395833,55,,2026-03-01,NA

            """)
        #expect(table.log.source?.rowsRead == 4)
        #expect(table.log.carriedColumns == ["relief_end_date", "last_contact_date", "dose"])
    }

    @Test("carried fields are quoted where needed and neutralised against spreadsheet formulas")
    func carriedFields() throws {
        let table = try Self.episodes(
            "patient_id,infusion_date,relief_end_date,last_contact_date,note\n"
                + "=1+2,2026-01-05,2026-01-19,,\"a, \"\"quoted\"\" note\"\n"
                + "P2,2026-01-05,2026-01-19,,@SUM(A1)\n"
                + "P3,2026-01-05,2026-01-19,,-0.5\n"
                + "P4,2026-01-05,2026-01-19,,\" padded \"\n")
        let lines = Self.csv(table).split(separator: "\n").map(String.init)
        #expect(lines[1] == "'=1+2,1,2026-01-05,,14,1,0,14,2026-01-19,,\"a, \"\"quoted\"\" note\"")
        #expect(lines[2].hasSuffix(",'@SUM(A1)"))
        #expect(lines[3].hasSuffix(",-0.5"))
        #expect(lines[4].hasSuffix(",\" padded \""))
    }

    @Test("an impossible date is an error naming file, line and column")
    func impossibleDate() {
        let error = Self.error(Self.header + "A,2026-01-05,,,1\nA,2026-02-30,,2026-03-10,1\n")
        #expect(error?.kind == .badData)
        #expect(error?.file?.hasSuffix("data.csv") == true)
        #expect(error?.line == 3)
        #expect(error?.column == "infusion_date")
        #expect(error?.columnNumber == 2)
        #expect(error?.description.contains("'2026-02-30' is not a real date or time: February 2026 has 28 days") == true)
        #expect(error?.description.contains("--skip-invalid") == true)
    }

    @Test("two infusions of one patient at the same moment: file, line and column")
    func duplicateMoment() {
        let error = Self.error(Self.header + "A,2026-01-05,,,1\nB,2026-01-05,,2026-02-01,1\nA,2026-01-05,2026-01-09,2026-02-01,1\n")
        #expect(error?.line == 2)
        #expect(error?.column == "infusion_date")
        #expect(error?.columnNumber == 2)
        #expect(error?.description.hasPrefix(
            "\(error?.file ?? ""):2: column 'infusion_date' (column 2): patient 'A' has 2 infusions at the same moment, 2026-01-05 (lines 2, 4)")
            == true)
    }

    @Test("a relief end before its infusion names the relief end column")
    func reliefEndBeforeInfusion() {
        let error = Self.error(Self.header + "A,2026-01-05,2026-01-01,,1\n")
        #expect(error?.line == 2)
        #expect(error?.column == "relief_end_date")
        #expect(error?.columnNumber == 3)
    }

    @Test("an invalid relief end excluded with skip-invalid keeps its infusion, which censors the previous episode")
    func skippedRowKeepsItsMoment() throws {
        let table = try Self.episodes(
            Self.header + "A,2026-01-05,,,1\nA,2026-01-26,2026-02-31,,1\nA,2026-02-16,2026-02-20,,1\n",
            roles: InfusionLogRoles(skipInvalid: true))
        #expect(table.exclusions.map(\.line) == [3])
        #expect(table.exclusions.first?.column == "relief_end_date")
        #expect(table.episodes.map(\.reliefDays) == [21, 4])
        #expect(table.episodes.map(\.infusionNumber) == [1, 3])
    }

    @Test("a missing or invalid infusion date leaves out every row of the patient")
    func unknownMoment() throws {
        let text = Self.header + "A,2026-01-05,,,1\nA,NA,,,1\nA,2026-02-16,2026-02-20,,1\nB,2026-01-05,2026-01-07,,1\n"
        let table = try Self.episodes(text)
        #expect(table.episodes.map(\.patient) == ["B"])
        #expect(table.exclusions.map(\.line) == [2, 3, 4])
        #expect(table.exclusions[1].isMissing)
        #expect(table.exclusions[0].reason.contains("(line 3) has no usable date"))
        let invalid = try Self.episodes(text.replacingOccurrences(of: "A,NA,", with: "A,2026-13-01,"), roles: InfusionLogRoles(skipInvalid: true))
        #expect(invalid.episodes.map(\.patient) == ["B"])
        #expect(Self.error(text.replacingOccurrences(of: "A,NA,", with: "A,2026-13-01,"))?.line == 3)
        // A missing patient leaves out that row only.
        #expect(try Self.episodes(Self.header + "NA,2026-01-05,,,1\nB,2026-01-05,2026-01-07,,1\n").count == 1)
    }

    @Test("dates in another order: an error even with skip-invalid when most rows have them; fine with --date-format")
    func wrongFormat() throws {
        let text = Self.header + "A,03/04/2026,10/04/2026,,1\nA,25/04/2026,,01/05/2026,1\n"
        let error = Self.error(text)
        #expect(error?.line == 2)
        #expect(error?.message.contains("ambiguous day/month order") == true)
        #expect(error?.hint == "give the file's order with --date-format '%d/%m/%Y' or --date-format '%m/%d/%Y'")
        #expect(Self.error(text, roles: InfusionLogRoles(skipInvalid: true))?.line == 2)
        let table = try Self.episodes(text, roles: InfusionLogRoles(dateFormat: .dayMonthYear))
        #expect(table.episodes.map(\.reliefDays) == [7, 6])
        #expect(table.episodes.map(\.intervalDays) == [nil, 22])
        // One stray value among many is excluded with skip-invalid.
        let stray = Self.header + "A,2026-01-05,,,1\nA,2026-01-26,45366,,1\nA,2026-02-16,2026-02-20,,1\n"
        #expect(Self.error(stray)?.message.contains("spreadsheet serial day number") == true)
        #expect(try Self.episodes(stray, roles: InfusionLogRoles(skipInvalid: true)).count == 2)
    }

    @Test("the role columns must exist, be distinct and not collide with the computed ones")
    func columns() {
        let unknown = Self.error(Self.header + "A,2026-01-05,,2026-02-01,1\n", roles: InfusionLogRoles(patient: "patient"))
        #expect(unknown?.kind == .usage)
        #expect(unknown?.message.contains("no such column (--patient)") == true)
        let same = Self.error(Self.header, roles: InfusionLogRoles(reliefEndDate: "infusion_date"))
        #expect(same?.kind == .usage)
        #expect(same?.message == "--infusion-date and --relief-end-date name the same column 'infusion_date'")
        let clash = Self.error("patient_id,infusion_date,relief_end_date,last_contact_date,relief_days\nA,2026-01-05,,2026-02-01,3\n")
        #expect(clash?.kind == .usage)
        #expect(clash?.column == "relief_days")
        #expect(clash?.columnNumber == 5)
        let empty = Self.error(Self.header)
        #expect(empty?.message == "the file has a header but no data rows")
    }

    @Test("a semicolon export with a byte-order mark, CRLF and a title line")
    func messyExport() throws {
        let text = "\u{FEFF}Infusions 2026\r\npatient_id;infusion_date;relief_end_date;last_contact_date\r\nA;14.03.2026 09:30;;20.03.2026\r\n"
        let title = Self.error(text, dialect: CSVDialect(delimiter: .semicolon))
        #expect(title?.kind == .usage)
        #expect(title?.hint == "add --skip-lines 1")
        let table = try Self.episodes(
            text, roles: InfusionLogRoles(dateFormat: .dottedDayMonthYear),
            dialect: CSVDialect(delimiter: .semicolon, skipLines: 1))
        #expect(abs((table.episode(at: 0)?.reliefDays ?? 0) - (5 + 14.5 / 24)) < 1e-9)
        #expect(table.episode(at: 0)?.line == 3)
    }
}
