import Foundation
import Testing

/// `relief predict` through the built binary, against R's `predict.survreg` values in
/// aft_ketamine_trial.json (profile of data row 1, robust variance clustered by patient_id).
/// Tolerance: 1e-6 relative.
@Suite struct PredictCommandTests {
    static let formula = "dose_mg_kg + interval_days + baseline_pain + condition + cotherapy"

    @Test func weibullProfileMatchesR() throws {
        let fixture = try FitCommandTests.fixture("aft_ketamine_trial")
        let cases = try #require(fixture["cases"] as? [[String: Any]])
        let r = try #require(cases.first { $0["distribution"] as? String == "weibull" })
        let profile = try #require((r["profiles"] as? [[String: Any]])?.first)
        #expect(profile["x"] as? [Double] == [1, 0.531, 21, 10, 0, 1, 0, 0, 1])
        let times = try #require(r["times"] as? [Double])
        let probabilities = try #require(r["probs"] as? [Double])
        let medianIndex = try #require(probabilities.firstIndex(of: 0.5))
        let rmst = try #require(profile["rmst"] as? [String: Any])
        let output = try ReliefProcess.run([
            "predict", "weibull", "data/ketamine_trial.csv", "--formula", Self.formula, "--cluster", "patient_id",
            "--at", "dose_mg_kg=0.531", "--at", "interval_days=21", "--at", "baseline_pain=10",
            "--at", "condition=neuropathic", "--at", "cotherapy=physical_therapy",
            "--times", times.map { String($0) }.joined(separator: ","), "--tau", "\(FitCommandTests.number(rmst["tau"]) ?? 0)",
            "--format", "json",
        ])
        #expect(output.status == 0, "stderr: \(output.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: output.stdoutData) as? [String: Any])
        let profiles = try #require(object["profiles"] as? [[String: Any]])
        try #require(profiles.count == 1)
        let values = try #require(profiles[0]["values"] as? [String: Any])
        #expect(FitCommandTests.number(values["dose_mg_kg"]) == 0.531)
        #expect(values["condition"] as? String == "neuropathic")
        let median = try #require(profiles[0]["median"] as? [String: Any])
        let quantile = try #require(profile["quantile"] as? [String: Any])
        FitCommandTests.expectClose(median["estimate"], (quantile["fit"] as? [Any])?[medianIndex], "median")
        FitCommandTests.expectClose(median["std_error"], (quantile["se"] as? [Any])?[medianIndex], "median se")
        let survival = try #require(profiles[0]["survival"] as? [[String: Any]])
        let rSurvival = try #require(profile["survival"] as? [Double])
        try #require(survival.count == rSurvival.count)
        for (k, row) in survival.enumerated() {
            FitCommandTests.expectClose(row["time"], times[k], "time")
            FitCommandTests.expectClose(row["estimate"], rSurvival[k], "S(\(times[k]))")
            let estimate = try #require(FitCommandTests.number(row["estimate"]))
            let lower = try #require(FitCommandTests.number(row["lower"]))
            let upper = try #require(FitCommandTests.number(row["upper"]))
            #expect(lower < estimate && estimate < upper)
        }
        let ours = try #require(profiles[0]["rmst"] as? [String: Any])
        FitCommandTests.expectClose(ours["estimate"], rmst["estimate"], "rmst")
        FitCommandTests.expectClose(ours["std_error"], rmst["se"], "rmst se")
    }

    @Test func profilesAreTheCrossOfAtValues() throws {
        let output = try ReliefProcess.run([
            "predict", "weibull", "data/ketamine_trial.csv", "--formula", "dose_mg_kg + interval_days",
            "--at", "dose_mg_kg=0.5,1.0", "--at", "interval_days=14,28", "--times", "7,14,28", "--format", "json",
        ])
        #expect(output.status == 0, "stderr: \(output.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: output.stdoutData) as? [String: Any])
        let profiles = try #require(object["profiles"] as? [[String: Any]])
        #expect(profiles.map { $0["label"] as? String } == [
            "dose_mg_kg=0.5, interval_days=14", "dose_mg_kg=0.5, interval_days=28",
            "dose_mg_kg=1.0, interval_days=14", "dose_mg_kg=1.0, interval_days=28",
        ])
        // A higher dose lengthens relief in these data: the median rises with dose at each interval.
        let medians = profiles.compactMap { FitCommandTests.number(($0["median"] as? [String: Any])?["estimate"]) }
        #expect(medians.count == 4 && medians[2] > medians[0] && medians[3] > medians[1])
        let tau = try #require(object["tau"] as? [String: Any])
        #expect(FitCommandTests.number(tau["value"]) == 28)
        let table = try ReliefProcess.run([
            "predict", "weibull", "data/ketamine_trial.csv", "--formula", "dose_mg_kg + interval_days",
            "--at", "dose_mg_kg=0.5,1.0", "--at", "interval_days=14,28",
        ])
        #expect(table.status == 0)
        #expect(table.stdout.contains("Median relief time") && table.stdout.contains("Restricted mean relief time"))
    }

    @Test func missingProfileValueAndCoxAreUsageErrors() throws {
        let missing = try ReliefProcess.run([
            "predict", "weibull", "data/ketamine_trial.csv", "--formula", "dose_mg_kg + condition", "--at", "dose_mg_kg=1",
        ])
        #expect(missing.status == 64)
        #expect(missing.stdout.isEmpty)
        #expect(missing.stderr.contains("'condition'"))
        let cox = try ReliefProcess.run([
            "predict", "cox", "data/ketamine_trial.csv", "--formula", "dose_mg_kg", "--at", "dose_mg_kg=1",
        ])
        #expect(cox.status == 64)
        #expect(cox.stderr.contains("relief predict supports the parametric models"))
    }
}
