import Foundation
import Testing

/// Issue 11, items 9 and 14: the report's default formula backquotes column names that need it, and
/// "Columns not used" never lists a column of the user's formula.
@Suite struct ReportPlanTests {
    static func file(_ directory: URL) throws -> String {
        var text = "patient_id,relief_days,relief_ended,dose group,interval_days,age,notes\n"
        var state: UInt64 = 7
        func next(_ n: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(n))
        }
        for row in 0..<200 {
            let group = next(2) == 0 ? "low" : "high"
            text += "P\(row / 3),\(1 + next(40)),\(next(2)),\(group),\([7, 14, 28][next(3)]),\(30 + next(40)),x\n"
        }
        let path = directory.appendingPathComponent("plan.csv")
        try Data(text.utf8).write(to: path)
        return path.path
    }

    @Test("a grouping column with a space enters the default formula backquoted and the model is fitted")
    func backquotedDefault() throws {
        let directory = try ReliefProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let output = directory.appendingPathComponent("r.html").path
        let run = try ReliefProcess.run(["report", try Self.file(directory), "--by", "dose group", "-o", output])
        #expect(run.status == 0, "\(run.stderr)")
        let html = try String(contentsOfFile: output, encoding: .utf8)
        #expect(html.contains("`dose group` + interval_days"))
        #expect(!run.stderr.contains("regression is not available"))
    }

    @Test("columns of the user's formula are not listed as unused")
    func formulaColumnsAreUsed() throws {
        let directory = try ReliefProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let output = directory.appendingPathComponent("r.html").path
        let run = try ReliefProcess.run(
            ["report", try Self.file(directory), "--by", "dose group", "--formula", "age + interval_days", "-o", output])
        #expect(run.status == 0, "\(run.stderr)")
        let html = try String(contentsOfFile: output, encoding: .utf8)
        let unused = html.components(separatedBy: "Columns not used, and not shown: ").dropFirst().first?.prefix(60) ?? ""
        #expect(unused.hasPrefix("notes."))
    }
}
