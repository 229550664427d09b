import Foundation
import Testing

/// Every bad input gets the right exit code and one clear line on stderr naming what was found and
/// what to do, and nothing on stdout.
@Suite struct BadInputTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let file: String
        let arguments: [String]
        let status: Int32
        /// Words the message must contain (case-insensitive).
        let words: [String]
        var testDescription: String { file + " " + arguments.joined(separator: " ") }
    }

    static let cases: [Case] = [
        // A ';' header is read as ';'-separated (issue 11, item 11); its decimal commas then need the option.
        Case(file: "semicolon.csv", arguments: ["--delimiter", ","], status: 65, words: ["relief_days", "--decimal-comma"]),
        Case(file: "semicolon.csv", arguments: [], status: 65, words: ["relief_days", "--decimal-comma"]),
        Case(file: "semicolon.csv", arguments: ["--delimiter", "auto"], status: 65, words: ["relief_days", "--decimal-comma"]),
        Case(file: "yes_no_events.csv", arguments: [], status: 65, words: ["relief_ended", "yes", "no", "--event-codes"]),
        Case(file: "true_false_events.csv", arguments: [], status: 65, words: ["relief_ended", "TRUE", "FALSE", "--event-codes"]),
        Case(file: "one_two_events.csv", arguments: [], status: 65, words: ["relief_ended", "2", "--event-codes"]),
        Case(file: "ragged_row.csv", arguments: [], status: 65, words: ["ragged_row.csv:6", "field"]),
        Case(file: "negative_time.csv", arguments: [], status: 65, words: ["negative_time.csv:8", "relief_days", "negative", "--skip-invalid"]),
        Case(file: "non_numeric_time.csv", arguments: [], status: 65, words: ["non_numeric_time.csv:4", "relief_days", "three", "--skip-invalid"]),
        Case(file: "empty.csv", arguments: [], status: 65, words: ["empty"]),
        Case(file: "header_only.csv", arguments: [], status: 65, words: ["no data rows"]),
        Case(file: "duplicate_columns.csv", arguments: [], status: 65, words: ["duplicate", "relief_days"]),
        Case(file: "fake_spreadsheet.csv", arguments: [], status: 65, words: ["xlsx", "CSV"]),
        Case(file: "nul_bytes.csv", arguments: [], status: 65, words: ["NUL"]),
        Case(file: "invalid_utf8.csv", arguments: [], status: 65, words: ["UTF-8"]),
        Case(file: "one_two_events.csv", arguments: ["--by", "dose"], status: 64, words: ["dose", "dose_group"]),
        Case(file: "too_many_groups.csv", arguments: ["--by", "dose_group"], status: 65, words: ["dose_group", "1000"]),
        Case(file: "no_such_file.csv", arguments: [], status: 66, words: ["no_such_file.csv"]),
    ]

    @Test(arguments: cases)
    func badInputIsRejectedClearly(_ testCase: Case) throws {
        let path = ReliefProcess.badInputs.appendingPathComponent(testCase.file).path
        let output = try ReliefProcess.run(["summary", path] + testCase.arguments)
        #expect(output.status == testCase.status, "stderr: \(output.stderr)")
        #expect(output.stdout.isEmpty)
        let lines = output.stderr.split(separator: "\n", omittingEmptySubsequences: true)
        #expect(lines.count == 1, "expected one line on stderr, got: \(output.stderr)")
        #expect(output.stderr.hasPrefix("relief: error: "))
        for word in testCase.words {
            #expect(output.stderr.localizedCaseInsensitiveContains(word), "'\(word)' missing in: \(output.stderr)")
        }
        #expect(!output.stderr.contains("Fatal error"))
        #expect(!output.stderr.contains("Stack"))
    }

    @Test func eventCodesMapYesNo() throws {
        let path = ReliefProcess.badInputs.appendingPathComponent("yes_no_events.csv").path
        let output = try ReliefProcess.run(["summary", path, "--event-codes", "ended=yes", "censored=no", "--format", "json"])
        #expect(output.status == 0, "stderr: \(output.stderr)")
        let object = try JSONSerialization.jsonObject(with: output.stdoutData) as? [String: Any]
        let groups = try #require(object?["groups"] as? [[String: Any]])
        #expect(groups.first?["events"] as? Int == 8)
        #expect(groups.first?["censored"] as? Int == 4)
    }

    @Test func skipInvalidListsEachExclusion() throws {
        let path = ReliefProcess.badInputs.appendingPathComponent("negative_time.csv").path
        let output = try ReliefProcess.run(["summary", path, "--skip-invalid", "--format", "json"])
        #expect(output.status == 0, "stderr: \(output.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: output.stdoutData) as? [String: Any])
        let input = try #require(object["input"] as? [String: Any])
        #expect(input["rows_read"] as? Int == 12)
        #expect(input["rows_used"] as? Int == 11)
        #expect(input["rows_excluded"] as? Int == 1)
        let exclusions = try #require(input["exclusions"] as? [[String: Any]])
        #expect(exclusions.first?["line"] as? Int == 8)
        #expect(exclusions.first?["column"] as? String == "relief_days")
        #expect((exclusions.first?["reason"] as? String)?.contains("negative") == true)
        #expect(output.stderr.contains("relief: warning: 1 of 12 rows excluded"))
    }

    @Test func controlCharactersInLabelsAreEscapedInTheTable() throws {
        let path = ReliefProcess.badInputs.appendingPathComponent("control_labels.csv").path
        let output = try ReliefProcess.run(["summary", path, "--by", "dose_group"])
        #expect(output.status == 0, "stderr: \(output.stderr)")
        #expect(output.stdout.contains("hi\\u{1B}[31mgh"))
        #expect(output.stdout.contains("lo\\tw"))
        #expect(!output.stdout.contains("\u{1B}"))
        #expect(!output.stdout.contains("\t"))
        let json = try ReliefProcess.run(["summary", path, "--by", "dose_group", "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: json.stdoutData) as? [String: Any])
        let groups = try #require(object["groups"] as? [[String: Any]])
        let labels = groups.compactMap { ($0["by"] as? [String: String])?["dose_group"] }
        #expect(Set(labels) == ["hi\u{1B}[31mgh", "lo\tw"])   // JSON keeps the raw label, escaped as JSON
    }
}
