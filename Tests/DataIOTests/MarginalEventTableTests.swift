import Testing
@testable import DataIO

/// The marginal (Wei–Lin–Weissfeld) layout of episodes (`MarginalEventTable`): one row per patient and
/// event number, worked out by hand.
@Suite("Marginal (WLW) layout")
struct MarginalEventTableTests {
    static func infusion(_ patient: String, _ date: String, end: String? = nil, contact: String? = nil) -> Infusion {
        EpisodeBuilderTests.infusion(patient, date, end: end, contact: contact)
    }

    /// A: relief ends on days 5 and 40 of three episodes; B: none (censored at the next infusion, then at
    /// the last contact); C: ends on days 2, 12 and 24.
    static func table() throws -> EpisodeTable {
        try EpisodeBuilderTests.build([
            Self.infusion("A", "2026-01-01", end: "2026-01-06"),
            Self.infusion("B", "2026-01-03"),
            Self.infusion("C", "2026-02-01", end: "2026-02-03"),
            Self.infusion("A", "2026-01-21"),
            Self.infusion("A", "2026-02-05", end: "2026-02-10", contact: "2026-02-13"),
            Self.infusion("B", "2026-01-24", contact: "2026-02-15"),
            Self.infusion("C", "2026-02-11", end: "2026-02-13"),
            Self.infusion("C", "2026-02-21", end: "2026-02-25", contact: "2026-03-01"),
        ])
    }

    static func describe(_ row: MarginalEventTable.Row) -> String {
        "\(row.patient) \(row.eventNumber) \(row.stopDay) \(row.reliefEnded ? 1 : 0)"
    }

    @Test("k-th relief end from the first infusion; censored at the end of follow-up when there are fewer than k")
    func rows() throws {
        let table = try Self.table()
        #expect(table.episodes.map(\.stopDay) == [5, 35, 40, 21, 43, 2, 12, 24])
        let layout = try MarginalEventTable(table, events: 3)
        #expect(layout.count == 9)
        #expect(layout.patientCount == 3)
        #expect(layout.eventCount == 5)
        #expect(layout.rows.map(Self.describe) == [
            "A 1 5.0 1", "A 2 40.0 1", "A 3 40.0 0",
            "B 1 43.0 0", "B 2 43.0 0", "B 3 43.0 0",
            "C 1 2.0 1", "C 2 12.0 1", "C 3 24.0 1",
        ])
        #expect(layout.row(at: 9) == nil)
        #expect(layout.row(at: -1) == nil)
    }

    @Test("relief ends after the K-th are not used; K beyond every patient's count adds censored rows")
    func eventNumbers() throws {
        let table = try Self.table()
        let one = try MarginalEventTable(table, events: 1)
        #expect(one.rows.map(Self.describe) == ["A 1 5.0 1", "B 1 43.0 0", "C 1 2.0 1"])
        let five = try MarginalEventTable(table, events: 5)
        #expect(five.count == 15)
        #expect(five.eventCount == 5)
        #expect(five.rows.filter { $0.patient == "C" }.map(Self.describe) == ["C 1 2.0 1", "C 2 12.0 1", "C 3 24.0 1", "C 4 24.0 0", "C 5 24.0 0"])
    }

    @Test("K from 1 to 1000")
    func refusedEventNumbers() throws {
        let table = try Self.table()
        for k in [0, -1, 1001] {
            #expect(throws: DataError.self) { try MarginalEventTable(table, events: k) }
            do {
                try MarginalEventTable.checkEventNumbers(k)
            } catch {
                #expect(error.kind == .usage)
                #expect(error.message == "the marginal layout needs 1 to 1000 event numbers, not \(k)")
            }
        }
        #expect(try MarginalEventTable(table, events: 1000).count == 3000)
    }

    @Test("the file: the patient, event_number, stop_day, relief_ended, then the first episode's carried columns")
    func file() throws {
        let path = try TestSupport.temporaryFile(
            InfusionLogReaderTests.header + """
                B,2026-01-10 08:00,2026-01-20 20:00,2026-02-01,1.0
                A,2026-01-05,2026-01-19,,0.5
                A,2026-02-02T09:30,,2026-03-01,NA
                B,2026-01-05,,,0.9

                """)
        let table = try EpisodeBuilder().build(InfusionLogReader(dialect: CSVDialect(delimiter: .comma), roles: InfusionLogRoles()).read(path: path))
        let layout = try MarginalEventTable(table, events: 2)
        #expect(String(decoding: layout.csvBytes(), as: UTF8.self) == """
            patient_id,event_number,stop_day,relief_ended,relief_end_date,last_contact_date,dose
            B,1,15.833333,1,,,0.9
            B,2,15.833333,0,,,0.9
            A,1,14,1,2026-01-19,,0.5
            A,2,55,0,2026-01-19,,0.5

            """)
        var pieces: [UInt8] = []
        layout.writeCSV { pieces.append(contentsOf: $0) }
        #expect(pieces == layout.csvBytes())
    }

    @Test("a carried column named event_number is refused")
    func clash() throws {
        let path = try TestSupport.temporaryFile("patient_id,infusion_date,relief_end_date,last_contact_date,event_number\nA,2026-01-05,,2026-02-01,1\n")
        let table = try EpisodeBuilder().build(InfusionLogReader(dialect: CSVDialect(delimiter: .comma), roles: InfusionLogRoles()).read(path: path))
        #expect(throws: DataError.self) { try MarginalEventTable(table, events: 2) }
        do {
            _ = try MarginalEventTable(table, events: 2)
        } catch {
            #expect(error.kind == .usage)
            #expect(error.column == "event_number")
            #expect(error.columnNumber == 5)
        }
    }
}
