import Foundation
import Testing
@testable import DataIO

@Suite struct RoundTripTests {
    @Test func writerOutputReadsBackExactly() throws {
        let labels = ["a,b", "say \"hi\"", "two\nlines", "cr\r\nlf", "semi;colon", " padded ", "plain", "tab\there", "ünï"]
        let rows = labels.enumerated().map { k, label in [label, String(Double(k) + 0.5), k % 2 == 0 ? "1" : "0"] }
        let text = CSVWriter().string(header: ["label", "relief_days", "relief_ended"], rows: rows)
        let path = try TestSupport.temporaryFile(text)
        let data = try TestSupport.read(path, roles: ColumnRoles(by: ["label"]))
        let g = try #require(data.groupings.first)
        #expect(Set(g.levels) == Set(labels))
        #expect(g.codes.map { g.levels[$0] } == labels)
        #expect(data.time == labels.indices.map { Double($0) + 0.5 })
        #expect(data.exclusions.isEmpty)
    }

    @Test func semicolonWriterRoundTrip() throws {
        let writer = CSVWriter(delimiter: ";")
        let text = writer.string(header: ["g", "relief_days", "relief_ended"], rows: [["x;y", "1", "1"], ["z,w", "2", "0"]])
        let data = try TestSupport.read(try TestSupport.temporaryFile(text), dialect: CSVDialect(delimiter: .semicolon), roles: ColumnRoles(by: ["g"]))
        #expect(data.groupings.first?.levels == ["x;y", "z,w"])
    }

    @Test func atomicWriterRefusesTheInputItWasReadFrom() throws {
        let path = try TestSupport.temporaryFile("relief_days,relief_ended\n1,1\n")
        let data = try TestSupport.read(path)
        let writer = AtomicFileWriter(protectedPaths: [data.source.file])
        #expect(throws: DataError.self) { try writer.write("x", to: path) }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "relief_days,relief_ended\n1,1\n")
    }
}
