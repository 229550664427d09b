import Foundation
import Testing

/// `relief fit emax|sigemax` through the built binary on data/ketamine_trial.csv: the JSON has the
/// parameters in EmaxAFT's order with the covariate terms coded without an intercept, the curve at the
/// reference profile starts at e0 (1e-9 relative: the same number), and the dose column in --formula or
/// an unknown dose column are usage errors (64).
@Suite struct FitEmaxCommandTests {
    static let base = [
        "fit", "emax", "data/ketamine_trial.csv", "--dose", "dose_mg_kg",
        "--formula", "interval_days + baseline_pain + condition", "--dist", "weibull",
    ]

    @Test func jsonHasTheParametersAndCurve() throws {
        let output = try ReliefProcess.run(Self.base + ["--cluster", "patient_id", "--format", "json"])
        #expect(output.status == 0, "stderr: \(output.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: output.stdoutData) as? [String: Any])
        #expect(object["model"] as? String == "emax")
        #expect(object["distribution"] as? String == "weibull")
        #expect(FitCommandTests.number(object["n"]) == 1597)
        #expect((object["cluster"] as? [String: Any])?["column"] as? String == "patient_id")
        let names = (object["parameters"] as? [[String: Any]])?.compactMap { $0["name"] as? String }
        #expect(names == [
            "e0", "eMax", "ed50", "interval_days", "baseline_pain", "conditionfibromyalgia", "conditionneuropathic",
            "conditionother", "scale",
        ])
        let parameters = try #require(object["parameters"] as? [[String: Any]])
        let e0 = try #require(FitCommandTests.number(parameters[0]["estimate"]))
        let curve = try #require(object["curve"] as? [[String: Any]])
        #expect(curve.count == 11)
        #expect(FitCommandTests.number(curve[0]["dose"]) == 0)
        let g0 = try #require(FitCommandTests.number(curve[0]["estimate"]))
        #expect(abs(g0 - e0) <= 1e-9 * e0)
        for key in ["log_likelihood", "aic", "ed50_profile", "warnings", "converged"] { #expect(object[key] != nil, "key \(key)") }
    }

    @Test func sigmoidEmaxAndTextFormats() throws {
        for format in ["table", "markdown", "csv"] {
            let output = try ReliefProcess.run([
                "fit", "sigemax", "data/ketamine_trial.csv", "--formula", "baseline_pain", "--format", format,
            ])
            #expect(output.status == 0, "\(format): \(output.stderr)")
            #expect(output.stdout.contains("ed50"))
        }
    }

    @Test func usageErrorsExit64() throws {
        let cases: [([String], String)] = [
            (["fit", "emax", "data/ketamine_trial.csv", "--formula", "dose_mg_kg + baseline_pain"], "dose column"),
            (["fit", "emax", "data/ketamine_trial.csv", "--dose", "nope", "--formula", "baseline_pain"], "no column 'nope'"),
            (["fit", "emax", "data/ketamine_trial.csv", "--formula", "baseline_pain", "--dist", "all"], "--dist all"),
            (["fit", "weibull", "data/ketamine_trial.csv", "--formula", "baseline_pain", "--dose", "dose_mg_kg"], "--dose"),
            (["predict", "emax", "data/ketamine_trial.csv", "--formula", "baseline_pain", "--at", "baseline_pain=5"], "relief fit emax"),
        ]
        for (arguments, message) in cases {
            let output = try ReliefProcess.run(arguments)
            #expect(output.status == 64, "\(arguments): \(output.stderr)")
            #expect(output.stderr.contains(message), "\(arguments): \(output.stderr)")
        }
    }
}

/// The commands of issue 4 on data/dose_ranging.csv (simulated with a known Emax truth: E0 8 days,
/// Emax 16 days, ED50 0.4 mg/kg, Weibull errors, patient frailty; data/dose_ranging.truth.json).
@Suite struct DoseRangingCommandTests {
    @Test func oneStepEmaxIntervalCoversTheTrueED50() throws {
        let output = try ReliefProcess.run([
            "fit", "emax", "data/dose_ranging.csv", "--dose", "dose_mg_kg", "--formula",
            "interval_days + baseline_pain + condition", "--dist", "weibull", "--cluster", "patient_id", "--format", "json",
        ])
        #expect(output.status == 0, "stderr: \(output.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: output.stdoutData) as? [String: Any])
        let profile = try #require(object["ed50_profile"] as? [String: Any])
        let lower = try #require(FitCommandTests.number(profile["lower"]))
        let upper = try #require(FitCommandTests.number(profile["upper"]))
        #expect(lower < 0.4 && 0.4 < upper, "ED50 profile interval [\(lower), \(upper)] should cover the truth 0.4")
        #expect(FitCommandTests.number(object["dose_levels"]) == 6)
    }

    @Test func twoStageHasSixDoseLevelsAndScheduleRuns() throws {
        let twoStage = try DoseResponseCommandTests.json([
            "dose-response", "data/dose_ranging.csv", "--models", "emax,linear,linlog",
        ])
        let points = try #require(twoStage["points"] as? [[String: Any]])
        #expect(points.compactMap { FitCommandTests.number($0["dose"]) } == [0.1, 0.25, 0.5, 0.75, 1, 1.5])
        let medians = points.compactMap { FitCommandTests.number($0["estimate"]) }
        #expect(medians.first ?? 0 < medians.last ?? 0, "median relief grows with dose")
        let schedule = try ScheduleCommandTests.json([
            "schedule", "data/dose_ranging.csv", "--model", "emax", "--formula", "interval_days + baseline_pain",
            "--doses", "0.1,0.4,1.5", "--intervals", "7,14,28", "--at", "baseline_pain=6",
        ])
        let cells = try #require(schedule["cells"] as? [[String: Any]])
        #expect(cells.count == 9)
        // At a fixed interval, coverage grows with dose under an increasing Emax curve.
        let at14 = cells.filter { FitCommandTests.number($0["interval"]) == 14 }.compactMap { FitCommandTests.number($0["coverage"]) }
        #expect(at14.count == 3 && at14[0] < at14[1] && at14[1] < at14[2])
    }
}
