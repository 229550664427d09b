import Foundation
import NumericCore
import Testing
@testable import DataIO

/// Parsing in pieces on several threads gives exactly what parsing on one thread gives: the whole data
/// set (groupings with their level order, covariates, patient codes, exclusions with their lines, row
/// lines, SHA-256) or the same error. Small chunks, pieces of a few bytes and a threshold of 0 make the
/// files here take the parallel path; each test also checks that pieces were in fact taken.
@Suite struct ParallelReadingTests {
    /// The result of reading `path` on one thread, and on `threads` threads in pieces of at least
    /// `minimumPiece` bytes with `chunkSize`-byte reads; and the pieces the parallel read took.
    static func readBoth(
        _ path: String, dialect: CSVDialect = CSVDialect(), roles: ColumnRoles, threads: Int = 2, chunkSize: Int = 4096,
        minimumPiece: Int = 16
    ) -> (sequential: Result<SurvivalDataset, DataError>, parallel: Result<SurvivalDataset, DataError>, pieces: Int) {
        var one = SurvivalDatasetReader(dialect: dialect, roles: roles)
        one.chunkSize = chunkSize
        one.parallelThreads = 1
        var many = one
        many.parallelThreads = threads
        many.parallelThreshold = 0
        many.minimumPieceBytes = minimumPiece
        let tally = _PieceTally()
        many.pieceTally = tally
        let sequential = Result { () throws(DataError) in try one.read(path: path) }
        let parallel = Result { () throws(DataError) in try many.read(path: path) }
        return (sequential, parallel, tally.count)
    }

    /// Records an issue for every field where the two reads differ.
    static func expectSame(
        _ a: Result<SurvivalDataset, DataError>, _ b: Result<SurvivalDataset, DataError>, _ label: String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        switch (a, b) {
        case (.failure(let x), .failure(let y)):
            #expect(x == y, "\(label): errors differ", sourceLocation: sourceLocation)
        case (.success(let x), .success(let y)):
            #expect(x.source == y.source, "\(label): source", sourceLocation: sourceLocation)
            // Times are compared as bits: identical parsing, not approximately equal numbers.
            #expect(x.time.map(\.bitPattern) == y.time.map(\.bitPattern), "\(label): time", sourceLocation: sourceLocation)
            #expect(x.event == y.event, "\(label): event", sourceLocation: sourceLocation)
            #expect(x.start?.map(\.bitPattern) == y.start?.map(\.bitPattern), "\(label): start", sourceLocation: sourceLocation)
            #expect(x.groupings == y.groupings, "\(label): groupings", sourceLocation: sourceLocation)
            #expect(x.strata == y.strata, "\(label): strata", sourceLocation: sourceLocation)
            #expect(x.exclusions == y.exclusions, "\(label): exclusions", sourceLocation: sourceLocation)
            #expect(x.patients == y.patients, "\(label): patients", sourceLocation: sourceLocation)
            #expect(x.patientCodes == y.patientCodes, "\(label): patient codes", sourceLocation: sourceLocation)
            #expect(x.rowLines == y.rowLines, "\(label): row lines", sourceLocation: sourceLocation)
            #expect(x.covariates.count == y.covariates.count, "\(label): covariates", sourceLocation: sourceLocation)
            for (c, d) in zip(x.covariates, y.covariates) {
                #expect(c.name == d.name && c.levels == d.levels && c.codes == d.codes, "\(label): \(c.name)", sourceLocation: sourceLocation)
                #expect(c.numericValues?.map(\.bitPattern) == d.numericValues?.map(\.bitPattern), "\(label): \(c.name) values", sourceLocation: sourceLocation)
            }
        default:
            Issue.record("\(label): one read failed and the other did not: \(a) / \(b)", sourceLocation: sourceLocation)
        }
    }

    struct Source {
        var rng: SeededGenerator
        mutating func below(_ n: Int) -> Int { n <= 1 ? 0 : Int(rng.next() % UInt64(n)) }
        mutating func chance(_ percent: Int) -> Bool { below(100) < percent }
        mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }
    }

    /// A seeded file: quoted fields with delimiters, doubled quotes and line breaks (LF and CRLF) inside,
    /// CRLF and LF line ends, blank lines, missing values, and (when `bad`) ragged rows, negative and
    /// non-numeric times, unknown event codes and decimal commas; optionally a BOM.
    static func file(_ s: inout Source, rows: Int, bad: Bool) -> [UInt8] {
        var text = s.chance(20) ? "\u{FEFF}" : ""
        text += "patient_id,relief_days,relief_ended,dose_group,site,note,dose\n"
        for row in 0..<rows {
            let end = s.chance(30) ? "\r\n" : "\n"
            if s.chance(3) {
                text += end
                continue
            }
            var time = s.chance(4) ? s.pick(["NA", "", "."]) : "\(Double(s.below(4000)) / 10)"
            var event = s.chance(3) ? "NA" : s.pick(["0", "1", "1"])
            var dose = s.chance(4) ? "NA" : "\(Double(s.below(80)) / 8)"
            if bad && s.chance(4) {
                switch s.below(5) {
                case 0: time = "-\(s.below(9) + 1)"
                case 1: time = "soon"
                case 2: event = "yes"
                case 3: time = "\(s.below(9)),5"
                default: dose = "high"
                }
            }
            let group = s.pick(["low", "mid", "high", "\"mid\"", "NA"])
            let site = "\"S\(s.below(12))\""
            let note = s.pick([
                "plain", "\"a, b\"", "\"said \"\"no\"\"\"", "\"line\none\"", "\"two\r\nlines\nhere\"", "\"\"", "\"x\n\n\ny\"",
            ])
            var fields = ["P\(row / 3)", time, event, group, site, note, dose]
            if bad && s.chance(2) { fields.removeLast(s.below(3) + 1) }
            if bad && s.chance(1) { fields.append("extra") }
            text += fields.joined(separator: ",") + end
        }
        return Array(text.utf8)
    }

    @Test("random quoted files with bad rows: the same data set or the same error, in pieces and on one thread")
    func randomFiles() throws {
        var s = Source(rng: SeededGenerator(seed: 20_261_207))
        var piecesTaken = 0
        for trial in 0..<120 {
            let bad = trial % 3 != 0
            let bytes = Self.file(&s, rows: 50 + s.below(400), bad: bad)
            let path = try TestSupport.temporaryFile(bytes)
            var roles = ColumnRoles(by: ["dose_group"], covariates: s.chance(50) ? ["dose", "site"] : ["site"])
            roles.skipInvalid = bad && s.chance(70)
            if s.chance(30) { roles.descriptiveColumns = ["dose"] }
            let threads = 2 + s.below(4)
            let chunk = s.pick([64, 200, 1000, 4096, 1 << 16])
            let (one, many, pieces) = Self.readBoth(path, roles: roles, threads: threads, chunkSize: chunk, minimumPiece: s.pick([1, 16, 200]))
            Self.expectSame(one, many, "trial \(trial) (chunk \(chunk), \(threads) threads)")
            piecesTaken += pieces
        }
        #expect(piecesTaken > 200, "the parallel path was taken")
    }

    @Test("an unknown event code stops both reads at the same line with the same list of codes")
    func eventCodingError() throws {
        var text = "patient_id,relief_days,relief_ended\n"
        for row in 0..<3000 { text += "P\(row),\(row % 50 + 1),\(row == 2500 ? "yes" : row > 2600 ? "maybe\(row % 20)" : "\(row % 2)")\n" }
        let path = try TestSupport.temporaryFile(text)
        let (one, many, pieces) = Self.readBoth(path, roles: ColumnRoles(), chunkSize: 8192, minimumPiece: 512)
        Self.expectSame(one, many, "event codes")
        guard case .failure(let error) = many else {
            Issue.record("expected the event coding error")
            return
        }
        #expect(error.line == 2502)
        #expect(pieces > 0)
    }

    /// A numeric covariate with more than 65,536 distinct values switches to numeric mode; a later text
    /// value is then invalid, and its message names the line of the switch.
    @Test("the covariates' switch to numeric mode at 65,536 distinct values is the same in pieces", arguments: [
        "all numbers", "text after the switch", "text before the switch", "text at the end",
    ])
    func numericSwitch(_ variant: String) throws {
        let rows = _CovariateAccumulator.numericSwitch + 5000
        var text = "relief_days,relief_ended,x,g\n"
        for row in 0..<rows {
            var x = "\(row).\(row % 7)"
            if variant == "text after the switch" && row == _CovariateAccumulator.numericSwitch + 1200 { x = "none" }
            if variant == "text before the switch" && row == 30_000 { x = "none" }
            if variant == "text at the end" && row == rows - 3 { x = "none" }
            text += "\(row % 90 + 1),\(row % 2),\(x),g\(row % 5)\n"
        }
        let path = try TestSupport.temporaryFile(text)
        for skip in [false, true] {
            var roles = ColumnRoles(by: ["g"], covariates: ["x", "g"])
            roles.skipInvalid = skip
            for threads in [2, 3] {
                let (one, many, pieces) = Self.readBoth(path, roles: roles, threads: threads, chunkSize: 1 << 16, minimumPiece: 4096)
                Self.expectSame(one, many, "\(variant), skip \(skip), \(threads) threads")
                #expect(pieces > 0)
                if variant == "text after the switch", skip, case .success(let data) = many {
                    #expect(data.exclusions.count == 1)
                    #expect(data.exclusions.first?.reason.contains("by line \(_CovariateAccumulator.numericSwitch + 2)") == true)
                }
                if variant == "all numbers", case .success(let data) = many {
                    #expect(data.covariate(named: "x")?.isNumeric == true)
                }
            }
        }
    }

    @Test("many distinct levels and patient ids out of order keep their first-seen codes")
    func manyLevels() throws {
        var s = Source(rng: SeededGenerator(seed: 99))
        var text = "patient_id,relief_days,relief_ended,site,code\n"
        for _ in 0..<150_000 {
            text += "P\(s.below(70_000)),\(s.below(300) + 1),\(s.below(2)),S\(s.below(40)),c\(s.below(1_000_000))\n"
        }
        let path = try TestSupport.temporaryFile(text)
        let roles = ColumnRoles(by: ["site"], covariates: ["code"])
        let (one, many, pieces) = Self.readBoth(path, roles: roles, threads: 4, chunkSize: 1 << 18, minimumPiece: 1024)
        Self.expectSame(one, many, "many levels")
        #expect(pieces > 4)
        if case .success(let data) = many { #expect((data.covariate(named: "code")?.levels?.count ?? 0) > 65_536) }
    }

    @Test("a cut that falls inside a quoted field is not taken: the pieces from there are parsed on one thread")
    func cutInsideQuotes() throws {
        // A literal quote inside an unquoted field (`5"`) makes the quote count odd: the even-count line
        // ends after it lie inside the long quoted notes, so the cuts there are wrong and must be caught.
        var text = "patient_id,relief_days,relief_ended,note\nP0,1,1,5\"\n"
        for row in 1..<400 {
            let note = row % 10 == 0 ? "\"" + String(repeating: "long\nnote,", count: 40) + "\"" : "n\(row)"
            text += "P\(row),\(row % 30 + 1),\(row % 2),\(note)\n"
        }
        let path = try TestSupport.temporaryFile(text)
        let bytes = Array(text.utf8)
        let header = bytes.firstIndex(of: 0x0A).map { $0 + 1 } ?? 0
        // The planner's cuts for 4 pieces include one inside a quoted field ...
        let cuts = bytes.withUnsafeBufferPointer { buffer in
            _RecordBoundaries.cuts(buffer.baseAddress!, from: header, to: bytes.count, isAtEOF: true, pieces: 4)
        }
        let inside = cuts.dropFirst().dropLast().contains { cut in Self.insideQuotes(bytes, header, cut) }
        #expect(inside, "the test file must mislead the planner")
        // ... and the read is still exactly the one-thread read.
        for threads in [2, 4, 7] {
            let (one, many, _) = Self.readBoth(path, roles: ColumnRoles(), threads: threads, chunkSize: 1 << 16, minimumPiece: 64)
            Self.expectSame(one, many, "\(threads) threads")
        }
    }

    @Test("cuts in a well-quoted file fall only at record ends")
    func cutsAtRecordEnds() throws {
        var s = Source(rng: SeededGenerator(seed: 5))
        for _ in 0..<30 {
            let bytes = Self.file(&s, rows: 300, bad: false)
            let header = (bytes.firstIndex(of: 0x0A) ?? 0) + 1
            let end = bytes.count - s.below(200)
            let eof = end == bytes.count
            let cuts = bytes.withUnsafeBufferPointer { buffer in
                _RecordBoundaries.cuts(buffer.baseAddress!, from: header, to: end, isAtEOF: eof, pieces: 2 + s.below(6))
            }
            #expect(cuts.first == header)
            #expect(zip(cuts, cuts.dropFirst()).allSatisfy { $0 < $1 })
            #expect(cuts.count > 2)
            for cut in cuts.dropFirst() where cut < bytes.count {
                #expect(bytes[cut - 1] == 0x0A && !Self.insideQuotes(bytes, header, cut))
            }
        }
    }

    @Test("a small file, or one thread, is read without pieces")
    func thresholds() throws {
        var s = Source(rng: SeededGenerator(seed: 11))
        let path = try TestSupport.temporaryFile(Self.file(&s, rows: 300, bad: false))
        var reader = SurvivalDatasetReader(dialect: CSVDialect(), roles: ColumnRoles())
        reader.parallelThreads = 2
        reader.minimumPieceBytes = 16
        func pieces(_ reader: SurvivalDatasetReader) throws -> Int {
            var counted = reader
            let tally = _PieceTally()
            counted.pieceTally = tally
            _ = try counted.read(path: path)
            return tally.count
        }
        #expect(try pieces(reader) == 0)
        reader.parallelThreshold = 0
        #expect(try pieces(reader) > 0)
        reader.parallelThreads = 1
        #expect(try pieces(reader) == 0)
    }

    @Test("a borrowed piece that ends inside a quoted field reports the unclosed quote")
    func pieceEndingInsideQuotes() {
        let bytes = Array("P1,1,\"a\nb\"\n".utf8)
        let result = bytes.withUnsafeBufferPointer { buffer -> Bool in
            let parser = _CSVRecordParser(borrowing: buffer.baseAddress!, count: 8, file: "x", delimiter: 0x2C, maxFieldBytes: 1 << 20, maxColumns: 10)
            return (try? parser.nextRecord()) == nil
        }
        #expect(result)
    }

    /// Whether `cut` lies inside a quoted field when `bytes` are parsed from the record start `from`
    /// (the parser's rule: a quote opens a field only at its start).
    static func insideQuotes(_ bytes: [UInt8], _ from: Int, _ cut: Int) -> Bool {
        var inQuotes = false
        var atFieldStart = true
        var k = from
        while k < cut {
            let b = bytes[k]
            if inQuotes {
                if b == 0x22 {
                    if k + 1 < bytes.count && bytes[k + 1] == 0x22 { k += 1 } else { inQuotes = false }
                }
            } else if atFieldStart && b == 0x22 {
                inQuotes = true
                atFieldStart = false
            } else {
                atFieldStart = b == 0x2C || b == 0x0A || b == 0x0D
            }
            k += 1
        }
        return inQuotes
    }
}

/// Pieces large enough to switch to numeric mode on their own (one window holds the whole file).
@Suite struct ParallelNumericSwitchTests {
    @Test("a piece that switched on its own is merged only when reading in order would switch too", arguments: [
        "distinct throughout", "repeats then distinct", "text first", "text after the second piece's switch",
    ])
    func pieceSwitches(_ variant: String) throws {
        let half = _CovariateAccumulator.numericSwitch + 3000
        var text = "relief_days,relief_ended,x\n"
        for row in 0..<(2 * half) {
            var x = variant == "repeats then distinct" && row < half ? "\(row % 100)" : "\(row).5"
            if variant == "text first" && row == 10 { x = "none" }
            if variant == "text after the second piece's switch" && row == 2 * half - 5 { x = "none" }
            text += "\(row % 90 + 1),\(row % 2),\(x)\n"
        }
        let path = try TestSupport.temporaryFile(text)
        for skip in [true, false] {
            var roles = ColumnRoles(covariates: ["x"])
            roles.skipInvalid = skip
            let (one, many, pieces) = ParallelReadingTests.readBoth(path, roles: roles, threads: 2, chunkSize: 1 << 23, minimumPiece: 1 << 16)
            ParallelReadingTests.expectSame(one, many, "\(variant), skip \(skip)")
            // Two pieces; the second switched on its own and cannot be merged after a text value, nor
            // when it met a text value after its switch (its message would name its own line).
            #expect(pieces == (variant == "text first" || variant == "text after the second piece's switch" ? 1 : 2))
            if case .success(let data) = many {
                #expect(data.covariate(named: "x")?.isNumeric == (variant != "text first"))
            }
        }
    }
}

/// The patient ids are read only when asked for (or for entry times).
@Suite struct PatientColumnReadingTests {
    static let text = "patient_id,start,relief_days,relief_ended\nP1,0,5,1\nP1,5,9,0\nP2,0,4,1\n"

    @Test("without readsPatients the ids are not coded; the rest of the data set is the same")
    func notRead() throws {
        let path = try TestSupport.temporaryFile(Self.text)
        var roles = ColumnRoles()
        let all = try TestSupport.read(path, roles: roles)
        roles.readsPatients = false
        let some = try TestSupport.read(path, roles: roles)
        #expect(all.patients == 2 && all.patientCodes == [0, 0, 1])
        #expect(some.patients == nil && some.patientCodes == nil)
        #expect(some.time == all.time && some.rowLines == all.rowLines && some.source == all.source)
    }

    @Test("an id column that is not there is still an error; entry times still read the ids")
    func stillChecked() throws {
        let path = try TestSupport.temporaryFile(Self.text)
        var roles = ColumnRoles(id: "subject")
        roles.readsPatients = false
        #expect(TestSupport.error(path, roles: roles)?.kind == .usage)
        roles = ColumnRoles(start: "start")
        roles.readsPatients = false
        let data = try TestSupport.read(path, roles: roles)
        #expect(data.patientCodes == [0, 0, 1])
    }
}
