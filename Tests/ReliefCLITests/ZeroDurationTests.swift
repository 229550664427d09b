import Foundation
import Testing

/// Issue 11, item 13: durations of 0 are kept by Kaplan–Meier with a warning naming their lines, and
/// left out of parametric fits with a warning saying why; excluded rows are named by line.
@Suite struct ZeroDurationTests {
    static func file(_ directory: URL) throws -> String {
        let path = directory.appendingPathComponent("zero.csv")
        try Data("relief_days,relief_ended,grp\n0,1,a\n4,0,b\n5,1,a\n0,0,b\n7,1,a\n9,1,b\nNA,1,a\n".utf8).write(to: path)
        return path.path
    }

    @Test("Kaplan–Meier keeps them, and the warning names their lines and the excluded one")
    func keptByKaplanMeier() throws {
        let directory = try ReliefProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let output = try ReliefProcess.run(["summary", try Self.file(directory), "--format", "json"])
        #expect(output.status == 0)
        #expect(output.stdout.contains("\"rows_used\": 6"))
        #expect(output.stderr.contains("2 rows have a duration of 0 (lines 2, 5)"))
        #expect(output.stderr.contains("1 of 7 rows excluded (1 with a missing value: line 8)"))
    }

    @Test("a Weibull fit leaves them out and says why; a Cox fit keeps them")
    func parametricLeavesThemOut() throws {
        let directory = try ReliefProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = try Self.file(directory)
        let weibull = try ReliefProcess.run(["fit", "weibull", path, "--formula", "grp", "--format", "json"])
        #expect(weibull.status == 0, "\(weibull.stderr)")
        #expect(weibull.stdout.contains("\"n\": 4"))
        #expect(weibull.stderr.contains("2 rows with a duration of 0 (lines 2, 5) left out of the weibull fit"))
        let cox = try ReliefProcess.run(["fit", "cox", path, "--formula", "grp", "--format", "json"])
        #expect(cox.status == 0, "\(cox.stderr)")
        #expect(cox.stdout.contains("\"n\": 6"))
        #expect(!cox.stderr.contains("left out"))
    }
}
