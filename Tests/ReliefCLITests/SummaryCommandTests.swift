import Foundation
import Testing

/// `relief summary` and `relief curves` end to end on the bundled data.
@Suite struct SummaryCommandTests {
    static let trial = ReliefProcess.packageRoot.appendingPathComponent("data/ketamine_trial.csv").path
    static let clinic = ReliefProcess.packageRoot.appendingPathComponent("data/clinic_export.csv").path

    static func json(_ arguments: [String]) throws -> [String: Any] {
        let output = try ReliefProcess.run(arguments + ["--format", "json"])
        #expect(output.status == 0, "stderr: \(output.stderr)")
        #expect(!output.stdout.contains("NaN"))
        #expect(!output.stdout.contains("nan"))
        #expect(!output.stdout.localizedCaseInsensitiveContains("infinity"))
        return try #require(try JSONSerialization.jsonObject(with: output.stdoutData) as? [String: Any])
    }

    @Test func jsonByDoseGroupHasTheIssueShape() throws {
        let object = try Self.json(["summary", Self.trial, "--by", "dose_group"])
        for key in ["input", "groups", "tests", "version", "command", "confidence_transform", "confidence_level",
                    "median_table", "warnings"] {
            #expect(object[key] != nil, "missing key \(key)")
        }
        #expect(object["confidence_transform"] as? String == "log")
        #expect((object["command"] as? String)?.contains("summary") == true)
        #expect((object["command"] as? String)?.contains("--by dose_group") == true)
        let input = try #require(object["input"] as? [String: Any])
        for key in ["file", "sha256", "rows_read", "rows_used", "rows_excluded", "exclusions"] {
            #expect(input[key] != nil, "missing input key \(key)")
        }
        #expect((input["sha256"] as? String)?.count == 64)
        let groups = try #require(object["groups"] as? [[String: Any]])
        #expect(groups.compactMap { ($0["by"] as? [String: String])?["dose_group"] } == ["high", "low"])
        var total = 0
        for group in groups {
            for key in ["by", "n", "events", "censored", "median", "survival", "rmst"] {
                #expect(group[key] != nil, "missing group key \(key)")
            }
            let n = try #require(group["n"] as? Int)
            #expect((group["events"] as? Int ?? 0) + (group["censored"] as? Int ?? 0) == n)
            total += n
            let survival = try #require(group["survival"] as? [[String: Any]])
            #expect(survival.compactMap { ($0["time"] as? NSNumber)?.doubleValue } == [7, 14, 28])
            for row in survival {
                for key in ["time", "estimate", "std_error", "lower", "upper"] { #expect(row[key] != nil) }
            }
            let median = try #require(group["median"] as? [String: Any])
            #expect(Set(median.keys) == ["estimate", "lower", "upper"])
            let rmst = try #require(group["rmst"] as? [String: Any])
            #expect(Set(rmst.keys) == ["tau", "estimate", "std_error"])
        }
        #expect(total == input["rows_used"] as? Int)
        let tests = try #require(object["tests"] as? [[String: Any]])
        #expect(tests.first?["name"] as? String == "log-rank")
        #expect(tests.first?["by"] as? String == "dose_group")
        for key in ["statistic", "df", "p_value"] { #expect(tests.first?[key] is NSNumber, "missing \(key)") }
        let testGroups = try #require(tests.first?["groups"] as? [[String: Any]])
        #expect(testGroups.allSatisfy { $0["observed"] is NSNumber && $0["expected"] is NSNumber })
        #expect(object["median_table"] is NSNull)
    }

    @Test func withoutByThereIsOneGroupWithEmptyBy() throws {
        let object = try Self.json(["summary", Self.trial])
        let groups = try #require(object["groups"] as? [[String: Any]])
        #expect(groups.count == 1)
        #expect((groups.first?["by"] as? [String: Any])?.isEmpty == true)
        #expect((object["tests"] as? [Any])?.isEmpty == true)
    }

    @Test func doseByFrequencyHasTrendCrossedTestAndMedianTable() throws {
        let object = try Self.json([
            "summary", Self.trial, "--by", "dose_group", "--by", "interval_days", "--band", "interval_days=7,28",
            "--conf-type", "log-log",
        ])
        #expect(object["confidence_transform"] as? String == "log-log")
        let tests = try #require(object["tests"] as? [[String: Any]])
        let names = tests.compactMap { test -> String? in
            guard let name = test["name"] as? String, let by = test["by"] as? String else { return nil }
            return name + " " + by
        }
        #expect(names.contains("log-rank dose_group"))
        #expect(names.contains("log-rank interval_days"))
        #expect(names.contains("trend interval_days"))
        #expect(names.contains("log-rank dose_group + interval_days"))
        let table = try #require(object["median_table"] as? [String: Any])
        #expect(table["rows"] as? String == "dose_group")
        #expect(table["columns"] as? String == "interval_days")
        #expect(table["column_levels"] as? [String] == ["<=7", "8-28", ">28"])
        let groups = try #require(object["groups"] as? [[String: Any]])
        #expect(groups.count >= 4)
    }

    @Test func stratifiedLogRank() throws {
        let object = try Self.json(["summary", Self.trial, "--by", "dose_group", "--strata", "interval_days"])
        let tests = try #require(object["tests"] as? [[String: Any]])
        #expect(tests.first?["name"] as? String == "stratified log-rank")
        #expect(tests.first?["strata"] as? String == "interval_days")
    }

    @Test(arguments: ["table", "markdown", "csv", "json"])
    func everyFormatNamesTransformAndVersion(format: String) throws {
        let output = try ReliefProcess.run([
            "summary", Self.trial, "--by", "dose_group", "--by", "interval_days", "--format", format,
        ])
        #expect(output.status == 0, "stderr: \(output.stderr)")
        let version = try ReliefProcess.run(["--version"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(!version.isEmpty)
        #expect(output.stdout.contains(version))
        #expect(output.stdout.contains("log"))
        #expect(!output.stdout.contains("nan"))
    }

    @Test func tableShowsTheSections() throws {
        let output = try ReliefProcess.run(["summary", Self.trial, "--by", "dose_group", "--by", "interval_days"])
        #expect(output.status == 0, "stderr: \(output.stderr)")
        for heading in ["Censoring", "Median and quartiles (95% CI, log)", "Survival at 7, 14, 28",
                        "Restricted mean survival time", "Tests", "Median by dose_group x interval_days"] {
            #expect(output.stdout.contains(heading), "missing \(heading)")
        }
    }

    @Test func messyClinicExportWithSkipInvalid() throws {
        let object = try Self.json([
            "summary", Self.clinic, "--delimiter", ";", "--decimal-comma", "--skip-invalid", "--by", "dose_group",
        ])
        let input = try #require(object["input"] as? [String: Any])
        let excluded = try #require(input["rows_excluded"] as? Int)
        #expect(excluded > 0)
        let exclusions = try #require(input["exclusions"] as? [[String: Any]])
        #expect(exclusions.count == excluded)
        #expect(exclusions.allSatisfy { $0["line"] is Int && $0["reason"] is String })
        #expect((input["rows_used"] as? Int ?? 0) + excluded == input["rows_read"] as? Int)
        // Without --skip-invalid the first invalid row stops the run with exit 65.
        let strict = try ReliefProcess.run(["summary", Self.clinic, "--delimiter", ";", "--decimal-comma"])
        #expect(strict.status == 65 || strict.status == 0)
        if strict.status == 65 { #expect(strict.stderr.contains("clinic_export.csv:")) }
    }

    @Test func curvesCSVHasOneRowPerTimePerGroup() throws {
        let output = try ReliefProcess.run(["curves", Self.trial, "--by", "dose_group", "--format", "csv"])
        #expect(output.status == 0, "stderr: \(output.stderr)")
        let lines = output.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "dose_group,time,n_risk,n_event,n_censor,estimate,std_error,lower,upper,confidence_transform,confidence_level,relief_version")
        #expect(lines.count > 10)
        // Within a group, times increase and S(t) does not increase.
        var previous: (group: Substring, time: Double, survival: Double)?
        for line in lines.dropFirst() {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            let time = try #require(Double(fields[1]))
            let survival = try #require(Double(fields[5]))
            if let previous, previous.group == fields[0] {
                #expect(time > previous.time)
                #expect(survival <= previous.survival)
            }
            previous = (fields[0], time, survival)
        }
    }

    @Test func helpWorks() throws {
        let root = try ReliefProcess.run(["--help"])
        #expect(root.status == 0)
        #expect(root.stdout.contains("summary"))
        #expect(root.stdout.contains("curves"))
        let summary = try ReliefProcess.run(["summary", "--help"])
        #expect(summary.status == 0)
        for option in ["--by", "--strata", "--band", "--times", "--tau", "--conf-type", "--event-codes",
                       "--delimiter", "--decimal-comma", "--missing", "--skip-invalid", "--format", "-o"] {
            #expect(summary.stdout.contains(option), "help lacks \(option)")
        }
    }

    @Test(arguments: [
        ["summary", "x.csv", "--conf-type", "wide"],
        ["summary", "x.csv", "--conf-level", "1.5"],
        ["summary", "x.csv", "--times", "7,a"],
        ["summary", "x.csv", "--band", "interval_days"],
        ["summary", "x.csv", "--event-codes", "ended=yes"],
        ["summary", "x.csv", "--format", "xlsx"],
        ["summary"],
    ])
    func badOptionsAreUsageErrors(arguments: [String]) throws {
        let output = try ReliefProcess.run(arguments)
        #expect(output.status == 64, "stderr: \(output.stderr)")
        #expect(output.stdout.isEmpty)
        #expect(output.stderr.contains("Error"))
    }
}
