import Foundation
import Testing

/// `relief split`: stdout or an atomic `-o`, exit codes (64 usage, 65 bad rows naming file, line and
/// column, 73 a target that is not a writable regular file or is the input), and a split file that the
/// other commands analyse with `--start tstart`.
@Suite struct SplitCommandTests {
    static let trial = ReliefProcess.packageRoot.appendingPathComponent("data/ketamine_trial.csv")

    static func file(_ text: String, in directory: URL, name: String = "in.csv") throws -> URL {
        let url = directory.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url
    }

    @Test func trialToFileAndStdout() throws {
        let directory = try ReliefProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let target = directory.appendingPathComponent("split.csv")
        let toFile = try ReliefProcess.run(["split", Self.trial.path, "--cut", "7,14,28", "-o", target.path])
        #expect(toFile.status == 0, "stderr: \(toFile.stderr)")
        #expect(toFile.stdout.isEmpty)
        #expect(toFile.stderr == "relief: 1597 rows cut at 7, 14, 28 into 3484 rows (1160 events, each on its row's last piece) -> \(target.path)\n")
        let toStdout = try ReliefProcess.run(["split", Self.trial.path, "--cut", "7,14,28"])
        #expect(toStdout.status == 0)
        #expect(try Data(contentsOf: target) == toStdout.stdoutData)
        #expect(toStdout.stderr.hasSuffix("-> stdout\n"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["split.csv"])
        // Analysed as (start, stop] rows the split trial gives the trial's medians (no patient column:
        // one patient's episodes all start at 0).
        let plain = try ReliefProcess.run(["summary", Self.trial.path, "--by", "dose_group", "--id", "", "--format", "csv"])
        let split = try ReliefProcess.run(["summary", target.path, "--by", "dose_group", "--id", "", "--start", "tstart", "--format", "csv"])
        #expect(split.status == 0, "stderr: \(split.stderr)")
        let medians = { (text: String) in text.split(separator: "\n").filter { $0.contains(",median,") }.map { $0.split(separator: ",").dropFirst(3).prefix(6).joined(separator: ",") } }
        #expect(!medians(plain.stdout).isEmpty && medians(plain.stdout) == medians(split.stdout))
    }

    @Test func usageErrorsExit64() throws {
        let directory = try ReliefProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let tstart = try Self.file("tstart,relief_days,relief_ended\n0,5,1\n", in: directory)
        let cases: [([String], String)] = [
            (["split", Self.trial.path, "--cut", "7,x"], "'x' is not a non-negative number"),
            (["split", Self.trial.path, "--cut=-7,14"], "'-7' is not a non-negative number"),
            (["split", Self.trial.path, "--cut", "-7,14"], "Missing value for '--cut"),
            (["split", Self.trial.path, "--cut", "14,7"], "strictly increasing"),
            (["split", Self.trial.path, "--cut", "7,7,14"], "strictly increasing"),
            (["split", Self.trial.path, "--cut", ""], "--cut"),
            (["split", Self.trial.path], "--cut"),
            (["split", Self.trial.path, "--cut", "7", "--time", "days"], "no such column"),
            (["split", Self.trial.path, "--cut", "7", "--start-name", "site"], "already has a column"),
            (["split", Self.trial.path, "--cut", "7", "--episode-name", "relief_days"], "would both write"),
            (["split", Self.trial.path, "--cut", "7", "--id", "site"], "--id does not apply"),
            (["split", Self.trial.path, "--cut", "7", "-o", ""], "-o needs a file name"),
            (["split", tstart.path, "--cut", "7"], "--start tstart"),
        ]
        for (arguments, message) in cases {
            let output = try ReliefProcess.run(arguments)
            #expect(output.status == 64, "\(arguments): \(output.stderr)")
            #expect(output.stdout.isEmpty)
            #expect(output.stderr.contains(message), "\(arguments): \(output.stderr)")
        }
    }

    @Test func badRowsExit65NamingFileLineAndColumn() throws {
        let directory = try ReliefProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let target = directory.appendingPathComponent("split.csv")
        let cases = [
            ("id,relief_days,relief_ended\n1,5,1\n2,,0\n", [], "in.csv:3: column 'relief_days' (column 2): missing relief_days"),
            ("id,relief_days,relief_ended\n1,5,1\n2,0,1\n", [], "in.csv:3: column 'relief_days' (column 2): time 0: the interval (0, 0] is empty"),
            ("id,s,relief_days,relief_ended\n1,4,5,1\n2,6,5,1\n", ["--start", "s"], "in.csv:3: column 's' (column 2): the interval (start, stop] = (6, 5] is empty"),
            ("id,relief_days,relief_ended\n1,5,yes\n", [], "in.csv:2: column 'relief_ended' (column 3): event values must be 1"),
        ]
        for (text, options, message) in cases {
            let input = try Self.file(text, in: directory)
            let output = try ReliefProcess.run(["split", input.path, "--cut", "7", "-o", target.path] + options)
            #expect(output.status == 65, "\(text): \(output.stderr)")
            #expect(output.stderr.hasPrefix("relief: error: ") && output.stderr.contains(message), "\(output.stderr)")
            #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["in.csv"])
        }
        // --skip-invalid excludes them, each listed on stderr.
        let input = try Self.file(cases[0].0, in: directory)
        let skipped = try ReliefProcess.run(["split", input.path, "--cut", "3", "--skip-invalid"])
        #expect(skipped.status == 0, "\(skipped.stderr)")
        #expect(skipped.stdout == "id,tstart,relief_days,relief_ended,episode\n1,0,3,0,1\n1,3,5,1,2\n")
        #expect(skipped.stderr.contains("relief: warning: excluded line 3, column 'relief_days': missing relief_days"))
    }

    @Test func outputIsAtomicAndNeverReplacesTheInputOrAnOddFile() throws {
        let directory = try ReliefProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let input = try Self.file("relief_days,relief_ended\n9,1\n", in: directory)
        let before = try Data(contentsOf: input)
        let onto = try ReliefProcess.run(["split", input.path, "--cut", "7", "-o", input.path])
        #expect(onto.status == 73, "\(onto.stderr)")
        #expect(try Data(contentsOf: input) == before)
        let folder = directory.appendingPathComponent("folder")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: false)
        #expect(try ReliefProcess.run(["split", input.path, "--cut", "7", "-o", folder.path]).status == 73)
        let link = directory.appendingPathComponent("link.csv")
        let linked = directory.appendingPathComponent("linked.csv")
        try Data("keep\n".utf8).write(to: linked)
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: linked)
        #expect(try ReliefProcess.run(["split", input.path, "--cut", "7", "-o", link.path]).status == 73)
        #expect(try String(contentsOf: linked, encoding: .utf8) == "keep\n")
        let missing = try ReliefProcess.run(["split", input.path, "--cut", "7", "-o", directory.appendingPathComponent("no/such.csv").path])
        #expect(missing.status == 73)
        #expect(Set(try FileManager.default.contentsOfDirectory(atPath: directory.path)) == ["in.csv", "folder", "link.csv", "linked.csv"])
        // A ';' file with decimal commas is read as asked and written comma-separated.
        let semicolons = try Self.file("relief_days;relief_ended;dose\n9,5;1;0,5\n", in: directory, name: "semi.csv")
        let read = try ReliefProcess.run(["split", semicolons.path, "--cut", "7", "--delimiter", ";", "--decimal-comma"])
        #expect(read.status == 0 && read.stdout == "dose,tstart,relief_days,relief_ended,episode\n\"0,5\",0,7,0,1\n\"0,5\",7,9.5,1,2\n",
                "\(read.stdout)\(read.stderr)")
    }
}
