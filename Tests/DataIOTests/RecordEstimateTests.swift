import Foundation
import Testing
@testable import DataIO

/// The record-count estimate that sizes the reader's per-row arrays before the rows stream past.
@Suite struct RecordEstimateTests {
    /// A file of a header and `rows` rows of varying width.
    static func file(rows: Int, lineEnd: String = "\n") -> String {
        var text = "patient_id,relief_days,relief_ended,grp" + lineEnd
        for row in 0..<rows {
            text += "P\(row / 3),\(Double(row % 997) / 10),\(row % 2),\(row % 7 == 0 ? "\"x, y\"" : "g\(row % 5)")" + lineEnd
        }
        return text
    }

    static func estimate(_ text: String, chunkSize: Int) throws -> Int {
        let path = try TestSupport.temporaryFile(text)
        let parser = try _CSVRecordParser(path: path, maxFieldBytes: 1 << 20, maxColumns: 100, chunkSize: chunkSize)
        try parser.fill()
        return parser.estimatedRecords()
    }

    @Test func wholeFileBufferedCountsItsLines() throws {
        let estimate = try Self.estimate(Self.file(rows: 500), chunkSize: 1 << 20)
        #expect(estimate == 502)  // header, 500 rows, and the empty tail after the last line end
    }

    @Test func sampleEstimatesAFileLargerThanItsChunk() throws {
        let rows = 40_000
        let text = Self.file(rows: rows)
        let estimate = try Self.estimate(text, chunkSize: 64 << 10)
        #expect(estimate >= rows, "an estimate below the rows would let the arrays grow again")
        #expect(estimate <= rows + rows / 8 + 64, "estimate \(estimate) for \(rows) rows")
    }

    @Test func crlfLinesAreCountedOnce() throws {
        let rows = 40_000
        let estimate = try Self.estimate(Self.file(rows: rows, lineEnd: "\r\n"), chunkSize: 64 << 10)
        #expect(estimate >= rows && estimate <= rows + rows / 8 + 64)
    }

    @Test func noLineFeedMeansNoEstimate() throws {
        #expect(try Self.estimate("a,b\rc,d\r" + String(repeating: "1,2\r", count: 50_000), chunkSize: 4096) == 0)
        #expect(try Self.estimate("", chunkSize: 4096) == 0)
    }

    /// Sizing by the estimate changes nothing that is read: a file read with a chunk far smaller than
    /// itself (estimate from a sample) equals the same file read in one chunk (estimate exact).
    @Test func readingIsTheSameWhateverTheEstimate() throws {
        let path = try TestSupport.temporaryFile(Self.file(rows: 30_000))
        let roles = ColumnRoles(by: ["grp"])
        let small = try TestSupport.read(path, roles: roles, chunkSize: 4096)
        let whole = try TestSupport.read(path, roles: roles, chunkSize: 8 << 20)
        #expect(small.time == whole.time)
        #expect(small.event == whole.event)
        #expect(small.rowLines == whole.rowLines)
        #expect(small.patients == whole.patients)
        #expect(small.groupings.map(\.codes) == whole.groupings.map(\.codes))
        #expect(small.groupings.map(\.levels) == whole.groupings.map(\.levels))
        #expect(small.time.count == 30_000)
    }
}
