import Foundation
import ReliefTestSupport
import Testing

/// `relief fit` through the built binary: the JSON of the bundled trial data against the R fixtures
/// written by Tests/StatModelsTests/Reference/make_cox_fixtures.R and make_aft_fixtures.R (same formula,
/// clustered by patient_id). Tolerance: 1e-6 relative (1e-9 absolute near 0) for every number compared.
@Suite struct FitCommandTests {
    static let reference = ReliefProcess.packageRoot.appendingPathComponent("Tests/StatModelsTests/Reference")
    static let formula = "dose_mg_kg + interval_days + baseline_pain + condition + cotherapy"

    static func fixture(_ name: String) throws -> [String: Any] {
        let data = try Data(contentsOf: reference.appendingPathComponent(name + ".json"))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    static func json(_ arguments: [String]) throws -> (object: [String: Any], stderr: String) {
        let output = try ReliefProcess.run(arguments + ["--format", "json"])
        #expect(output.status == 0, "stderr: \(output.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: output.stdoutData) as? [String: Any])
        return (object, output.stderr)
    }

    static func number(_ value: Any?) -> Double? { (value as? NSNumber)?.doubleValue }

    /// Within 1e-6 relative (1e-9 absolute near 0) of R's value; a missing value fails.
    static func expectClose(_ actual: Any?, _ expected: Any?, _ what: String, sourceLocation: SourceLocation = #_sourceLocation) {
        guard let a = number(actual), let e = number(expected) else {
            Issue.record(
                "\(what): missing value (\(String(describing: actual)) vs R \(String(describing: expected)))", sourceLocation: sourceLocation)
            return
        }
        Tolerance(relative: 1e-6, absolute: 1e-9).expect(a, e, "\(what) vs R", sourceLocation: sourceLocation)
    }

    static func diagonal(_ matrix: Any?) -> [Double] {
        guard let rows = matrix as? [[Any]] else { return [] }
        return rows.indices.compactMap { number(rows[$0][$0]) }
    }

    @Test func noPHTestLeavesOutCoxZPH() throws {
        let arguments = ["fit", "cox", "data/ketamine_trial.csv", "--formula", "dose_mg_kg + cotherapy"]
        let with = try Self.json(arguments).object
        let without = try Self.json(arguments + ["--no-ph-test"]).object
        #expect(with["proportional_hazards"] is [String: Any])
        #expect(without["proportional_hazards"] is NSNull)
        // The model itself does not change.
        #expect(Self.number(with["log_likelihood"]) == Self.number(without["log_likelihood"]))
    }

    @Test func coxMatchesR() throws {
        let r = try Self.fixture("cox_ketamine")
        let (object, _) = try Self.json(["fit", "cox", "data/ketamine_trial.csv", "--formula", Self.formula, "--cluster", "patient_id"])
        #expect(object["model"] as? String == "cox")
        #expect(object["n"] as? Int == r["n"] as? Int)
        #expect(object["events"] as? Int == r["nevent"] as? Int)
        let coefficients = try #require(object["coefficients"] as? [[String: Any]])
        let names = try #require(r["columns"] as? [String])
        let coef = try #require(r["coef"] as? [Double])
        let naive = Self.diagonal(r["naive_var"]).map { $0.squareRoot() }
        let robust = Self.diagonal(r["var"]).map { $0.squareRoot() }
        try #require(coefficients.count == names.count && naive.count == names.count && robust.count == names.count)
        for (j, row) in coefficients.enumerated() {
            #expect(row["term"] as? String == names[j])
            Self.expectClose(row["estimate"], coef[j], "coef \(names[j])")
            Self.expectClose(row["ratio"], exp(coef[j]), "HR \(names[j])")
            Self.expectClose(row["std_error"], naive[j], "se \(names[j])")
            Self.expectClose(row["robust_std_error"], robust[j], "robust se \(names[j])")
            Self.expectClose(row["z"], coef[j] / robust[j], "z \(names[j])")
            Self.expectClose(row["lower"], exp(coef[j] - 1.959963984540054 * robust[j]), "lower \(names[j])")
        }
        let loglik = try #require(r["loglik"] as? [Double])
        Self.expectClose(object["null_log_likelihood"], loglik[0], "null loglik")
        Self.expectClose(object["log_likelihood"], loglik[1], "loglik")
        Self.expectClose(object["aic"], -2 * loglik[1] + 2 * Double(coef.count), "AIC")
        let concordance = try #require(r["concordance"] as? [String: Any])
        Self.expectClose(object["concordance"], concordance["concordance"], "concordance")
        Self.expectClose(object["concordance_std_error"], concordance["std"], "concordance se")
        let tests = try #require(object["tests"] as? [String: Any])
        let rTests = try #require(r["tests"] as? [String: [String: Any]])
        for name in ["likelihood_ratio", "wald", "score", "robust_score"] {
            let test = try #require(tests[name] as? [String: Any], "test \(name)")
            Self.expectClose(test["statistic"], rTests[name]?["statistic"], "\(name) statistic")
            Self.expectClose(test["p_value"], rTests[name]?["p"], "\(name) p")
            #expect(test["df"] as? Int == 8)
        }
        let zph = try #require(object["proportional_hazards"] as? [String: Any])
        let rZph = try #require(r["zph"] as? [String: Any])
        let rChisq = try #require(rZph["chisq"] as? [Double])
        let rows = try #require(zph["terms"] as? [[String: Any]]) + [try #require(zph["global"] as? [String: Any])]
        try #require(rows.count == rChisq.count)
        for (k, row) in rows.enumerated() {
            Self.expectClose(row["chi_squared"], rChisq[k], "zph \(row["term"] ?? k)")
        }
        #expect((object["warnings"] as? [Any])?.isEmpty == true)
        let cluster = try #require(object["cluster"] as? [String: Any])
        #expect(cluster["column"] as? String == "patient_id")
    }

    @Test func weibullMatchesR() throws {
        let fixture = try Self.fixture("aft_ketamine_trial")
        let cases = try #require(fixture["cases"] as? [[String: Any]])
        let r = try #require(cases.first { $0["distribution"] as? String == "weibull" })
        let (object, _) = try Self.json(["fit", "weibull", "data/ketamine_trial.csv", "--formula", Self.formula, "--cluster", "patient_id"])
        #expect(object["model"] as? String == "weibull")
        let names = try #require(r["columns"] as? [String])
        let coef = try #require(r["coef"] as? [Double])
        let naive = Self.diagonal(r["var"]).map { $0.squareRoot() }
        let robust = Self.diagonal(r["robust_var"]).map { $0.squareRoot() }
        let coefficients = try #require(object["coefficients"] as? [[String: Any]])
        try #require(coefficients.count == names.count && naive.count == names.count + 1)
        for (j, row) in coefficients.enumerated() {
            #expect(row["term"] as? String == names[j])
            Self.expectClose(row["estimate"], coef[j], "coef \(names[j])")
            Self.expectClose(row["ratio"], exp(coef[j]), "time ratio \(names[j])")
            Self.expectClose(row["std_error"], naive[j], "se \(names[j])")
            Self.expectClose(row["robust_std_error"], robust[j], "robust se \(names[j])")
        }
        Self.expectClose(object["scale"], r["scale"], "scale")
        let loglik = try #require(r["loglik"] as? [Double])
        Self.expectClose(object["null_log_likelihood"], loglik[0], "null loglik")
        Self.expectClose(object["log_likelihood"], loglik[1], "loglik")
        Self.expectClose(object["aic"], r["aic"], "AIC")
        Self.expectClose(object["bic"], r["bic"], "BIC")
        let tests = try #require(object["tests"] as? [String: Any])
        let lr = try #require(tests["likelihood_ratio"] as? [String: Any])
        Self.expectClose(lr["statistic"], r["chisq"], "LR chisq")
        #expect(tests.keys.contains("wald") && tests.keys.contains("score"))
        let hazardRatios = try #require(object["hazard_ratios"] as? [[String: Any]])
        #expect(hazardRatios.count == names.count - 1)
    }

    @Test func distAllRanksFourFamiliesByAIC() throws {
        let fixture = try Self.fixture("aft_ketamine_trial")
        let cases = try #require(fixture["cases"] as? [[String: Any]])
        let (object, _) = try Self.json(["fit", "aft", "data/ketamine_trial.csv", "--formula", Self.formula, "--cluster", "patient_id", "--dist", "all"])
        let comparison = try #require(object["comparison"] as? [[String: Any]])
        #expect(Set(comparison.compactMap { $0["distribution"] as? String }) == ["exponential", "weibull", "lognormal", "loglogistic"])
        let aics = comparison.compactMap { Self.number($0["aic"]) }
        #expect(aics.count == 4 && aics == aics.sorted())
        #expect(comparison.map { $0["rank"] as? Int } == [1, 2, 3, 4])
        #expect(object["model"] as? String == comparison.first?["distribution"] as? String)
        for r in cases {
            let name = try #require(r["distribution"] as? String)
            let row = try #require(comparison.first { $0["distribution"] as? String == name })
            Self.expectClose(row["aic"], r["aic"], "AIC \(name)")
        }
        let table = try ReliefProcess.run(["fit", "aft", "data/ketamine_trial.csv", "--formula", "dose_mg_kg + interval_days", "--dist", "all"])
        #expect(table.status == 0)
        #expect(table.stdout.contains("Distributions compared by AIC"))
        #expect(table.stdout.contains("a positive coefficient") || table.stdout.contains("A positive coefficient means LONGER relief"))
    }

    @Test func formulaErrorShowsCaret() throws {
        let output = try ReliefProcess.run(["fit", "cox", "data/ketamine_trial.csv", "--formula", "dose_mg_kg + + interval_days"])
        #expect(output.status == 64)
        #expect(output.stdout.isEmpty)
        let lines = output.stderr.split(separator: "\n").map(String.init)
        try #require(lines.count >= 3, "stderr: \(output.stderr)")
        #expect(lines[0].hasPrefix("relief: error: formula error at position 14"))
        #expect(lines[1] == "  dose_mg_kg + + interval_days")
        #expect(lines[2] == "  " + String(repeating: " ", count: 13) + "^")
    }

    @Test func unknownColumnListsColumns() throws {
        let output = try ReliefProcess.run(["fit", "weibull", "data/ketamine_trial.csv", "--formula", "dose + interval_days"])
        #expect(output.status == 64)
        #expect(output.stdout.isEmpty)
        #expect(output.stderr.contains("no column 'dose'"))
        #expect(output.stderr.contains("'dose_mg_kg'") && output.stderr.contains("'interval_days'") && output.stderr.contains("'cotherapy'"))
        #expect(output.stderr.contains("  ^^^^"))
        let cluster = try ReliefProcess.run(["fit", "cox", "data/ketamine_trial.csv", "--formula", "dose_mg_kg", "--cluster", "patient"])
        #expect(cluster.status == 64)
        #expect(cluster.stderr.contains("'patient_id'"))
    }

    @Test func monotoneLikelihoodIsAWarning() throws {
        let path = ReliefProcess.badInputs.appendingPathComponent("fit_monotone.csv").path
        let (object, stderr) = try Self.json(["fit", "cox", path, "--formula", "arm + pain", "--id", ""])
        let warnings = try #require(object["warnings"] as? [String])
        #expect(warnings.contains { $0.contains("armhigh_dose") && $0.contains("infinite") })
        #expect(stderr.contains("relief: warning:") && stderr.contains("armhigh_dose"))
        let text = String(decoding: try JSONSerialization.data(withJSONObject: object), as: UTF8.self)
        #expect(!text.contains("NaN") && !text.contains("Infinity"))
        let table = try ReliefProcess.run(["fit", "cox", path, "--formula", "arm + pain", "--id", ""])
        #expect(table.status == 0)
        #expect(table.stdout.contains("WARNINGS (1)"))
    }

    @Test func optionsThatDoNotFitTheModelAreUsageErrors() throws {
        for arguments in [
            ["fit", "weibull", "data/ketamine_trial.csv", "--formula", "dose_mg_kg + strata(site)"],
            ["fit", "cox", "data/ketamine_trial.csv", "--formula", "dose_mg_kg", "--dist", "all"],
            ["fit", "cox", "data/ketamine_trial.csv", "--formula", "dose_mg_kg", "--ref", "condition=CRPS"],
            ["fit", "cox", "data/ketamine_trial.csv", "--formula", "dose_mg_kg", "--by", "dose_group"],
        ] {
            let output = try ReliefProcess.run(arguments)
            #expect(output.status == 64, "\(arguments): \(output.stderr)")
            #expect(output.stdout.isEmpty)
        }
        let collinear = try ReliefProcess.run(["fit", "weibull", "data/ketamine_trial.csv", "--formula", "dose_mg_kg + I(2 * dose_mg_kg)"])
        #expect(collinear.status == 65)
        #expect(collinear.stderr.contains("I(2 * dose_mg_kg)"))
    }
}
