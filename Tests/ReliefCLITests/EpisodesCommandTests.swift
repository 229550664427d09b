import Foundation
import Testing

/// `relief episodes`: exit codes, atomic output, stderr.
@Suite struct EpisodesCommandTests {
    static let log = ReliefProcess.packageRoot.appendingPathComponent("data/infusion_log.csv")

    static func file(_ text: String, in directory: URL, name: String = "log.csv") throws -> URL {
        let url = directory.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url
    }

    @Test func bundledLogToFileAndStdout() throws {
        let directory = try ReliefProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let target = directory.appendingPathComponent("episodes.csv")
        let toFile = try ReliefProcess.run(["episodes", Self.log.path, "-o", target.path])
        #expect(toFile.status == 0, "stderr: \(toFile.stderr)")
        #expect(toFile.stdout.isEmpty)
        #expect(toFile.stderr.hasPrefix("relief: 1597 episodes of 400 patients from 1597 rows (1160 relief ended;"))
        let toStdout = try ReliefProcess.run(["episodes", Self.log.path])
        #expect(toStdout.status == 0)
        #expect(try Data(contentsOf: target) == toStdout.stdoutData)
        #expect(toStdout.stdout.hasPrefix(
            "patient_id,infusion_number,infusion_date,interval_days,relief_days,relief_ended,start_day,stop_day,relief_end_date,"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["episodes.csv"])
        // The episodes are a data set the other commands read.
        let summary = try ReliefProcess.run(["summary", target.path, "--by", "dose_group", "--format", "csv"])
        #expect(summary.status == 0, "stderr: \(summary.stderr)")
        #expect(summary.stdout.contains("input,,,rows_read,,1597"))
        // start_day and stop_day are the (start, stop] rows of the Andersen-Gill model.
        let ag = try ReliefProcess.run([
            "fit", "cox", target.path, "--start", "start_day", "--time", "stop_day", "--formula", "dose_group + cluster(patient_id)",
            "--format", "csv", "--no-ph-test",
        ])
        #expect(ag.status == 0, "stderr: \(ag.stderr)")
        #expect(ag.stdout.contains("dose_grouplow"))
    }

    @Test func marginalLayoutForTheWeiLinWeissfeldModel() throws {
        let directory = try ReliefProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let target = directory.appendingPathComponent("wlw.csv")
        let output = try ReliefProcess.run(["episodes", Self.log.path, "--wlw-events", "4", "-o", target.path])
        #expect(output.status == 0, "stderr: \(output.stderr)")
        #expect(output.stderr == "relief: 1600 rows of 400 patients, event numbers 1-4 (1060 relief ended, 540 censored at the end of "
            + "follow-up) from 1597 episodes -> \(target.path)\n")
        let lines = try String(contentsOf: target, encoding: .utf8).split(separator: "\n").map(String.init)
        #expect(lines.count == 1601)
        #expect(lines.first == "patient_id,event_number,stop_day,relief_ended,relief_end_date,last_contact_date,site,condition,dose_group,dose_mg_kg,baseline_pain,cotherapy")
        let fit = try ReliefProcess.run([
            "fit", "cox", target.path, "--time", "stop_day", "--formula", "dose_group + strata(event_number) + cluster(patient_id)",
            "--format", "csv", "--no-ph-test",
        ])
        #expect(fit.status == 0, "stderr: \(fit.stderr)")
        for k in [0, 1001] {
            let refused = try ReliefProcess.run(["episodes", Self.log.path, "--wlw-events", String(k)])
            #expect(refused.status == 64, "\(k): \(refused.stderr)")
            #expect(refused.stderr.contains("the marginal layout needs 1 to 1000 event numbers, not \(k)"))
            #expect(refused.stdout.isEmpty)
        }
    }

    @Test func usageErrorsExit64() throws {
        let cases: [[String]] = [
            ["episodes", Self.log.path, "--patient", "patient"],
            ["episodes", Self.log.path, "--date-format", "%Y/%m/%d"],
            ["episodes", Self.log.path, "-o", ""],
            ["episodes", Self.log.path, "--relief-end-date", "infusion_date"],
            ["episodes", Self.log.path, "--skip-lines", "-1"],
        ]
        for arguments in cases {
            let output = try ReliefProcess.run(arguments)
            #expect(output.status == 64, "\(arguments): \(output.stderr)")
            #expect(output.stdout.isEmpty)
        }
        let format = try ReliefProcess.run(["episodes", Self.log.path, "--date-format", "%Y/%m/%d"])
        #expect(format.stderr.contains("'%d/%m/%Y', '%m/%d/%Y', '%d.%m.%Y'"))
    }

    @Test func badDataExits65AndLeavesNoFile() throws {
        let directory = try ReliefProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let header = "patient_id,infusion_date,relief_end_date,last_contact_date\n"
        let target = directory.appendingPathComponent("episodes.csv")
        let cases = [
            ("A,2026-01-05,,2026-02-01\nA,2026-02-30,,2026-03-01\n", "log.csv:3: column 'infusion_date' (column 2): '2026-02-30' is not a real date"),
            ("A,2026-01-05,,2026-02-01\nA,2026-01-05,,2026-03-01\n", "log.csv:2: column 'infusion_date' (column 2): patient 'A' has 2 infusions"),
            ("A,2026-01-05,2026-01-01,\n", "log.csv:2: column 'relief_end_date' (column 3): relief ended (2026-01-01) before"),
            ("A,2026-01-05,,\n", "log.csv:2: column 'last_contact_date' (column 4): the last infusion of patient 'A'"),
            ("A,03/04/2026,,01/05/2026\n", "has an ambiguous day/month order: 2026-04-03 read as %d/%m/%Y, 2026-03-04 read as %m/%d/%Y"),
            ("A,45366,,2026-05-01\n", "looks like a spreadsheet serial day number (in a spreadsheet's 1900 date system 45366 is 2024-03-15)"),
        ]
        for (rows, message) in cases {
            let input = try Self.file(header + rows, in: directory)
            let output = try ReliefProcess.run(["episodes", input.path, "-o", target.path])
            #expect(output.status == 65, "\(rows): \(output.stderr)")
            #expect(output.stderr.hasPrefix("relief: error: "))
            #expect(output.stderr.contains(message), "\(output.stderr)")
            #expect(!FileManager.default.fileExists(atPath: target.path))
            #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["log.csv"])
        }
        let ambiguous = try ReliefProcess.run(["episodes", try Self.file(header + cases[4].0, in: directory).path])
        #expect(ambiguous.stderr.contains("--date-format '%d/%m/%Y' or --date-format '%m/%d/%Y'"))
        #expect(try ReliefProcess.run(["episodes", try Self.file(header + cases[4].0, in: directory).path, "--date-format", "%d/%m/%Y"]).status == 0)
    }

    @Test func skipInvalidListsEachExclusionOnStderr() throws {
        let directory = try ReliefProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let input = try Self.file(
            "patient_id,infusion_date,relief_end_date,last_contact_date\n"
                + "A,2026-01-05,,\nA,2026-01-26,2026-01-20,\nA,2026-02-16,2026-02-20,\nB,2026-01-05,,\n", in: directory)
        let output = try ReliefProcess.run(["episodes", input.path, "--skip-invalid"])
        #expect(output.status == 0, "stderr: \(output.stderr)")
        #expect(output.stdout.split(separator: "\n").count == 3)
        let lines = output.stderr.split(separator: "\n").map(String.init)
        #expect(lines.contains("relief: warning: 2 of 4 rows excluded (2 invalid: lines 3, 5); they have no episode"))
        #expect(lines.contains(
            "relief: warning: excluded line 3, column 'relief_end_date': relief ended (2026-01-20) before the infusion (2026-01-26)"))
        #expect(lines.last?.hasPrefix("relief: 2 episodes of 1 patient from 4 rows") == true)
    }

    @Test func missingInputExits66() throws {
        let output = try ReliefProcess.run(["episodes", "data/no_such_log.csv"])
        #expect(output.status == 66)
        #expect(output.stderr.hasPrefix("relief: error: data/no_such_log.csv: cannot open the input file"))
    }

    @Test func outputOntoTheInputOrADirectoryExits73() throws {
        let directory = try ReliefProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let copy = directory.appendingPathComponent("log.csv")
        try FileManager.default.copyItem(at: Self.log, to: copy)
        let before = try Data(contentsOf: copy)
        let onto = try ReliefProcess.run(["episodes", copy.path, "-o", copy.path])
        #expect(onto.status == 73, "stderr: \(onto.stderr)")
        #expect(onto.stderr.contains("refusing to overwrite the input file"))
        #expect(try Data(contentsOf: copy) == before)
        let sneaky = try ReliefProcess.run(["episodes", copy.path, "-o", "./sub/../log.csv"], in: directory)
        #expect(sneaky.status == 73)
        #expect(try Data(contentsOf: copy) == before)
        let intoDirectory = try ReliefProcess.run(["episodes", copy.path, "-o", directory.path])
        #expect(intoDirectory.status == 73)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["log.csv"])
    }
}
