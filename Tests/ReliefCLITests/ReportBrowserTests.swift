import Foundation
import Testing

/// The clinical report in a real browser: Debian's headless Chromium loads `relief report`'s HTML
/// without console messages or any request (file or network), prints it to the expected number of A4
/// pages, and the first page is not blank. `--format pdf` prints the same pages. Run
/// `bash scripts/install-browser.sh` (or `make test`, which does) when Chromium or poppler is missing.
@Suite(.serialized) struct ReportBrowserTests {
    static let trial = ReliefProcess.packageRoot.appendingPathComponent("data/ketamine_trial.csv")
    /// Printed A4 pages of the bundled trial's report (Chromium 156, fonts-dejavu-core, fonts-liberation),
    /// run as `relief report trial.csv -o report.html` in a scratch folder so that paths (which appear in
    /// the provenance) do not depend on where the repository is. A change in the report's content or
    /// stylesheet that moves content across pages changes it: look at the PDF and update it deliberately.
    static let expectedTrialPages = 11

    /// A scratch folder holding a copy of the trial as `trial.csv`.
    static func scratchWithTrial() throws -> URL {
        let directory = try ReliefProcess.temporaryDirectory()
        try FileManager.default.copyItem(at: trial, to: directory.appendingPathComponent("trial.csv"))
        return directory
    }

    @Test func trialReportLoadsCleanlyAndPrintsToTheExpectedPages() throws {
        let directory = try Self.scratchWithTrial()
        defer { try? FileManager.default.removeItem(at: directory) }
        let html = directory.appendingPathComponent("report.html")
        let output = try ReliefProcess.run(
            ["report", "trial.csv", "-o", "report.html"], in: directory, environment: ["SOURCE_DATE_EPOCH": "1795564800"])
        try #require(output.status == 0, "relief report failed: \(output.stderr)")
        let check = try HeadlessChromium.check(htmlFile: html)
        #expect(check.consoleErrors.isEmpty, "console messages: \(check.consoleErrors)")
        #expect(check.requestedURLs.isEmpty, "the report requested: \(check.requestedURLs)")
        #expect(check.pdfPageCount == Self.expectedTrialPages, "printed \(check.pdfPageCount) pages")
        #expect(check.firstPageInkFraction > 0.01, "first page ink \(check.firstPageInkFraction)")
        let dom = try #require(check.domText)
        #expect(dom.contains("Relief by dose group (dose_group)"))
        #expect(dom.components(separatedBy: "<svg").count - 1 >= 3)
    }

    @Test func pdfFormatPrintsTheSamePages() throws {
        let directory = try Self.scratchWithTrial()
        defer { try? FileManager.default.removeItem(at: directory) }
        let pdf = directory.appendingPathComponent("report.pdf")
        let output = try ReliefProcess.run(
            ["report", "trial.csv", "--format", "pdf", "-o", "report.pdf"], in: directory,
            environment: ["SOURCE_DATE_EPOCH": "1795564800"])
        try #require(output.status == 0, "relief report --format pdf failed: \(output.stderr)")
        let data = try Data(contentsOf: pdf)
        #expect(data.starts(with: Array("%PDF".utf8)))
        let tools = try HeadlessChromium.requireTools()
        #expect(try HeadlessChromium.pageCount(pdf: pdf, tools: tools) == Self.expectedTrialPages)
        // No temporary files are left beside the output.
        let left = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        #expect(left.sorted() == ["report.pdf", "trial.csv"], "left: \(left)")
    }

    @Test func hostileLabelsStayTextInTheBrowser() throws {
        let directory = try ReliefProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let csv = try HostileCSV.write(in: directory, first: "<script>alert(1)</script>", second: "<img src=x onerror=alert(2)>")
        let html = directory.appendingPathComponent("report.html")
        let output = try ReliefProcess.run(["report", csv.path, "-o", html.path])
        try #require(output.status == 0, "relief report failed: \(output.stderr)")
        let check = try HeadlessChromium.check(htmlFile: html)
        #expect(check.consoleErrors.isEmpty, "console messages: \(check.consoleErrors)")
        #expect(check.requestedURLs.isEmpty, "requested: \(check.requestedURLs)")
        let dom = try #require(check.domText)
        #expect(dom.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(!dom.contains("<img src=\"x\""))
    }
}
