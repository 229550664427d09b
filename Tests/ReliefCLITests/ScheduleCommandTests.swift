import Foundation
import Testing

/// `relief schedule` through the built binary on data/ketamine_trial.csv: the JSON has every cell, each
/// cell's RMST equals what `relief predict` gives for the same profile with tau = I (1e-9 relative:
/// the same engine, so agreement is to rounding), coverage = RMST/I, and the usage errors exit 64.
@Suite struct ScheduleCommandTests {
    static let arguments = [
        "schedule", "data/ketamine_trial.csv", "--model", "weibull",
        "--formula", "dose_mg_kg + interval_days + baseline_pain + condition",
        "--doses", "0.5,1.0", "--intervals", "7,14,21,28,42", "--at", "baseline_pain=6", "--at", "condition=neuropathic",
    ]

    static func json(_ arguments: [String]) throws -> [String: Any] {
        let output = try ReliefProcess.run(arguments + ["--format", "json"])
        #expect(output.status == 0, "stderr: \(output.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: output.stdoutData) as? [String: Any])
    }

    @Test func jsonHasEveryCellAndAgreesWithPredict() throws {
        let object = try Self.json(Self.arguments)
        let cells = try #require(object["cells"] as? [[String: Any]])
        #expect(cells.count == 10)
        let longest = try #require(object["longest_interval"] as? [[String: Any]])
        #expect(longest.count == 2)
        #expect((object["assumptions"] as? [String])?.contains { $0.contains("restarts relief") } == true)
        #expect((object["assumptions"] as? [String])?.contains { $0.contains("baseline_pain=6, condition=neuropathic") } == true)
        #expect(object["warnings"] is [Any])
        for cell in cells {
            let interval = try #require(FitCommandTests.number(cell["interval"]))
            let coverage = try #require(FitCommandTests.number(cell["coverage"]))
            let rmst = try #require(FitCommandTests.number(cell["rmst"]))
            let lower = try #require(FitCommandTests.number(cell["lower"]))
            let upper = try #require(FitCommandTests.number(cell["upper"]))
            #expect(abs(coverage - rmst / interval) < 1e-12)
            #expect(0 < lower && lower < coverage && coverage < upper && upper < 1)
        }
        // Cross-check one cell against `relief predict` (tau = interval).
        let cell = try #require(cells.first { FitCommandTests.number($0["dose"]) == 1 && FitCommandTests.number($0["interval"]) == 21 })
        let predicted = try Self.json([
            "predict", "weibull", "data/ketamine_trial.csv", "--formula", "dose_mg_kg + interval_days + baseline_pain + condition",
            "--at", "dose_mg_kg=1", "--at", "interval_days=21", "--at", "baseline_pain=6", "--at", "condition=neuropathic",
            "--times", "", "--tau", "21",
        ])
        let profile = try #require((predicted["profiles"] as? [[String: Any]])?.first)
        let rmst = try #require(profile["rmst"] as? [String: Any])
        let expected = try #require(FitCommandTests.number(rmst["estimate"]))
        let expectedSE = try #require(FitCommandTests.number(rmst["std_error"]))
        #expect(abs((FitCommandTests.number(cell["rmst"]) ?? 0) - expected) <= 1e-9 * expected)
        #expect(abs((FitCommandTests.number(cell["rmst_std_error"]) ?? 0) - expectedSE) <= 1e-9 * expectedSE)
        // The longest interval per dose is the largest grid interval meeting the target.
        for row in longest {
            let dose = FitCommandTests.number(row["dose"])
            let meeting = cells.filter { FitCommandTests.number($0["dose"]) == dose && ($0["meets_target"] as? Bool) == true }
                .compactMap { FitCommandTests.number($0["interval"]) }
            #expect(FitCommandTests.number(row["interval"]) == meeting.max())
        }
    }

    @Test func everyFormatRenders() throws {
        for format in ["table", "markdown", "csv"] {
            let output = try ReliefProcess.run(Self.arguments + ["--format", format])
            #expect(output.status == 0, "\(format): \(output.stderr)")
            #expect(output.stdout.contains("0.5"))
        }
        let table = try ReliefProcess.run(Self.arguments)
        #expect(table.stdout.contains("Longest interval keeping coverage >= 80%"))
        #expect(table.stdout.contains("each infusion restarts relief"))
    }

    @Test func extrapolationIsAWarning() throws {
        let output = try ReliefProcess.run([
            "schedule", "data/ketamine_trial.csv", "--formula", "dose_mg_kg + interval_days", "--doses", "3",
            "--intervals", "7,14", "--format", "json",
        ])
        #expect(output.status == 0, "stderr: \(output.stderr)")
        #expect(output.stderr.contains("dose(s) 3 lie outside"))
    }

    @Test func usageErrorsExit64() throws {
        let cases: [([String], String)] = [
            (["--formula", "dose_mg_kg + interval_days + baseline_pain", "--doses", "0.5"], "--at baseline_pain"),
            (["--formula", "dose_mg_kg + baseline_pain", "--doses", "0.5", "--at", "baseline_pain=6"], "interval column 'interval_days'"),
            (["--formula", "interval_days", "--doses", "0.5"], "dose column 'dose_mg_kg'"),
            (["--formula", "dose_mg_kg + interval_days", "--doses", "0.5", "--at", "interval_days=7"], "--intervals"),
            (["--formula", "dose_mg_kg + interval_days + baseline_pain", "--doses", "0.5", "--at", "baseline_pain=4,6"], "one value"),
            (["--formula", "dose_mg_kg + interval_days", "--doses", "0.5", "--target", "1.5"], "--target"),
            (["--formula", "dose_mg_kg + interval_days", "--doses", "0.5", "--model", "cox"], "--model"),
            (["--formula", "dose_mg_kg + interval_days", "--doses", "0.5", "--intervals", "0,7"], "--intervals"),
        ]
        for (extra, message) in cases {
            let output = try ReliefProcess.run(["schedule", "data/ketamine_trial.csv"] + extra)
            #expect(output.status == 64, "\(extra): \(output.stderr)")
            #expect(output.stderr.contains(message), "\(extra): \(output.stderr)")
            #expect(output.stdout.isEmpty)
        }
    }
}

/// `relief schedule --model emax`: the one-step Emax AFT as the coverage model.
@Suite struct ScheduleEmaxCommandTests {
    @Test func emaxScheduleRendersEveryCell() throws {
        let object = try ScheduleCommandTests.json([
            "schedule", "data/ketamine_trial.csv", "--model", "emax", "--dist", "weibull",
            "--formula", "interval_days + baseline_pain", "--doses", "0.5,1.0", "--intervals", "7,14,21,28",
            "--at", "baseline_pain=6",
        ])
        #expect(object["model"] as? String == "emax")
        let cells = try #require(object["cells"] as? [[String: Any]])
        #expect(cells.count == 8)
        #expect((object["assumptions"] as? [String])?.contains { $0.contains("Emax AFT") } == true)
        let output = try ReliefProcess.run([
            "schedule", "data/ketamine_trial.csv", "--model", "emax", "--formula", "dose_mg_kg + interval_days", "--doses", "0.5",
        ])
        #expect(output.status == 64, "stderr: \(output.stderr)")
    }
}
