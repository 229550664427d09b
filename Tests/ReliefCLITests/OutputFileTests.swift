import Foundation
import Testing

/// `-o` writes atomically, refuses the input and fails cleanly on a missing directory.
@Suite struct OutputFileTests {
    static let trial = ReliefProcess.packageRoot.appendingPathComponent("data/ketamine_trial.csv")

    @Test func outputOntoTheInputIsRefused() throws {
        let directory = try ReliefProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let copy = directory.appendingPathComponent("trial.csv")
        try FileManager.default.copyItem(at: Self.trial, to: copy)
        let before = try Data(contentsOf: copy)
        let output = try ReliefProcess.run(["summary", copy.path, "--by", "dose_group", "-o", copy.path])
        #expect(output.status == 73, "stderr: \(output.stderr)")
        #expect(output.stderr.hasPrefix("relief: error: "))
        #expect(output.stderr.contains("refusing to overwrite"))
        #expect(try Data(contentsOf: copy) == before)
        // Through another spelling of the same path, too.
        let sneaky = directory.appendingPathComponent("./sub/../trial.csv").path
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("sub"), withIntermediateDirectories: true)
        let again = try ReliefProcess.run(["summary", copy.path, "-o", sneaky], in: directory)
        #expect(again.status == 73)
        #expect(try Data(contentsOf: copy) == before)
    }

    @Test func outputIntoAMissingDirectoryLeavesNoFile() throws {
        let directory = try ReliefProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let target = directory.appendingPathComponent("missing/summary.txt")
        let output = try ReliefProcess.run(["summary", Self.trial.path, "-o", target.path])
        #expect(output.status == 73, "stderr: \(output.stderr)")
        #expect(output.stderr.split(separator: "\n").count == 1)
        #expect(output.stdout.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: target.path))
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("missing").path))
    }

    @Test func outputFileHoldsTheSameBytesAsStdout() throws {
        let directory = try ReliefProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let target = directory.appendingPathComponent("summary.json")
        let arguments = ["summary", Self.trial.path, "--by", "dose_group", "--format", "json"]
        let toFile = try ReliefProcess.run(arguments + ["-o", target.path])
        #expect(toFile.status == 0, "stderr: \(toFile.stderr)")
        #expect(toFile.stdout.isEmpty)
        let toStdout = try ReliefProcess.run(arguments)
        let fileText = try String(contentsOf: target, encoding: .utf8)
        // The recorded command lines differ by "-o path"; everything else is identical.
        let strip = { (text: String) in text.split(separator: "\n").filter { !$0.contains("\"command\"") } }
        #expect(strip(fileText) == strip(toStdout.stdout))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        #expect(leftovers == ["summary.json"])   // no temporary file left behind
    }
}
