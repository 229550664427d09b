import Foundation
import Testing

/// Issue 11, items 12 and 16: a title above the header is found and `--skip-lines` skips it; on a
/// terminal each warning is printed once.
@Suite struct TitleLinesAndTerminalTests {
    static func titled(_ directory: URL) throws -> String {
        let path = directory.appendingPathComponent("titled.csv")
        try Data("Ketamine clinic export, December 2026\nsite: north\nrelief_days,relief_ended,grp\n3,1,a\n4,0,b\n5,1,a\n".utf8)
            .write(to: path)
        return path.path
    }

    @Test("a title above the header: the error names the header's line and --skip-lines reads the file")
    func titleLines() throws {
        let directory = try ReliefProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = try Self.titled(directory)
        let refused = try ReliefProcess.run(["summary", path])
        #expect(refused.status == 64)
        #expect(refused.stderr.contains("the header seems to start on line 3"))
        #expect(refused.stderr.contains("--skip-lines 2"))
        let read = try ReliefProcess.run(["summary", path, "--skip-lines", "2", "--format", "json"])
        #expect(read.status == 0, "\(read.stderr)")
        #expect(read.stdout.contains("\"rows_read\": 3"))
        #expect(read.stdout.contains("\"skip-lines\": \"2\""))
        let tooMany = try ReliefProcess.run(["summary", path, "--skip-lines", "40"])
        #expect(tooMany.status == 65)
    }

    @Test("on a terminal a warning appears once; with stderr apart, once on each stream")
    func warningsOnce() throws {
        let script = "/usr/bin/script"
        try #require(FileManager.default.isExecutableFile(atPath: script), "util-linux script is needed")
        let binary = try #require(ReliefProcess.binary)
        let directory = try ReliefProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = try Self.titled(directory)
        let warning = "beyond the last time"
        let command = "\(binary.path) summary \(path) --skip-lines 2"
        // `script` runs the command with stdout and stderr on one pseudo-terminal and copies it to ours.
        let process = Process()
        process.executableURL = URL(fileURLWithPath: script)
        process.arguments = ["-qec", command, "/dev/null"]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let screen = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(screen.components(separatedBy: warning).count - 1 == 1, "\(screen)")
        let piped = try ReliefProcess.run(["summary", path, "--skip-lines", "2"])
        #expect(piped.stdout.components(separatedBy: warning).count - 1 == 1)
        #expect(piped.stderr.components(separatedBy: warning).count - 1 == 1)
    }
}

/// The error paths of `--skip-lines` and of a read-only `-o`, through the CLI: exit code and message.
@Suite struct SkipLinesAndReadOnlyErrorTests {
    @Test("--skip-lines past the end is bad data (65); a negative count is a usage error (64)")
    func skipLinesErrors() throws {
        let directory = try ReliefProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = try TitleLinesAndTerminalTests.titled(directory)
        let tooMany = try ReliefProcess.run(["summary", path, "--skip-lines", "40"])
        #expect(tooMany.status == 65)
        #expect(tooMany.stderr.contains("fewer than 40 lines before its data"))
        let negative = try ReliefProcess.run(["summary", path, "--skip-lines=-1"])
        #expect(negative.status == 64)
        #expect(negative.stderr.contains("--skip-lines must be 0 or more"))
    }

    @Test("-o onto a read-only file exits 73 and leaves it as it was", .enabled(if: getuid() != 0, "root may write anything"))
    func readOnlyTarget() throws {
        let directory = try ReliefProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let target = directory.appendingPathComponent("kept.txt")
        try Data("kept\n".utf8).write(to: target)
        chmod(target.path, 0o444)
        let trial = ReliefProcess.packageRoot.appendingPathComponent("data/ketamine_trial.csv").path
        let output = try ReliefProcess.run(["summary", trial, "-o", target.path])
        #expect(output.status == 73)
        #expect(output.stderr.contains("read-only"))
        #expect(try String(contentsOf: target, encoding: .utf8) == "kept\n")
    }
}
