import Foundation
import Testing
@testable import DataIO
import NumericCore

/// `SurvivalSplit` (R's survSplit): the pieces of one interval, the cuts and names it accepts, reading a
/// file (errors name line and column) and the file it writes.
@Suite("Splitting follow-up at cut times")
struct SurvivalSplitTests {
    static let split = try? SurvivalSplit(cuts: [7, 14, 28])

    /// `(start, stop, event, episode)` of each piece.
    static func shape(_ pieces: [SplitPiece]) -> [String] {
        pieces.map { "(\($0.start),\($0.stop)] \($0.event ? 1 : 0) ep\($0.episode)" }
    }

    @Test("a row is cut at the cuts strictly inside it; only its last piece keeps the event; episodes count the cuts at or before the start")
    func piecesOfOneRow() throws {
        let split = try #require(Self.split)
        #expect(Self.shape(split.pieces(stop: 20, event: true)) == ["(0.0,7.0] 0 ep1", "(7.0,14.0] 0 ep2", "(14.0,20.0] 1 ep3"])
        #expect(Self.shape(split.pieces(stop: 30, event: false)) == [
            "(0.0,7.0] 0 ep1", "(7.0,14.0] 0 ep2", "(14.0,28.0] 0 ep3", "(28.0,30.0] 0 ep4",
        ])
        // Cuts at a row's ends leave it whole; so do cuts outside it.
        #expect(Self.shape(split.pieces(stop: 7, event: true)) == ["(0.0,7.0] 1 ep1"])
        #expect(Self.shape(split.pieces(start: 7, stop: 14, event: true)) == ["(7.0,14.0] 1 ep2"])
        #expect(Self.shape(split.pieces(start: 30, stop: 40, event: true)) == ["(30.0,40.0] 1 ep4"])
        #expect(Self.shape(split.pieces(start: 3, stop: 5, event: false)) == ["(3.0,5.0] 0 ep1"])
        #expect(Self.shape(split.pieces(start: 10, stop: 20, event: true)) == ["(10.0,14.0] 0 ep2", "(14.0,20.0] 1 ep3"])
        // R: a cut at 0 counts for a row that starts at 0 (survSplit(..., cut = c(0, 7, 14)) gives episode 2).
        let withZero = try SurvivalSplit(cuts: [0, 7, 14])
        #expect(Self.shape(withZero.pieces(stop: 0.5, event: true)) == ["(0.0,0.5] 1 ep2"])
        // Nothing to split in an empty or reversed interval.
        #expect(split.pieces(start: 5, stop: 5, event: true).isEmpty)
        #expect(split.pieces(start: 6, stop: 5, event: true).isEmpty)
        #expect(split.pieces(stop: .nan, event: true).isEmpty)
    }

    @Test("the pieces tile the interval: contiguous, from start to stop, one more than the cuts strictly inside")
    func piecesTileTheInterval() throws {
        var generator = SeededGenerator(seed: 12)
        for _ in 0..<500 {
            let cuts = Array(Set((0..<Int.random(in: 1...6, using: &generator)).map { _ in Double(Int.random(in: 0...40, using: &generator)) / 2 })).sorted()
            let split = try SurvivalSplit(cuts: cuts)
            let start = Double(Int.random(in: 0...30, using: &generator)) / 2
            let stop = start + Double(Int.random(in: 1...40, using: &generator)) / 4
            let event = Bool.random(using: &generator)
            let pieces = split.pieces(start: start, stop: stop, event: event)
            #expect(pieces.count == 1 + cuts.filter { $0 > start && $0 < stop }.count)
            #expect(pieces.first?.start == start && pieces.last?.stop == stop)
            for (a, b) in zip(pieces, pieces.dropFirst()) {
                #expect(a.stop == b.start && a.start < a.stop && !a.event && b.episode == a.episode + 1)
            }
            #expect(pieces.last?.event == event)
            for piece in pieces { #expect(piece.episode == 1 + cuts.filter { $0 <= piece.start }.count) }
        }
    }

    @Test("cuts must be times >= 0, strictly increasing; the column names must be given and differ")
    func cutsAndNamesAreChecked() throws {
        let bad: [(cuts: [Double], start: String?, episode: String)] = [
            ([], nil, "episode"), ([-1, 7], nil, "episode"), ([7, .infinity], nil, "episode"), ([.nan], nil, "episode"),
            ([14, 7], nil, "episode"), ([7, 7, 14], nil, "episode"), ([7], "", "episode"), ([7], nil, ""), ([7], "x", "x"),
        ]
        for (cuts, start, episode) in bad {
            #expect(throws: DataError.self, "\(cuts) \(String(describing: start)) \(episode)") {
                try SurvivalSplit(cuts: cuts, startName: start, episodeName: episode)
            }
            do { _ = try SurvivalSplit(cuts: cuts, startName: start, episodeName: episode) } catch { #expect(error.kind == .usage) }
        }
        for text in ["7,x", "7,-14", "", "7;14"] {
            do {
                _ = try SurvivalSplit.cuts(parsing: text)
                Issue.record("expected an error for '\(text)'")
            } catch {
                #expect(error.kind == .usage && error.message.hasPrefix("--cut"), "\(error)")
            }
        }
        do {
            _ = try SurvivalSplit(cuts: [14, 7])
        } catch {
            #expect(error.message.contains("strictly increasing, but 7 follows 14"))
        }
        #expect(try SurvivalSplit.cuts(parsing: " 7, 14,28.5") == [7, 14, 28.5])
        #expect(try SurvivalSplit(cuts: [7, 14.5]).cutList == "7, 14.5")
    }

    @Test("a file: carried columns as written (quoted where needed, formulas neutralised), R's column order, rows in order")
    func readsAndWritesAFile() throws {
        let path = try TestSupport.temporaryFile("""
            id,t,note,e,dose
            1,20,"a, b",1,0.50
            2,5,=cmd(),0,1.0
            3,"30"," x ",1,2
            """)
        let table = try #require(Self.split).read(path: path, roles: ColumnRoles(time: "t", event: "e"))
        #expect(table.rowCount == 3 && table.count == 3 + 1 + 4 && table.eventCount == 2)
        #expect(table.carriedColumns == ["id", "note", "dose"])
        #expect(table.columnNames == ["id", "note", "dose", "tstart", "t", "e", "episode"])
        #expect(table.line(ofRow: 2) == 4 && table.line(ofRow: 3) == nil)
        let text = String(decoding: table.csvBytes(), as: UTF8.self)
        #expect(text == """
            id,note,dose,tstart,t,e,episode
            1,"a, b",0.50,0,7,0,1
            1,"a, b",0.50,7,14,0,2
            1,"a, b",0.50,14,20,1,3
            2,'=cmd(),1.0,0,5,0,1
            3," x ",2,0,7,0,1
            3," x ",2,7,14,0,2
            3," x ",2,14,28,0,3
            3," x ",2,28,30,1,4

            """)
        #expect(Self.shape(table.pieces()).count == table.count)
        #expect(table.pieces().map(\.row) == [0, 0, 0, 1, 2, 2, 2, 2])
    }

    @Test("the split file reads back: its pieces, with --start tstart, are the pieces again (splitting twice changes nothing)")
    func splitFileReadsBack() throws {
        let path = try TestSupport.temporaryFile("patient_id,relief_days,relief_ended,x\nA,20,1,a\nB,7,0,b\nC,3.25,1,c\n")
        let table = try #require(Self.split).read(path: path)
        let once = table.csvBytes()
        // The episode column is carried, so the second split writes its own under another name.
        let renamed = try SurvivalSplit(cuts: [7, 14, 28], episodeName: "interval")
        let second = try renamed.read(path: try TestSupport.temporaryFile(once), roles: ColumnRoles(start: "tstart"))
        #expect(second.pieces().map { [$0.start, $0.stop] } == table.pieces().map { [$0.start, $0.stop] })
        #expect(second.pieces().map(\.episode) == table.pieces().map(\.episode))
        #expect(second.columnNames == ["patient_id", "x", "episode", "tstart", "relief_days", "relief_ended", "interval"])
    }

    @Test("an entry-time column: its name names the pieces' start; --start-name renames it")
    func entryTimes() throws {
        let path = try TestSupport.temporaryFile("id,entry,stop,event\n1,3,20,1\n2,10,12,0\n")
        let table = try #require(Self.split).read(path: path, roles: ColumnRoles(time: "stop", start: "entry", event: "event"))
        #expect(String(decoding: table.csvBytes(), as: UTF8.self) == """
            id,entry,stop,event,episode
            1,3,7,0,1
            1,7,14,0,2
            1,14,20,1,3
            2,10,12,0,2

            """)
        let named = try SurvivalSplit(cuts: [7], startName: "from").read(path: path, roles: ColumnRoles(time: "stop", start: "entry", event: "event"))
        #expect(named.columnNames == ["id", "from", "stop", "event", "episode"])
    }

    @Test("a ';' file with decimal commas: the output is comma-separated with decimal points, text fields as written")
    func decimalCommaFile() throws {
        let path = try TestSupport.temporaryFile("id;tijd;gebeurd;dosis\n1;10,5;1;0,25\n2;3;0;1\n")
        let dialect = CSVDialect(delimiter: .semicolon, decimalComma: true)
        let table = try SurvivalSplit(cuts: [7]).read(path: path, dialect: dialect, roles: ColumnRoles(time: "tijd", event: "gebeurd"))
        #expect(String(decoding: table.csvBytes(), as: UTF8.self) == """
            id,dosis,tstart,tijd,gebeurd,episode
            1,"0,25",0,7,0,1
            1,"0,25",7,10.5,1,2
            2,1,0,3,0,1

            """)
    }

    @Test("only the time, entry and event columns: the pieces alone")
    func noCarriedColumns() throws {
        let path = try TestSupport.temporaryFile("relief_days,relief_ended\n9,1\n")
        let table = try SurvivalSplit(cuts: [7]).read(path: path, roles: ColumnRoles(id: nil))
        #expect(String(decoding: table.csvBytes(), as: UTF8.self) == "tstart,relief_days,relief_ended,episode\n0,7,0,1\n7,9,1,2\n")
    }

    @Test("rows that cannot be split are bad data naming file, line and column, or exclusions with skipInvalid")
    func badRows() throws {
        let split = try #require(Self.split)
        let cases: [(String, String, String, Int)] = [
            ("id,relief_days,relief_ended\n1,5,1\n2,NA,0\n", "relief_days", "missing relief_days", 3),
            ("id,relief_days,relief_ended\n1,5,1\n2,6,\n", "relief_ended", "missing relief_ended", 3),
            ("id,relief_days,relief_ended\n1,5,1\n2,0,1\n", "relief_days", "the interval (0, 0] is empty", 3),
            ("id,relief_days,relief_ended\n1,x,1\n", "relief_days", "is not a number", 2),
            ("id,relief_days,relief_ended\n1,-2,1\n", "relief_days", "is negative", 2),
        ]
        for (text, column, message, line) in cases {
            let number = column == "relief_days" ? 2 : 3
            let path = try TestSupport.temporaryFile(text)
            do {
                _ = try split.read(path: path)
                Issue.record("expected an error for \(text)")
            } catch {
                #expect(error.kind == .badData, "\(error)")
                #expect(error.file == path && error.line == line && error.column == column && error.columnNumber == number, "\(error)")
                #expect(error.description.contains(message) && error.description.contains("--skip-invalid"), "\(error)")
            }
            let skipped = try split.read(path: path, roles: ColumnRoles(skipInvalid: true))
            #expect(skipped.rowCount == text.split(separator: "\n").count - 2)
            #expect(skipped.exclusions.map(\.line) == [line] && skipped.exclusions.first?.column == column)
            #expect(!String(decoding: skipped.csvBytes(), as: UTF8.self).contains("\n2,"))
        }
        // (start, stop] rows: the entry must lie below the stop.
        let path = try TestSupport.temporaryFile("id,s,t,e\n1,0,5,1\n2,6,6,1\n")
        do {
            _ = try split.read(path: path, roles: ColumnRoles(time: "t", start: "s", event: "e"))
            Issue.record("expected an error")
        } catch {
            #expect(error.kind == .badData && error.line == 3 && error.column == "s" && error.message.contains("is empty"), "\(error)")
        }
    }

    @Test("output columns must not share a name with each other or with a carried column")
    func nameCollisions() throws {
        let cases: [(String, SurvivalSplit, ColumnRoles, String)] = [
            ("id,tstart,relief_days,relief_ended\n1,0,5,1\n", try SurvivalSplit(cuts: [7]), ColumnRoles(), "give --start tstart"),
            ("id,episode,relief_days,relief_ended\n1,2,5,1\n", try SurvivalSplit(cuts: [7]), ColumnRoles(), "--episode-name"),
            ("id,from,relief_days,relief_ended\n1,0,5,1\n", try SurvivalSplit(cuts: [7], startName: "from"), ColumnRoles(), "--start-name"),
            ("id,relief_days,relief_ended\n1,5,1\n", try SurvivalSplit(cuts: [7], startName: "relief_days"), ColumnRoles(), "--start-name another name"),
            ("id,relief_days,relief_ended\n1,5,1\n", try SurvivalSplit(cuts: [7], episodeName: "relief_ended"), ColumnRoles(), "--episode-name another name"),
        ]
        for (text, split, roles, hint) in cases {
            let path = try TestSupport.temporaryFile(text)
            do {
                _ = try split.read(path: path, roles: roles)
                Issue.record("expected an error for \(text)")
            } catch {
                #expect(error.kind == .usage && error.description.contains(hint), "\(error)")
            }
        }
    }

    @Test("a large file is written in several pieces that join to the whole")
    func writesInPieces() throws {
        var text = "patient_id,relief_days,relief_ended,note\n"
        for row in 0..<120_000 { text += "P\(row),\(Double(row % 400) / 8 + 0.125),\(row % 3 == 0 ? 1 : 0),n\(row % 7)\n" }
        let table = try #require(Self.split).read(path: try TestSupport.temporaryFile(text))
        var pieces: [[UInt8]] = []
        table.writeCSV { bytes in pieces.append(Array(bytes)) }
        #expect(pieces.count > 1)
        #expect(Array(pieces.joined()) == table.csvBytes())
        let lines = String(decoding: table.csvBytes(), as: UTF8.self).split(separator: "\n")
        #expect(lines.count == table.count + 1)
    }

    @Test("numbers are written in a short form that reads back to the same value")
    func numbersRoundTrip() throws {
        func written(_ value: Double) -> String {
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: SplitTable.numberBudget) { buffer in
                guard let base = buffer.baseAddress else { return "" }
                var p = base
                SplitTable.writeNumber(value, to: &p)
                return String(decoding: UnsafeBufferPointer(start: base, count: p - base), as: UTF8.self)
            }
        }
        #expect(written(7) == "7" && written(11.06) == "11.06" && written(0.125) == "0.125" && written(0) == "0")
        #expect(written(1e-7) == "1e-07" && written(0.1234567) == "0.1234567" && written(123_456_789.123456) == "123456789.123456")
        #expect(written(12_345_678_901.5) == "12345678901.5" && written(1e20) == "1e+20")
        var generator = SeededGenerator(seed: 12)
        for _ in 0..<20_000 {
            let value = [
                Double(Int.random(in: 0...10_000_000, using: &generator)) / 100,
                Double.random(in: 0...1e6, using: &generator),
                Double.random(in: 0...1e-3, using: &generator),
                Double.random(in: 1e8...1e12, using: &generator),
            ][Int.random(in: 0...3, using: &generator)]
            let text = written(value)
            #expect(Double(text) == value, "\(value) written \(text)")
            #expect(!text.contains(".") || !text.hasSuffix("0"), "\(value) written \(text)")
        }
    }
}
