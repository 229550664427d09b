import Foundation
import Testing

/// Issue 11, item 17: `relief predict` warns when a parametric prediction lies past the last observed
/// time and marks those rows in every format.
@Suite struct ExtrapolationTests {
    static let trial = ReliefProcess.packageRoot.appendingPathComponent("data/ketamine_trial.csv").path
    static let arguments = ["predict", "weibull", trial, "--formula", "dose_mg_kg", "--at", "dose_mg_kg=0.5",
                            "--times", "14,400", "--tau", "500"]

    @Test("a warning names what is extrapolated; JSON and CSV mark the rows")
    func marked() throws {
        let json = try ReliefProcess.run(Self.arguments + ["--format", "json"])
        #expect(json.status == 0, "\(json.stderr)")
        #expect(json.stderr.contains("past the last observed time (79.8) extrapolate the model: time 400; tau 500"))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["last_observed_time"] as? Double == 79.8)
        let profile = try #require((object["profiles"] as? [[String: Any]])?.first)
        let survival = try #require(profile["survival"] as? [[String: Any]])
        #expect(survival.compactMap { $0["extrapolated"] as? Bool } == [false, true])
        #expect((profile["rmst"] as? [String: Any])?["extrapolated"] as? Bool == true)
        #expect((profile["median"] as? [String: Any])?["extrapolated"] as? Bool == false)
        let csv = try ReliefProcess.run(Self.arguments + ["--format", "csv"])
        let rows = csv.stdout.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        let header = try #require(rows.first)
        let column = try #require(header.firstIndex(of: "extrapolated"))
        let marks = rows.dropFirst().filter { $0.first == "survival" || $0.first == "rmst" }.map { String($0[column]) }
        #expect(marks == ["no", "yes", "yes"])
    }

    @Test("within the data: no warning and no column in the table")
    func withinData() throws {
        let output = try ReliefProcess.run(
            ["predict", "weibull", Self.trial, "--formula", "dose_mg_kg", "--at", "dose_mg_kg=0.5", "--times", "14"])
        #expect(output.status == 0)
        #expect(!output.stderr.contains("extrapolate"))
        #expect(!output.stdout.contains("extrapolated"))
    }
}
