import Foundation
import Testing
@testable import DataIO

@Suite struct AtomicFileWriterTests {
    private func makeDirectory() throws -> String {
        let dir = FileManager.default.temporaryDirectory
            .appendingPathComponent("dataio-atomic-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    private func entries(_ dir: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: dir).sorted()
    }

    @Test func writesContentAndLeavesNoTemporaryFile() throws {
        let dir = try makeDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/out.csv"
        try AtomicFileWriter().write(Data("hello\n".utf8), to: path)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "hello\n")
        try AtomicFileWriter().write("second\n", to: path)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "second\n")
        #expect(try entries(dir) == ["out.csv"])
    }

    @Test func refusesToOverwriteAnInputEvenThroughAnotherSpelling() throws {
        let dir = try makeDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let input = dir + "/in.csv"
        try Data("a,b\n1,2\n".utf8).write(to: URL(fileURLWithPath: input))
        try FileManager.default.createDirectory(atPath: dir + "/sub", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: dir + "/link.csv", withDestinationPath: input)
        let writer = AtomicFileWriter(protectedPaths: [input])
        for spelling in [input, dir + "/sub/../in.csv", dir + "/./in.csv", dir + "/link.csv"] {
            do {
                try writer.write(Data("x".utf8), to: spelling)
                Issue.record("expected a refusal for \(spelling)")
            } catch {
                #expect(error.kind == .cannotWrite)
                #expect(error.description.contains("refusing to overwrite"))
            }
        }
        #expect(try String(contentsOfFile: input, encoding: .utf8) == "a,b\n1,2\n")
        #expect(try entries(dir) == ["in.csv", "link.csv", "sub"])
    }

    @Test func failureLeavesNothingBehind() throws {
        let dir = try makeDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        // Destination is a directory.
        #expect(throws: DataError.self) { try AtomicFileWriter().write(Data("x".utf8), to: dir) }
        // Directory does not exist.
        do {
            try AtomicFileWriter().write(Data("x".utf8), to: dir + "/missing/out.csv")
            Issue.record("expected a failure")
        } catch {
            #expect(error.kind == .cannotWrite)
            #expect(error.message.contains("cannot create a file"))
        }
        #expect(try entries(dir).isEmpty)
    }
}
