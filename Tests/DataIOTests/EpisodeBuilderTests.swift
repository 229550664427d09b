import Testing
@testable import DataIO

/// The rules that turn infusions into relief episodes (`EpisodeBuilder`), on in-memory logs.
@Suite("Episodes from infusions")
struct EpisodeBuilderTests {
    static func date(_ text: String) -> ClinicalDate {
        (try? ClinicalDate.parse(text)) ?? ClinicalDate(days: .nan)
    }

    static func infusion(_ patient: String, _ date: String, end: String? = nil, contact: String? = nil) -> Infusion {
        Infusion(patient: patient, date: Self.date(date), reliefEnd: end.map(Self.date), lastContact: contact.map(Self.date))
    }

    static func build(_ infusions: [Infusion], skipInvalid: Bool = false) throws(DataError) -> EpisodeTable {
        try EpisodeBuilder().build(InfusionLog(infusions: infusions, roles: InfusionLogRoles(skipInvalid: skipInvalid)))
    }

    /// The error of building, or `nil` (recorded) when the episodes are built.
    static func error(_ infusions: [Infusion], sourceLocation: SourceLocation = #_sourceLocation) -> DataError? {
        do {
            _ = try build(infusions)
            Issue.record("expected an error", sourceLocation: sourceLocation)
            return nil
        } catch {
            return error
        }
    }

    @Test("relief that ends before the next infusion is an event, measured from the infusion")
    func event() throws {
        let episodes = try EpisodeBuilder().episodes(of: [
            Self.infusion("A", "2026-01-05", end: "2026-01-19"),
            Self.infusion("A", "2026-02-02", end: "2026-02-12", contact: "2026-03-01"),
        ])
        #expect(episodes.map(\.reliefDays) == [14, 10])
        #expect(episodes.map(\.reliefEnded) == [true, true])
        #expect(episodes.map(\.infusionNumber) == [1, 2])
        #expect(episodes.map(\.intervalDays) == [nil, 28])
    }

    @Test("the next infusion censors: no relief end, or a relief end after it")
    func censoredAtNextInfusion() throws {
        let episodes = try EpisodeBuilder().episodes(of: [
            Self.infusion("A", "2026-01-05"),
            Self.infusion("A", "2026-01-26", end: "2026-03-01"),
            Self.infusion("A", "2026-02-16", end: "2026-02-20"),
        ])
        #expect(episodes.map(\.reliefDays) == [21, 21, 4])
        #expect(episodes.map(\.ending) == [.nextInfusion, .nextInfusion, .reliefEnded])
    }

    @Test("the last contact censors, also before the next infusion")
    func censoredAtLastContact() throws {
        let episodes = try EpisodeBuilder().episodes(of: [
            Self.infusion("A", "2026-01-05", contact: "2026-01-15"),
            Self.infusion("A", "2026-01-26", end: "2026-03-01", contact: "2026-02-10"),
            Self.infusion("B", "2026-01-01", contact: "2026-01-31"),
        ])
        #expect(episodes.map(\.reliefDays) == [10, 15, 30])
        #expect(episodes.map(\.ending) == [.lastContact, .lastContact, .lastContact])
    }

    @Test("equal times: a relief end on the next infusion or the last contact is an event")
    func equalTimes() throws {
        let episodes = try EpisodeBuilder().episodes(of: [
            Self.infusion("A", "2026-01-05", end: "2026-01-26"),
            Self.infusion("A", "2026-01-26", end: "2026-02-09", contact: "2026-02-09"),
            Self.infusion("B", "2026-01-05", contact: "2026-01-26"),
            Self.infusion("B", "2026-01-26", end: "2026-01-26"),
        ])
        #expect(episodes.map(\.ending) == [.reliefEnded, .reliefEnded, .nextInfusion, .reliefEnded])
        #expect(episodes.map(\.reliefDays) == [21, 14, 21, 0])
        let table = try Self.build([Self.infusion("B", "2026-01-26", end: "2026-01-26")])
        #expect(table.zeroDurationLines == [1])
    }

    @Test("times of day give fractional days")
    func fractionalDays() throws {
        let episodes = try EpisodeBuilder().episodes(of: [
            Self.infusion("A", "2026-01-05T09:30", end: "2026-01-19 21:30"),
            Self.infusion("A", "2026-02-02T14:15", contact: "2026-02-03"),
        ])
        #expect(abs(episodes[0].reliefDays - 14.5) < 1e-9)
        #expect(abs((episodes[1].intervalDays ?? 0) - (28 + 4.75 / 24)) < 1e-9)
        #expect(abs(episodes[1].reliefDays - 9.75 / 24) < 1e-9)
    }

    @Test("the input need not be sorted: patients in order of first appearance, infusions by date")
    func unsortedInput() throws {
        let rows = [
            Self.infusion("B", "2026-03-01", contact: "2026-03-20"),
            Self.infusion("A", "2026-02-01", end: "2026-02-05"),
            Self.infusion("B", "2026-01-01", end: "2026-01-10"),
            Self.infusion("A", "2026-01-01"),
            Self.infusion("B", "2026-02-01"),
            Self.infusion("A", "2026-03-01", contact: "2026-03-04"),
        ]
        let episodes = try EpisodeBuilder().episodes(of: rows)
        #expect(episodes.map(\.patient) == ["B", "B", "B", "A", "A", "A"])
        #expect(episodes.map(\.infusionNumber) == [1, 2, 3, 1, 2, 3])
        #expect(episodes.map(\.line) == [3, 5, 1, 4, 2, 6])
        #expect(episodes.map(\.reliefDays) == [9, 28, 19, 31, 4, 3])
        #expect(episodes.map(\.intervalDays) == [nil, 31, 28, nil, 31, 28])
        // Any order of the same rows gives the same episodes (their lines aside).
        let shuffled = try EpisodeBuilder().episodes(of: [rows[5], rows[3], rows[1], rows[4], rows[0], rows[2]])
        #expect(shuffled.map(\.reliefDays) == [31, 4, 3, 9, 28, 19])
    }

    @Test("many infusions of one patient in reverse order are sorted too")
    func manyInfusions() throws {
        let start = Self.date("2026-01-01").days
        let rows = (0..<100).reversed().map {
            Infusion(patient: "A", date: ClinicalDate(days: start + Double(7 * $0)), lastContact: ClinicalDate(days: start + 800))
        }
        let episodes = try EpisodeBuilder().episodes(of: rows)
        #expect(episodes.map(\.infusionNumber) == Array(1...100))
        #expect(episodes.dropLast().allSatisfy { $0.reliefDays == 7 && $0.ending == .nextInfusion })
        #expect(episodes.last?.reliefDays == 107)
    }

    @Test("two infusions of one patient at the same moment: an error naming both lines and the column")
    func duplicateMoment() throws {
        let rows = [
            Self.infusion("A", "2026-01-05", end: "2026-01-10"),
            Self.infusion("B", "2026-01-05", contact: "2026-02-01"),
            Self.infusion("A", "2026-01-05T00:00", end: "2026-01-12"),
            Self.infusion("A", "2026-02-05", contact: "2026-03-01"),
        ]
        let error = Self.error(rows)
        #expect(error?.kind == .badData)
        #expect(error?.line == 1)
        #expect(error?.column == "infusion_date")
        #expect(error?.message == "patient 'A' has 2 infusions at the same moment, 2026-01-05 (lines 1, 3)")
        #expect(error?.hint?.contains("--skip-invalid") == true)
        // Excluded with skipInvalid; the moment still ends nothing else and numbers the next infusion.
        let table = try Self.build(rows, skipInvalid: true)
        #expect(table.exclusions.map(\.line) == [1, 3])
        #expect(table.episodes.map(\.line) == [4, 2])
        #expect(table.episodes.first?.infusionNumber == 2)
        #expect(table.episodes.first?.intervalDays == 31)
    }

    @Test("a relief end or last contact before the infusion is an error; excluded, the infusion still censors")
    func endBeforeInfusion() throws {
        let rows = [
            Self.infusion("A", "2026-01-05"),
            Self.infusion("A", "2026-01-26", end: "2026-01-20"),
            Self.infusion("A", "2026-02-16", contact: "2026-02-01"),
        ]
        let error = Self.error(rows)
        #expect(error?.line == 2)
        #expect(error?.column == "relief_end_date")
        #expect(error?.message == "relief ended (2026-01-20) before the infusion (2026-01-26)")
        let table = try Self.build(rows, skipInvalid: true)
        #expect(table.exclusions.map(\.column) == ["relief_end_date", "last_contact_date"])
        #expect(table.episodes.map(\.reliefDays) == [21])
        #expect(table.episodes.map(\.ending) == [.nextInfusion])
    }

    @Test("the last infusion with neither relief end nor last contact has an unknown follow-up")
    func unknownFollowUp() throws {
        let rows = [Self.infusion("A", "2026-01-05"), Self.infusion("A", "2026-01-26")]
        let error = Self.error(rows)
        #expect(error?.line == 2)
        #expect(error?.column == "last_contact_date")
        #expect(error?.message.contains("has no relief end and no last contact, so its follow-up is unknown") == true)
        let table = try Self.build(rows, skipInvalid: true)
        #expect(table.count == 1)
        #expect(table.exclusions.map(\.line) == [2])
        // A missing last contact is fine before another infusion; a relief end is enough for the last one.
        #expect(try Self.build([Self.infusion("A", "2026-01-05"), Self.infusion("A", "2026-01-26", end: "2026-02-01")]).count == 2)
    }

    @Test("the counts of the table")
    func counts() throws {
        let table = try Self.build([
            Self.infusion("A", "2026-01-05", end: "2026-01-10"),
            Self.infusion("A", "2026-01-26", contact: "2026-02-01"),
            Self.infusion("B", "2026-01-05"),
            Self.infusion("B", "2026-01-07", end: "2026-01-09"),
        ])
        #expect(table.count == 4)
        #expect(table.patientCount == 2)
        #expect(table.count(endedBy: .reliefEnded) == 2)
        #expect(table.count(endedBy: .nextInfusion) == 1)
        #expect(table.count(endedBy: .lastContact) == 1)
        #expect(table.episode(at: 4) == nil)
        #expect(table.log.infusion(at: -1) == nil)
        #expect(table.log.infusion(at: 2)?.patient == "B")
    }

    @Test("start_day and stop_day: days from the patient's first infusion, each patient's intervals in order")
    func calendarDays() throws {
        let rows = [
            Self.infusion("B", "2026-03-01", contact: "2026-03-20"),
            Self.infusion("A", "2026-02-01", end: "2026-02-05"),
            Self.infusion("B", "2026-01-01", end: "2026-01-10"),
            Self.infusion("A", "2026-01-01"),
            Self.infusion("B", "2026-02-01"),
            Self.infusion("A", "2026-03-01", contact: "2026-03-04"),
        ]
        let episodes = try EpisodeBuilder().episodes(of: rows)
        #expect(episodes.map(\.patient) == ["B", "B", "B", "A", "A", "A"])
        #expect(episodes.map(\.startDay) == [0, 31, 59, 0, 31, 59])
        #expect(episodes.map(\.stopDay) == [9, 59, 78, 31, 35, 62])
        // With times of day: the first infusion's moment is day 0.
        let timed = try EpisodeBuilder().episodes(of: [
            Self.infusion("A", "2026-01-05T09:30", end: "2026-01-19 21:30"),
            Self.infusion("A", "2026-02-02T14:15", contact: "2026-02-03"),
        ])
        #expect(timed[0].startDay == 0)
        #expect(abs(timed[1].startDay - (28 + 4.75 / 24)) < 1e-9)
        #expect(abs(timed[0].stopDay - 14.5) < 1e-9)
        #expect(abs(timed[1].stopDay - (29 - 9.5 / 24)) < 1e-9)
    }

    @Test("an excluded first infusion is still day 0: the first episode then starts later")
    func calendarDaysAfterAnExcludedFirstInfusion() throws {
        let table = try Self.build(
            [
                Self.infusion("A", "2026-01-05", end: "2026-01-01"),
                Self.infusion("A", "2026-01-26", end: "2026-02-01"),
            ], skipInvalid: true)
        let episodes = table.episodes
        #expect(episodes.map(\.infusionNumber) == [2])
        #expect(episodes.map(\.startDay) == [21])
        #expect(episodes.map(\.stopDay) == [27])
    }

    @Test("an episode censored at the next infusion stops exactly where the next starts, also in the file")
    func calendarDaysAreDisjoint() throws {
        // Times to the second, 27 s apart on many patients: stop_day is computed from the moments themselves,
        // not as start_day + relief_days, so the written stop equals the next written start.
        var generator = SystemRandomNumberGenerator()
        var rows: [Infusion] = []
        let origin = Self.date("2026-01-01").days
        for patient in 0..<400 {
            var moment = origin + Double(Int.random(in: 0..<86_400, using: &generator)) / 86_400
            for k in 0..<4 {
                let contact = k == 3 ? ClinicalDate(days: moment + 3) : nil
                rows.append(Infusion(patient: "P\(patient)", date: ClinicalDate(days: moment), lastContact: contact))
                moment += Double(27 * Int.random(in: 1_000..<100_000, using: &generator)) / 86_400
            }
        }
        let table = try Self.build(rows)
        let lines = String(decoding: table.csvBytes(), as: UTF8.self).split(separator: "\n").dropFirst()
            .map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        #expect(lines.count == 1600)
        for (k, (line, next)) in zip(lines, lines.dropFirst()).enumerated() where line[5] == "0" && line[0] == next[0] {
            #expect(line[7] == next[6], "episode \(k): stop \(line[7]), next start \(next[6])")
            let (start, stop, relief) = (Double(line[6]) ?? .nan, Double(line[7]) ?? .nan, Double(line[4]) ?? .nan)
            #expect(abs(stop - start - relief) <= 2e-6 + 1e-9)
        }
        let episodes = table.episodes
        for (episode, next) in zip(episodes, episodes.dropFirst()) where episode.ending == .nextInfusion {
            #expect(next.patient == episode.patient && next.startDay == episode.stopDay)
        }
    }

    @Test("rows left out in the first half of a large log: the second half's episodes follow the first's without a gap")
    func exclusionsAcrossTheTwoHalves() throws {
        // Two infusions per patient, enough rows for the two-thread build; every 7th patient's first
        // infusion has its relief end before it (excluded with skipInvalid, still day 0 and still numbered).
        var rows: [Infusion] = []
        for patient in 0..<3000 {
            let bad = patient % 7 == 0
            rows.append(Self.infusion("P\(patient)", "2026-01-05", end: bad ? "2026-01-01" : "2026-01-09"))
            rows.append(Self.infusion("P\(patient)", "2026-01-26", end: "2026-02-02", contact: "2026-03-01"))
        }
        #expect(rows.count >= 2 * EpisodeBuilder.block)
        let table = try Self.build(rows, skipInvalid: true)
        #expect(table.exclusions.count == 429)
        #expect(table.count == 6000 - 429)
        let episodes = table.episodes
        var expected: [String] = []
        for patient in 0..<3000 {
            if patient % 7 != 0 { expected.append("P\(patient) 1 0.0 4.0") }
            expected.append("P\(patient) 2 21.0 28.0")
        }
        #expect(episodes.map { "\($0.patient) \($0.infusionNumber) \($0.startDay) \($0.stopDay)" } == expected)
        #expect(table.patientCount == 3000)
    }

    @Test("days are written with at most six decimals, trailing zeros dropped")
    func dayText() {
        func text(_ value: Double) -> String {
            var bytes: [UInt8] = []
            EpisodeTable.appendDays(value, to: &bytes)
            return String(decoding: bytes, as: UTF8.self)
        }
        #expect(text(14) == "14")
        #expect(text(0) == "0")
        #expect(text(11.06) == "11.06")
        #expect(text(955_584.0 / 86_400) == "11.06")
        #expect(text(1.0 / 24) == "0.041667")
        #expect(text(120.5) == "120.5")
        #expect(text(0.000_000_4) == "0")
        #expect(text(-2.5) == "-2.5")
        #expect(text(0.000_001) == "0.000001")
        #expect(text(10.1) == "10.1")
        #expect(text(1_234_567.000_01) == "1234567.00001")
        #expect(text(8_999_999_999) == "8999999999")
        var bytes: [UInt8] = []
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 32) { buffer in
            guard var p = buffer.baseAddress else { return }
            for value in [0, 9, 10, 99, 100, 999_999_999_999_999_999, Int.max] {
                let start = p
                EpisodeTable.writeInteger(value, to: &p)
                bytes = Array(UnsafeBufferPointer(start: start, count: p - start))
                #expect(String(decoding: bytes, as: UTF8.self) == String(value))
                p = start
            }
        }
    }
}
