import Foundation
import ReliefTestSupport
import Testing

/// The full CLI path (CSV reading, grouping, fitting, JSON rendering) against R `survival` fixtures
/// written by Tests/StatModelsTests/Reference/make_fixtures.R. Tolerance: 1e-10 absolute for survival
/// estimates, standard errors, limits, quantiles and RMST; 1e-8 relative for test statistics and p.
@Suite struct RFixtureTests {
    static let reference = ReliefProcess.packageRoot.appendingPathComponent("Tests/StatModelsTests/Reference")

    static func fixture(_ name: String) throws -> [[String: Any]] {
        let data = try Data(contentsOf: reference.appendingPathComponent(name + ".json"))
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        return try #require(object["cases"] as? [[String: Any]])
    }

    static func summary(_ csv: String, _ arguments: [String]) throws -> [String: Any] {
        let path = reference.appendingPathComponent(csv).path
        let output = try ReliefProcess.run(["summary", path, "--id", "", "--format", "json"] + arguments)
        #expect(output.status == 0, "stderr: \(output.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: output.stdoutData) as? [String: Any])
    }

    /// `nil` for JSON null, else the number.
    static func number(_ value: Any?) -> Double? {
        (value as? NSNumber)?.doubleValue
    }

    /// Within `absolute` of R's value; both null (R's NA) passes, one null fails.
    static func expectClose(_ actual: Any?, _ expected: Any?, absolute: Double = 1e-10, _ what: String,
                            sourceLocation: SourceLocation = #_sourceLocation) {
        Tolerance.absolute(absolute).expect(number(actual), number(expected), "\(what) vs R", sourceLocation: sourceLocation)
    }

    /// Within 1e-8 relative of R's value; a missing value fails.
    static func expectRelative(_ actual: Any?, _ expected: Any?, _ what: String,
                               sourceLocation: SourceLocation = #_sourceLocation) {
        guard let a = number(actual), let e = number(expected) else {
            Issue.record("\(what): missing value", sourceLocation: sourceLocation)
            return
        }
        Tolerance.relative(1e-8, floor: 1e-308).expect(a, e, "\(what) vs R", sourceLocation: sourceLocation)
    }

    static func compareGroups(_ object: [String: Any], case rCase: [String: Any], transform: String, column: String) throws {
        let levels = try #require(rCase["levels"] as? [String])
        let groups = try #require(object["groups"] as? [[String: Any]])
        let summaryTimes = try #require((rCase["summary_times"] as? [String: Any])?[transform] as? [[String: Any]])
        let quantiles = try #require((rCase["quantile"] as? [String: Any])?[transform] as? [[String: Any]])
        let tables = try #require((rCase["table"] as? [String: Any])?[transform] as? [[[String: Any]]])
        let taus = try #require(rCase["taus"] as? [Double])
        #expect(groups.count == levels.count)
        for group in groups {
            let label = try #require((group["by"] as? [String: String])?[column])
            let g = try #require(levels.firstIndex(of: label), "group \(label) not in R levels \(levels)")
            let rows = try #require(group["survival"] as? [[String: Any]])
            let expected = summaryTimes[g]
            let rTimes = try #require(expected["time"] as? [Double])
            // R drops probe times before 0 when data start later; compare the times both have.
            for (index, rTime) in rTimes.enumerated() {
                guard let row = rows.first(where: { number($0["time"]) == rTime }) else { continue }
                for (key, rKey) in [("estimate", "surv"), ("std_error", "std_err"), ("lower", "lower"), ("upper", "upper")] {
                    expectClose(row[key], (expected[rKey] as? [Any])?[index], "\(label) \(key) at \(rTime)")
                }
            }
            let quartiles = try #require(group["quartiles"] as? [[String: Any]])
            for (index, quartile) in quartiles.enumerated() {
                for (key, rKey) in [("estimate", "quantile"), ("lower", "lower"), ("upper", "upper")] {
                    expectClose(quartile[key], (quantiles[g][rKey] as? [Any])?[index], "\(label) q\(index) \(key)")
                }
            }
            let rmst = try #require(group["rmst"] as? [String: Any])
            expectClose(rmst["tau"], taus[0], "tau")
            expectClose(rmst["estimate"], tables[0][g]["rmean"], "\(label) rmean")
            expectClose(rmst["std_error"], tables[0][g]["se_rmean"], "\(label) se(rmean)")
        }
    }

    static func compareLogRank(_ test: [String: Any], case rCase: [String: Any], column: String) throws {
        let levels = try #require(rCase["levels"] as? [String])
        let survdiff = try #require(rCase["survdiff"] as? [String: Any])
        expectRelative(test["statistic"], survdiff["chisq"], "chisq")
        expectRelative(test["p_value"], survdiff["p"], "p")
        #expect(number(test["df"]) == number(survdiff["df"]))
        let groups = try #require(test["groups"] as? [[String: Any]])
        for group in groups {
            let label = try #require((group["by"] as? [String: String])?[column])
            let g = try #require(levels.firstIndex(of: label))
            expectClose(group["observed"], (survdiff["observed"] as? [Any])?[g], absolute: 1e-9, "\(label) observed")
            expectClose(group["expected"], (survdiff["expected"] as? [Any])?[g], absolute: 1e-9, "\(label) expected")
        }
    }

    @Test(arguments: ["log", "log-log", "plain"])
    func amlMatchesR(transform: String) throws {
        let rCase = try #require(try Self.fixture("aml").first)
        let probes = try #require(rCase["probe_times"] as? [Double])
        let object = try Self.summary("aml.csv", [
            "--time", "time", "--event", "status", "--by", "x", "--conf-type", transform,
            "--times", probes.map { String(describing: $0) }.joined(separator: ","),
        ])
        #expect(object["confidence_transform"] as? String == transform)
        try Self.compareGroups(object, case: rCase, transform: transform, column: "x")
        let tests = try #require(object["tests"] as? [[String: Any]])
        #expect(tests.count == 1)
        try Self.compareLogRank(try #require(tests.first), case: rCase, column: "x")
    }

    @Test func veteranCelltypeMatchesR() throws {
        let cases = try Self.fixture("veteran")
        let rCase = try #require(cases.first { $0["name"] as? String == "veteran ~ celltype" })
        let probes = try #require(rCase["probe_times"] as? [Double])
        let object = try Self.summary("veteran.csv", [
            "--time", "time", "--event", "status", "--by", "celltype",
            "--times", probes.map { String(describing: $0) }.joined(separator: ","),
        ])
        try Self.compareGroups(object, case: rCase, transform: "log", column: "celltype")
        let tests = try #require(object["tests"] as? [[String: Any]])
        let logRank = try #require(tests.first { $0["name"] as? String == "log-rank" })
        try Self.compareLogRank(logRank, case: rCase, column: "celltype")
    }

    @Test func veteranStratifiedMatchesR() throws {
        let cases = try Self.fixture("veteran")
        let rCase = try #require(cases.first { $0["name"] as? String == "veteran ~ trt + strata(celltype)" })
        let object = try Self.summary("veteran.csv", [
            "--time", "time", "--event", "status", "--by", "trt", "--strata", "celltype", "--times", "30,90",
        ])
        let tests = try #require(object["tests"] as? [[String: Any]])
        let test = try #require(tests.first)
        #expect(test["name"] as? String == "stratified log-rank")
        try Self.compareLogRank(test, case: rCase, column: "trt")
    }

    static func trialSummary(_ arguments: [String]) throws -> [String: Any] {
        let path = ReliefProcess.packageRoot.appendingPathComponent("data/ketamine_trial.csv").path
        let output = try ReliefProcess.run(["summary", path, "--format", "json"] + arguments)
        #expect(output.status == 0, "stderr: \(output.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: output.stdoutData) as? [String: Any])
    }

    @Test func trialByDoseGroupMatchesR() throws {
        let rCase = try #require(try Self.fixture("ketamine_trial").first { $0["name"] as? String == "trial ~ dose_group" })
        let object = try Self.trialSummary(["--by", "dose_group", "--times", "7,14,28,56"])
        try Self.compareGroups(object, case: rCase, transform: "log", column: "dose_group")
        let tests = try #require(object["tests"] as? [[String: Any]])
        try Self.compareLogRank(try #require(tests.first), case: rCase, column: "dose_group")
    }

    @Test func trialByIntervalBandMatchesRIncludingTrend() throws {
        let rCase = try #require(try Self.fixture("ketamine_trial").first { $0["name"] as? String == "trial ~ interval band" })
        let object = try Self.trialSummary([
            "--by", "interval_days", "--band", "interval_days=7,28", "--times", "7,14,28", "--conf-type", "log-log",
        ])
        try Self.compareGroups(object, case: rCase, transform: "log-log", column: "interval_days")
        let tests = try #require(object["tests"] as? [[String: Any]])
        let logRank = try #require(tests.first { $0["name"] as? String == "log-rank" })
        try Self.compareLogRank(logRank, case: rCase, column: "interval_days")
        let trend = try #require(tests.first { $0["name"] as? String == "trend" })
        let rTrend = try #require(rCase["trend"] as? [String: Any])
        #expect(trend["scores"] as? [Double] == rTrend["scores"] as? [Double])
        Self.expectRelative(trend["statistic"], rTrend["chisq"], "trend chisq")
        Self.expectRelative(trend["p_value"], rTrend["p"], "trend p")
    }

    @Test func trialStratifiedByDefaultBandMatchesR() throws {
        let rCase = try #require(
            try Self.fixture("ketamine_trial").first { $0["name"] as? String == "trial ~ dose_group + strata(interval band)" })
        // No --band: interval_days gets the default band 7,28.
        let object = try Self.trialSummary(["--by", "dose_group", "--strata", "interval_days", "--times", "14"])
        let tests = try #require(object["tests"] as? [[String: Any]])
        let test = try #require(tests.first)
        #expect(test["name"] as? String == "stratified log-rank")
        try Self.compareLogRank(test, case: rCase, column: "dose_group")
    }
}
