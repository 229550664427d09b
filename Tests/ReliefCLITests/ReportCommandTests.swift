import Foundation
import Testing

/// `relief report`: the HTML report's content, de-identification, escaping, the Markdown variant and
/// the failure paths (no browser for PDF, refusing to overwrite the input).
@Suite struct ReportCommandTests {
    static let trial = ReliefProcess.packageRoot.appendingPathComponent("data/ketamine_trial.csv")
    static let doseRanging = ReliefProcess.packageRoot.appendingPathComponent("data/dose_ranging.csv")
    static let clinic = ReliefProcess.packageRoot.appendingPathComponent("data/clinic_export.csv")

    /// Runs `relief report` into a fresh directory and returns the HTML and the process output.
    static func report(_ file: URL, _ extra: [String] = [], environment: [String: String] = [:]) throws
        -> (html: String, output: ReliefProcess.Output, directory: URL)
    {
        let directory = try ReliefProcess.temporaryDirectory()
        let target = directory.appendingPathComponent("report.html")
        let output = try ReliefProcess.run(
            ["report", file.path, "-o", target.path] + extra, environment: ["SOURCE_DATE_EPOCH": "1795564800"].merging(environment) { _, new in new })
        let html = (try? String(contentsOf: target, encoding: .utf8)) ?? ""
        return (html, output, directory)
    }

    @Test func trialReportHasEverySection() throws {
        let (html, output, directory) = try Self.report(Self.trial)
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect(output.status == 0, "stderr: \(output.stderr)")
        for heading in [
            "At a glance", "Provenance", "Baseline characteristics", "Relief by dose group (dose_group)",
            "Relief by treatment frequency (interval_days)", "Adjusted regression", "Dose-response",
            "Relief coverage by dose and interval", "Methods",
        ] {
            #expect(html.contains(">\(heading)</h2>"), "missing section \(heading)")
        }
        // Provenance: the input's SHA-256, the rows, the version, the date from SOURCE_DATE_EPOCH.
        #expect(html.contains("ad759637c8e717aed4a6d427ee2b4082329575b43944c2ee5778401ac18e4cd4"))
        #expect(html.contains("1597 read, 1597 used, 0 excluded"))
        #expect(html.contains("2026-11-25"))
        // KM medians of the bundled trial (R: 15.79 high, 12.31 low) and the log-rank test.
        #expect(html.contains("high 15.79 days"))
        #expect(html.contains("low 12.31 days"))
        #expect(html.contains("Log-rank"))
        // SAS-style tables, plots with numbers at risk, the forest plot, the coverage table.
        #expect(html.contains("Quartile estimates of relief duration"))
        #expect(html.contains("Summary of the number of censored and uncensored values"))
        #expect(html.components(separatedBy: "<svg").count - 1 >= 3)
        #expect(html.contains("Number at risk"))
        #expect(html.contains("dose_group: high vs low"))
        // Coverage: other covariates at the median (baseline pain 6.5, as the baseline table) and the most
        // frequent level (CRPS 487 of 1597 episodes, no co-therapy 836); doses 0.5 and 1 (each group's
        // median dose to 2 significant digits).
        #expect(html.contains("baseline_pain=6.5, condition=CRPS, cotherapy=none"))
        #expect(html.contains("<td>0.5</td>") || html.contains("<td class=\"num\">0.5</td>"))
        // Methods name the conventions.
        #expect(html.contains("conf.type = &quot;log&quot;") || html.contains("conf.type = \"log\""))
        #expect(html.contains("Greenwood"))
        #expect(html.contains("clustered by patient_id"))
        // Self-contained: no scripts, no external resources.
        #expect(!html.lowercased().contains("<script"))
        #expect(!html.contains("src=\"http"))
        #expect(!html.contains("href=\"http"))
        #expect(!html.contains("@import"))
        // De-identified by default.
        #expect(!html.contains("P0000001"))
    }

    @Test func reportIsDeterministicForAGivenDate() throws {
        let first = try Self.report(Self.trial)
        let second = try Self.report(Self.trial)
        defer {
            try? FileManager.default.removeItem(at: first.directory)
            try? FileManager.default.removeItem(at: second.directory)
        }
        #expect(first.output.status == 0)
        #expect(first.html.count > 10_000)
        // The command line differs by the output path only; everything else is byte-identical.
        let strip = { (text: String) in
            text.replacingOccurrences(of: first.directory.path, with: "DIR").replacingOccurrences(of: second.directory.path, with: "DIR")
        }
        #expect(strip(first.html) == strip(second.html))
    }

    @Test func includeIdsAddsThePatientListing() throws {
        let (html, output, directory) = try Self.report(Self.trial, ["--include-ids"])
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect(output.status == 0, "stderr: \(output.stderr)")
        #expect(html.contains("P0000001"))
        #expect(html.contains("Patient listing"))
        #expect(html.contains("identifiable"))
    }

    @Test func hostileLabelsAreEscaped() throws {
        let directory = try ReliefProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let csv = try HostileCSV.write(in: directory, first: "<script>alert(1)</script>", second: "low & \"quoted\"")
        let target = directory.appendingPathComponent("report.html")
        let output = try ReliefProcess.run(["report", csv.path, "-o", target.path])
        #expect(output.status == 0, "stderr: \(output.stderr)")
        let html = try String(contentsOf: target, encoding: .utf8)
        #expect(!html.contains("<script"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(html.contains("low &amp; &quot;quoted&quot;"))
        // Parts that need absent columns say why instead of disappearing.
        #expect(html.contains("not available"))
    }

    @Test func freeTextColumnsAreWithheld() throws {
        let (html, output, directory) = try Self.report(
            Self.clinic, ["--delimiter", ";", "--decimal-comma", "--skip-invalid", "--baseline", "condition,notes"])
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect(output.status == 0, "stderr: \(output.stderr)")
        #expect(html.contains("notes (free text or an identifier"))
        #expect(!html.contains("phoned clinic"))
        #expect(html.contains("Excluded rows"))
    }

    @Test func doseRangingReportDrawsTheDoseResponseCurve() throws {
        let (html, output, directory) = try Self.report(Self.doseRanging)
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect(output.status == 0, "stderr: \(output.stderr)")
        #expect(html.contains("id=\"fig-dose-response\""))
        #expect(!html.contains("The dose-response curve is not available"))
    }

    @Test func markdownWritesSVGFilesBesideIt() throws {
        let directory = try ReliefProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let target = directory.appendingPathComponent("review.md")
        let output = try ReliefProcess.run(["report", Self.trial.path, "--format", "markdown", "-o", target.path])
        #expect(output.status == 0, "stderr: \(output.stderr)")
        let markdown = try String(contentsOf: target, encoding: .utf8)
        #expect(markdown.contains("## Relief by dose group (dose\\_group)"))
        #expect(markdown.contains("](review-km-1.svg)"))
        let svg = try String(contentsOf: directory.appendingPathComponent("review-km-1.svg"), encoding: .utf8)
        #expect(svg.hasPrefix("<?xml"))
        #expect(svg.contains("<svg"))
        #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent("review-forest.svg").path))
    }

    @Test func pdfWithoutABrowserFailsCleanly() throws {
        let directory = try ReliefProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let target = directory.appendingPathComponent("report.pdf")
        let output = try ReliefProcess.run(
            ["report", Self.trial.path, "--format", "pdf", "-o", target.path],
            environment: ["RELIEF_CHROMIUM": directory.appendingPathComponent("no-such-browser").path, "PATH": "/nonexistent"])
        #expect(output.status == 69, "stderr: \(output.stderr)")
        #expect(output.stderr.contains("chromium"))
        #expect(output.stderr.split(separator: "\n").count == 1)
        #expect(!FileManager.default.fileExists(atPath: target.path))
    }

    @Test func reportRefusesToOverwriteItsInput() throws {
        let directory = try ReliefProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let copy = directory.appendingPathComponent("trial.csv")
        try FileManager.default.copyItem(at: Self.trial, to: copy)
        let before = try Data(contentsOf: copy)
        let output = try ReliefProcess.run(["report", copy.path, "-o", copy.path])
        #expect(output.status == 73, "stderr: \(output.stderr)")
        #expect(try Data(contentsOf: copy) == before)
    }

    @Test func pdfAndMarkdownNeedAnOutputFile() throws {
        let output = try ReliefProcess.run(["report", Self.trial.path, "--format", "pdf"])
        #expect(output.status == 64)
        #expect(output.stderr.contains("needs -o"))
    }

    @Test func unknownColumnsAndModelsAreUsageErrors() throws {
        let directory = try ReliefProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let unused = directory.appendingPathComponent("unused.html").path
        let byMissing = try ReliefProcess.run(["report", Self.trial.path, "--by", "no_such_column", "-o", unused])
        #expect(byMissing.status == 64, "stderr: \(byMissing.stderr)")
        #expect(byMissing.stderr.contains("no column 'no_such_column' (--by)"))
        let formula = try ReliefProcess.run(["report", Self.trial.path, "--formula", "dose_group + nope", "-o", unused])
        #expect(formula.status == 64, "stderr: \(formula.stderr)")
        #expect(formula.stderr.contains("nope"))
        let model = try ReliefProcess.run(["report", Self.trial.path, "--model", "gamma", "-o", unused])
        #expect(model.status == 64)
        #expect(model.stderr.contains("'gamma'") && model.stderr.contains("--model"))
        let aft = try ReliefProcess.run(["report", Self.trial.path, "--model", "aft", "-o", unused])
        #expect(aft.status == 64)
        #expect(aft.stderr.contains("'aft'"))
        #expect(!FileManager.default.fileExists(atPath: unused))
    }

    @Test func missingInputIsExit66() throws {
        let directory = try ReliefProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let target = directory.appendingPathComponent("report.html")
        let output = try ReliefProcess.run(["report", directory.appendingPathComponent("absent.csv").path, "-o", target.path])
        #expect(output.status == 66, "stderr: \(output.stderr)")
        #expect(output.stderr.split(separator: "\n").count == 1)
        #expect(!FileManager.default.fileExists(atPath: target.path))
    }

    @Test func coxModelReportsHazardRatios() throws {
        let (html, output, directory) = try Self.report(Self.trial, ["--model", "cox"])
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect(output.status == 0, "stderr: \(output.stderr)")
        #expect(html.contains("Hazard ratio (95% CI), log scale"))
        #expect(html.contains("Efron"))
    }

    @Test func markdownReportCarriesNoRawHTMLFromLabels() throws {
        let directory = try ReliefProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let csv = try HostileCSV.write(in: directory, first: "<script>alert(1)</script>", second: "<img src=x onerror=alert(2)>")
        let target = directory.appendingPathComponent("hostile.md")
        let output = try ReliefProcess.run(["report", csv.path, "--format", "markdown", "-o", target.path])
        #expect(output.status == 0, "stderr: \(output.stderr)")
        let markdown = try String(contentsOf: target, encoding: .utf8)
        #expect(!markdown.contains("<script") && !markdown.contains("<img"))
        #expect(markdown.contains("&lt;script>alert(1)&lt;/script>"))
        let svg = try String(contentsOf: directory.appendingPathComponent("hostile-km-1.svg"), encoding: .utf8)
        #expect(!svg.contains("<script"))
    }

    @Test func failedMarkdownWriteLeavesNoFigures() throws {
        let directory = try ReliefProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        // The Markdown path is an existing directory: the figures could be written, the Markdown cannot.
        let target = directory.appendingPathComponent("review.md")
        try FileManager.default.createDirectory(at: target, withIntermediateDirectories: false)
        let output = try ReliefProcess.run(["report", Self.trial.path, "--format", "markdown", "-o", target.path])
        #expect(output.status == 73, "stderr: \(output.stderr)")
        #expect(output.stderr.split(separator: "\n").count == 1)
        let left = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        #expect(left == ["review.md"], "left: \(left)")
        // Into a missing directory: nothing at all.
        let missing = directory.appendingPathComponent("absent/review.md")
        let again = try ReliefProcess.run(["report", Self.trial.path, "--format", "markdown", "-o", missing.path])
        #expect(again.status == 73, "stderr: \(again.stderr)")
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("absent").path))
    }
}
