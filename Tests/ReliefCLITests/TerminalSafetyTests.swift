import Foundation
import Testing

/// Issue 11, items 7–8 through the command line: no raw control character reaches stderr, whether it
/// came from the command line (the parser's messages) or from the data (warnings), and CSV output
/// neutralises formulas.
@Suite struct TerminalSafetyTests {
    static let trial = ReliefProcess.packageRoot.appendingPathComponent("data/ketamine_trial.csv")

    static func hasRawControls(_ text: String) -> Bool {
        text.unicodeScalars.contains { scalar in
            scalar != "\n" && (scalar.properties.generalCategory == .control || scalar.properties.generalCategory == .format)
        }
    }

    @Test("an escape sequence in an option value is shown escaped, by our errors and by the parser's")
    func optionValues() throws {
        let ours = try ReliefProcess.run(["summary", Self.trial.path, "--by", "\u{1B}[31mred\u{9B}"])
        #expect(ours.status == 64)
        #expect(ours.stderr.contains("\\u{1B}[31mred\\u{9B}"))
        #expect(!Self.hasRawControls(ours.stderr))
        let parser = try ReliefProcess.run(["fit", "cox", Self.trial.path, "--formula", "dose_mg_kg", "--ties", "\u{1B}[2J"])
        #expect(parser.status == 64)
        #expect(parser.stderr.contains("\\u{1B}[2J"))
        #expect(!Self.hasRawControls(parser.stderr))
    }

    @Test("levels with bidi overrides and formulas: escaped on stderr and in JSON, neutralised in CSV")
    func dataValues() throws {
        let directory = try ReliefProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let csv = directory.appendingPathComponent("in.csv")
        try Data("relief_days,relief_ended,grp\n3,1,\u{202E}abc\n4,0,=cmd\n5,1,@x\n6,1,-0.5\n".utf8).write(to: csv)
        let json = try ReliefProcess.run(["summary", csv.path, "--by", "grp", "--format", "json"])
        #expect(json.status == 0)
        #expect(!Self.hasRawControls(json.stderr) && !Self.hasRawControls(json.stdout))
        #expect(json.stdout.contains("\\u202eabc"))
        let table = try ReliefProcess.run(["summary", csv.path, "--by", "grp", "--format", "csv"])
        #expect(table.status == 0)
        let cells = table.stdout.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        let levels = Set(cells.compactMap { $0.count > 2 ? String($0[2]) : nil })
        #expect(levels.isSuperset(of: ["'=cmd", "'@x", "-0.5"]))
        #expect(!levels.contains("=cmd") && !levels.contains("@x"))
    }
}
