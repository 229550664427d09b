import Foundation
import Testing

/// `--start` (issue 12, counting-process rows): summary, curves, report, fit, predict and schedule take it
/// (not with Emax), dose-response too (not with a raw --response, which has no survival times); empty
/// intervals are bad data naming line and column.
@Suite struct CountingProcessCommandTests {
    static let csv = """
        id,start,stop,event,grp
        1,0,5,1,a
        2,0,8,0,a
        3,2,6,1,a
        4,3,9,1,b
        5,0,4,0,b
        6,5,12,1,b
        7,1,3,1,a
        8,6,10,0,b
        9,0,7,1,b
        10,4,11,1,a

        """

    static func file(_ text: String = csv) throws -> String {
        let url = try ReliefProcess.temporaryDirectory().appendingPathComponent("cp.csv")
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    static let columns = ["--time", "stop", "--start", "start", "--event", "event", "--id", "id"]

    @Test func curvesCountOnlyEnteredRowsAtRisk() throws {
        let output = try ReliefProcess.run(["curves", try Self.file(), "--by", "grp", "--format", "csv"] + Self.columns)
        #expect(output.status == 0, "\(output.stderr)")
        // Group a at t = 3: rows (0,5], (0,8], (2,6], (1,3] are at risk; (4,11] has not entered.
        let rows = output.stdout.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        let header = try #require(rows.first)
        let (time, risk, group) = (try #require(header.firstIndex(of: "time")), try #require(header.firstIndex(of: "n_risk")),
                                   try #require(header.firstIndex(of: "grp")))
        let atThree = rows.first { $0.count > risk && $0[group] == "a" && $0[time] == "3.0" }
        #expect(atThree?[risk] == "4", "\(output.stdout)")
        let plain = try ReliefProcess.run(["curves", try Self.file(), "--by", "grp", "--format", "csv", "--time", "stop", "--event", "event", "--id", "id"])
        #expect(plain.stdout != output.stdout, "reading the stop time as a duration gives other risk sets")
    }

    @Test func analysesWithoutEntryTimesRefuseStart() throws {
        let path = try Self.file()
        let schedule = ["schedule", path, "--formula", "start", "--dose-column", "id", "--interval-column", "start", "--doses", "1", "--intervals", "7"]
        for arguments in [["dose-response", path, "--dose", "id", "--response", "stop"], schedule + ["--model", "emax"], ["fit", "emax", path, "--dose", "id", "--formula", "grp"]] {
            let output = try ReliefProcess.run(arguments + Self.columns)
            #expect(output.status == 64, "\(arguments): \(output.stderr)")
            #expect(output.stderr.contains("(start, stop]"), "\(output.stderr)")
        }
        for command in ["summary", "curves", "compare", "fit", "predict", "schedule", "report", "dose-response", "split"] {
            #expect(try ReliefProcess.run([command, "--help"]).stdout.contains("--start <column>"), "\(command)")
        }
    }

    @Test func coxFitsCountingProcessRows() throws {
        let output = try ReliefProcess.run(["fit", "cox", try Self.file(), "--formula", "grp", "--format", "json"] + Self.columns)
        #expect(output.status == 0, "\(output.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any])
        #expect(object["concordance"] is Double && object["proportional_hazards"] is [String: Any])
        // Without --start the stop time would be read as a duration: another fit.
        let plain = try ReliefProcess.run(["fit", "cox", try Self.file(), "--formula", "grp", "--format", "json",
                                           "--time", "stop", "--event", "event", "--id", "id"])
        #expect(plain.status == 0 && plain.stdout != output.stdout)
    }

    @Test func predictCoxUsesTheCountingProcessRiskSets() throws {
        let output = try ReliefProcess.run(["predict", "cox", try Self.file(), "--formula", "grp", "--at", "grp=a,b",
                                            "--format", "csv"] + Self.columns)
        #expect(output.status == 0, "\(output.stderr)")
        let plain = try ReliefProcess.run(["predict", "cox", try Self.file(), "--formula", "grp", "--at", "grp=a,b",
                                           "--format", "csv", "--time", "stop", "--event", "event", "--id", "id"])
        #expect(plain.status == 0 && plain.stdout != output.stdout)
    }

    @Test func parametricFitsAreLeftTruncated() throws {
        let truncated = try ReliefProcess.run(["fit", "weibull", try Self.file(), "--formula", "grp", "--format", "json"] + Self.columns)
        #expect(truncated.status == 0, "\(truncated.stderr)")
        let plain = try ReliefProcess.run(["fit", "weibull", try Self.file(), "--formula", "grp", "--format", "json",
                                           "--time", "stop", "--event", "event", "--id", "id"])
        #expect(plain.status == 0 && plain.stdout != truncated.stdout)
    }

    @Test func overlappingIntervalsOfOnePatientAreBadDataUnlessStratified() throws {
        let path = try Self.file("id,start,stop,event,kind,x\n1,0,5,1,a,1\n1,3,9,0,b,2\n2,0,4,1,a,3\n2,0,6,1,b,1\n3,1,7,0,a,2\n3,0,8,1,b,5\n")
        let output = try ReliefProcess.run(["summary", path] + Self.columns)
        #expect(output.status == 65, "\(output.stderr)")
        #expect(output.stderr.contains("cp.csv:3") && output.stderr.contains("line 2"), "\(output.stderr)")
        let fit = try ReliefProcess.run(["fit", "cox", path, "--formula", "x"] + Self.columns)
        #expect(fit.status == 65, "\(fit.stderr)")
        // Follow-up repeated per event type (Wei–Lin–Weissfeld) is separated by strata: no overlap there.
        let marginal = try ReliefProcess.run(["fit", "cox", path, "--formula", "x + strata(kind)", "--cluster", "id"] + Self.columns)
        #expect(marginal.status == 0, "\(marginal.stderr)")
        let byKind = try ReliefProcess.run(["summary", path, "--by", "kind"] + Self.columns)
        #expect(byKind.status == 0, "\(byKind.stderr)")
    }

    @Test func emptyIntervalIsBadDataNamingLineAndColumn() throws {
        let path = try Self.file("id,start,stop,event\n1,0,5,1\n2,6,6,1\n")
        let output = try ReliefProcess.run(["summary", path] + Self.columns)
        #expect(output.status == 65, "\(output.stderr)")
        #expect(output.stderr.contains("cp.csv:3") && output.stderr.contains("column 'start'") && output.stderr.contains("empty"), "\(output.stderr)")
        let skipped = try ReliefProcess.run(["summary", path, "--skip-invalid"] + Self.columns)
        #expect(skipped.status == 0 && skipped.stdout.contains("1 used"), "\(skipped.stdout)\(skipped.stderr)")
    }
}
