import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Issue 11, items 4–6, through the command line: what `-o` may replace, the permissions of what it
/// creates, several files written as one, and no temporary left behind by an interrupt.
@Suite struct OutputSafetyTests {
    static let trial = ReliefProcess.packageRoot.appendingPathComponent("data/ketamine_trial.csv")

    private func entries(_ directory: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
    }

    private func mode(_ path: String) -> mode_t {
        var info = stat()
        return stat(path, &info) == 0 ? info.st_mode & 0o7777 : 0
    }

    @Test("-o onto a symbolic link exits 73 and leaves the link and its target alone")
    func symlinkTarget() throws {
        let directory = try ReliefProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let target = directory.appendingPathComponent("kept.txt")
        try Data("kept\n".utf8).write(to: target)
        let link = directory.appendingPathComponent("summary.txt")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: target)
        let output = try ReliefProcess.run(["summary", Self.trial.path, "-o", link.path])
        #expect(output.status == 73)
        #expect(output.stderr.contains("symbolic link"))
        #expect(try String(contentsOf: target, encoding: .utf8) == "kept\n")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link.path) == target.path)
    }

    @Test("-o onto a FIFO exits 73 without blocking and the FIFO stays")
    func fifoTarget() throws {
        let directory = try ReliefProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let fifo = directory.appendingPathComponent("out.csv").path
        #expect(mkfifo(fifo, 0o644) == 0)
        let output = try ReliefProcess.run(["summary", Self.trial.path, "--format", "csv", "-o", fifo])
        #expect(output.status == 73)
        var info = stat()
        #expect(lstat(fifo, &info) == 0 && (info.st_mode & S_IFMT) == S_IFIFO)
        #expect(try entries(directory) == ["out.csv"])
    }

    @Test("a report with --include-ids is created 0600; without, with the umask")
    func privateReport() throws {
        let directory = try ReliefProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let withIds = directory.appendingPathComponent("ids.html").path
        let plain = directory.appendingPathComponent("plain.html").path
        #expect(try ReliefProcess.run(["report", Self.trial.path, "--include-ids", "-o", withIds]).status == 0)
        #expect(try ReliefProcess.run(["report", Self.trial.path, "-o", plain]).status == 0)
        #expect(mode(withIds) == 0o600)
        let mask = umask(0o022)
        umask(mask)
        #expect(mode(plain) == 0o666 & ~mask)
    }

    @Test("a Markdown report that cannot be written leaves the earlier report and figures untouched")
    func markdownAllOrNothing() throws {
        let directory = try ReliefProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let target = directory.appendingPathComponent("review.md")
        #expect(try ReliefProcess.run(["report", Self.trial.path, "--format", "markdown", "-o", target.path]).status == 0)
        let before = try entries(directory)
        let figure = directory.appendingPathComponent("review-km-1.svg")
        let oldFigure = try Data(contentsOf: figure)
        // Make the Markdown file unwritable by replacing it with a directory: the figures come first.
        try FileManager.default.removeItem(at: target)
        try FileManager.default.createDirectory(at: target, withIntermediateDirectories: false)
        let output = try ReliefProcess.run(
            ["report", Self.trial.path, "--format", "markdown", "--title", "Another", "-o", target.path])
        #expect(output.status == 73)
        #expect(try Data(contentsOf: figure) == oldFigure)
        #expect(try entries(directory) == before)
    }

    @Test("simulate: when the truth file cannot be written, an earlier CSV stays as it was")
    func simulateAllOrNothing() throws {
        let directory = try ReliefProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let csv = directory.appendingPathComponent("trial.csv")
        try Data("earlier\n".utf8).write(to: csv)
        try FileManager.default.createDirectory(
            at: directory.appendingPathComponent("trial.truth.json"), withIntermediateDirectories: false)
        let output = try ReliefProcess.run(["simulate", "--patients", "20", "-o", csv.path])
        #expect(output.status == 73)
        #expect(try String(contentsOf: csv, encoding: .utf8) == "earlier\n")
        #expect(try entries(directory) == ["trial.csv", "trial.truth.json"])
    }

    @Test("SIGTERM while the output is being written: exit 143 and no temporary file left")
    func interruptRemovesTemporary() throws {
        let binary = try #require(ReliefProcess.binary)
        var caught = false
        for attempt in 0..<4 where !caught {
            let directory = try ReliefProcess.temporaryDirectory()
            defer { try? FileManager.default.removeItem(at: directory) }
            let output = directory.appendingPathComponent("big.csv")
            let process = Process()
            process.executableURL = binary
            process.arguments = ["simulate", "--rows", String(400_000 << attempt), "-o", output.path]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            // Poll for the temporary file and signal as soon as it exists.
            while process.isRunning {
                let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
                if names.contains(where: { $0.hasPrefix(".big.csv.tmp-") }) {
                    process.terminate()
                    caught = true
                    break
                }
                usleep(200)
            }
            process.waitUntilExit()
            let left = try entries(directory)
            #expect(!left.contains { $0.contains(".tmp-") }, "temporaries left: \(left)")
            if caught, process.terminationStatus == 0 {
                // On a loaded machine the signal can land after the rename: the output is whole and
                // nothing is left over; try again with a larger file.
                #expect(FileManager.default.fileExists(atPath: output.path))
                caught = false
            } else if caught {
                #expect(process.terminationStatus == 143, "status \(process.terminationStatus), \(process.terminationReason)")
            }
        }
        #expect(caught, "the write finished before the test could interrupt it")
    }
}
