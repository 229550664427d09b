import Foundation
import Testing

/// Every command in every format on the bundled data and the R fixture files, against committed
/// golden outputs (`Golden/<case>.golden`: exit status, stderr, stdout and every file written to `-o`).
///
/// The cases are listed in `Golden/cases.json`. Text must match exactly; numbers are compared with
/// ``GoldenComparison`` (1e-10 relative), and iteration counts are ignored. `$OUT` in an argument is a
/// fresh directory, shown as `$OUT` in the golden text. `SOURCE_DATE_EPOCH=0` fixes the report's date.
///
/// To record new golden outputs after an intended change, run
/// `RELIEF_GOLDEN_RECORD=1 swift test --filter GoldenOutputTests`: each case then writes its file and
/// fails, so that a recording never passes silently; review the diff with `git diff Tests/`.
@Suite("Golden outputs of every command and format")
struct GoldenOutputTests {
    struct Case: Decodable, Sendable, CustomTestStringConvertible {
        let name: String
        let args: [String]
        var testDescription: String { name }
    }

    static let folder = ReliefProcess.packageRoot.appendingPathComponent("Tests/ReliefCLITests/Golden")

    static let cases: [Case] = {
        guard let data = try? Data(contentsOf: folder.appendingPathComponent("cases.json")),
            let cases = try? JSONDecoder().decode([Case].self, from: data)
        else { return [] }
        return cases
    }()

    @Test("the case list is read")
    func caseListIsRead() {
        #expect(Self.cases.count >= 80)
        #expect(Set(Self.cases.map(\.name)).count == Self.cases.count, "case names are unique")
    }

    @Test("output equals the golden output", arguments: cases)
    func output(_ testCase: Case) throws {
        let out = try ReliefProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: out) }
        let arguments = testCase.args.map { $0.replacingOccurrences(of: "$OUT", with: out.path) }
        let result = try ReliefProcess.run(arguments, environment: ["SOURCE_DATE_EPOCH": "0"])
        var text = "# exit: \(result.status)\n# stderr:\n\(result.stderr)# stdout:\n\(result.stdout)"
        let files = try FileManager.default.contentsOfDirectory(atPath: out.path).sorted()
        for file in files {
            let data = try Data(contentsOf: out.appendingPathComponent(file))
            text += "# file \(file):\n" + String(decoding: data, as: UTF8.self)
        }
        text = text.replacingOccurrences(of: out.path, with: "$OUT")
        let golden = Self.folder.appendingPathComponent(testCase.name + ".golden")
        if ProcessInfo.processInfo.environment["RELIEF_GOLDEN_RECORD"] == "1" {
            try Data(text.utf8).write(to: golden)
            Issue.record("recorded \(golden.lastPathComponent); unset RELIEF_GOLDEN_RECORD and run again")
            return
        }
        let expected = try String(contentsOf: golden, encoding: .utf8)
        if let difference = GoldenComparison(relativeTolerance: 1e-10).firstDifference(expected: expected, actual: text) {
            Issue.record("\(testCase.name): \(difference)")
        }
    }
}
