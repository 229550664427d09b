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
        #expect(cox.status == 0, "stderr: \(cox.stderr)")
        #expect(!cox.stderr.contains("relief predict supports the parametric models"))
    }

    /// `relief predict cox` against R's `survfit(coxph(Surv(relief_days, relief_ended) ~ dose_mg_kg +
    /// interval_days), newdata)` in cox_predict_trial.json: survival at --times with its SE and log-type
    /// interval, the median with its limits, the RMST to 28 with R's se(rmean). Tolerance 1e-6 relative.
    @Test func coxProfilesMatchR() throws {
        let fixture = try FitCommandTests.fixture("cox_predict_trial")
        let curves = try #require(fixture["curves"] as? [[String: Any]])
        let output = try ReliefProcess.run([
            "predict", "cox", "data/ketamine_trial.csv", "--formula", "dose_mg_kg + interval_days",
            "--at", "dose_mg_kg=0.5,1.0", "--at", "interval_days=14,28", "--times", "7,14,28", "--tau", "28",
            "--format", "json",
        ])
        #expect(output.status == 0, "stderr: \(output.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: output.stdoutData) as? [String: Any])
        #expect(object["model"] as? String == "cox")
        let profiles = try #require(object["profiles"] as? [[String: Any]])
        try #require(profiles.count == 4 && curves.count == 4)
        #expect(profiles.map { $0["label"] as? String } == [
            "dose_mg_kg=0.5, interval_days=14", "dose_mg_kg=0.5, interval_days=28",
            "dose_mg_kg=1.0, interval_days=14", "dose_mg_kg=1.0, interval_days=28",
        ])
        for (i, (ours, r)) in zip(profiles, curves).enumerated() {
            FitCommandTests.expectClose(ours["linear_predictor"], r["lp"], "profile \(i) lp")
            let at = try #require(r["at_times"] as? [String: Any])
            let survival = try #require(ours["survival"] as? [[String: Any]])
            try #require(survival.count == 3)
            for (k, row) in survival.enumerated() {
                FitCommandTests.expectClose(row["estimate"], (at["surv"] as? [Any])?[k], "profile \(i) S[\(k)]")
                FitCommandTests.expectClose(row["std_error"], (at["std.err"] as? [Any])?[k], "profile \(i) se[\(k)]")
                FitCommandTests.expectClose(row["lower"], (at["lower"] as? [Any])?[k], "profile \(i) lower[\(k)]")
                FitCommandTests.expectClose(row["upper"], (at["upper"] as? [Any])?[k], "profile \(i) upper[\(k)]")
            }
            let median = try #require(ours["median"] as? [String: Any])
            FitCommandTests.expectClose(median["estimate"], r["median"], "profile \(i) median")
            FitCommandTests.expectClose(median["lower"], r["median_lower"], "profile \(i) median lower")
            if r["median_upper"] is NSNumber {
                FitCommandTests.expectClose(median["upper"], r["median_upper"], "profile \(i) median upper")
            } else {
                #expect(median["upper"] is NSNull, "profile \(i): R's upper limit is not reached")
            }
            #expect(median["std_error"] is NSNull)
            let rmst = try #require(ours["rmst"] as? [String: Any])
            FitCommandTests.expectClose(rmst["estimate"], r["rmean"], "profile \(i) rmst")
            FitCommandTests.expectClose(rmst["std_error"], r["se_rmean"], "profile \(i) se(rmst)")
        }
    }

    /// A strata() model: a profile needs its stratum and gets that stratum's baseline (R's values in
    /// cox_predict_trial_strata.json); without the stratum, or with an unknown one, it is a usage error.
    @Test func coxStrataNeedTheStratum() throws {
        let fixture = try FitCommandTests.fixture("cox_predict_trial_strata")
        let curves = try #require(fixture["curves"] as? [[String: Any]])
        let formula = "dose_mg_kg + interval_days + strata(site)"
        let output = try ReliefProcess.run([
            "predict", "cox", "data/ketamine_trial.csv", "--formula", formula, "--at", "dose_mg_kg=0.5",
            "--at", "interval_days=14", "--at", "site=S01", "--times", "7,14,28", "--tau", "28", "--format", "json",
        ])
        #expect(output.status == 0, "stderr: \(output.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: output.stdoutData) as? [String: Any])
        let profiles = try #require(object["profiles"] as? [[String: Any]])
        try #require(profiles.count == 1)
        #expect(profiles[0]["stratum"] as? String == "S01")
        let r = curves[0]
        let at = try #require(r["at_times"] as? [String: Any])
        let survival = try #require(profiles[0]["survival"] as? [[String: Any]])
        for (k, row) in survival.enumerated() {
            FitCommandTests.expectClose(row["estimate"], (at["surv"] as? [Any])?[k], "S01 S[\(k)]")
            FitCommandTests.expectClose(row["std_error"], (at["std.err"] as? [Any])?[k], "S01 se[\(k)]")
        }
        FitCommandTests.expectClose((profiles[0]["rmst"] as? [String: Any])?["estimate"], r["rmean"], "S01 rmst")
        let missing = try ReliefProcess.run([
            "predict", "cox", "data/ketamine_trial.csv", "--formula", formula, "--at", "dose_mg_kg=0.5",
            "--at", "interval_days=14",
        ])
        #expect(missing.status == 64)
        #expect(missing.stdout.isEmpty)
        #expect(missing.stderr.contains("--at site="))
        let unknown = try ReliefProcess.run([
            "predict", "cox", "data/ketamine_trial.csv", "--formula", formula, "--at", "dose_mg_kg=0.5",
            "--at", "interval_days=14", "--at", "site=S99",
        ])
        #expect(unknown.status == 64)
        #expect(unknown.stderr.contains("'S01'"))
    }

    @Test func coxTableExplainsTheCurve() throws {
        let table = try ReliefProcess.run([
            "predict", "cox", "data/ketamine_trial.csv", "--formula", "dose_mg_kg + interval_days",
            "--at", "dose_mg_kg=0.5,1.0", "--at", "interval_days=14",
        ])
        #expect(table.status == 0, "stderr: \(table.stderr)")
        #expect(table.stdout.contains("Median relief time") && table.stdout.contains("Cox curve"))
        #expect(!table.stdout.contains("delta method"))
    }
}
