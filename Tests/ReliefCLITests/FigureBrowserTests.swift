import Foundation
import Testing

/// The figures of `relief curves` and `relief fit cox` in a real browser: Debian's headless Chromium loads
/// the HTML page (figure and tables) and the standalone SVG without console messages or any request, and
/// draws ink on the page; the DOM holds one step curve per group and one forest point per term. Like the
/// report's browser tests, a missing Chromium fails with the install hint (`bash scripts/install-browser.sh`).
@Suite(.serialized) struct FigureBrowserTests {
    static let trial = ReliefProcess.packageRoot.appendingPathComponent("data/ketamine_trial.csv")

    func load(_ arguments: [String], file name: String) throws -> ChromiumPageCheck {
        let directory = try ReliefProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let page = directory.appendingPathComponent(name)
        let output = try ReliefProcess.run(arguments + [Self.trial.path, "-o", page.path])
        try #require(output.status == 0, "relief \(arguments) failed: \(output.stderr)")
        return try HeadlessChromium.check(htmlFile: page)
    }

    @Test func curvesPageAndSVGLoadCleanly() throws {
        let page = try load(["curves", "--by", "dose_group", "--format", "html"], file: "curves.html")
        #expect(page.consoleErrors.isEmpty, "console messages: \(page.consoleErrors)")
        #expect(page.requestedURLs.isEmpty, "requested: \(page.requestedURLs)")
        #expect(page.firstPageInkFraction > 0.01, "first page ink \(page.firstPageInkFraction)")
        let dom = try #require(page.domText)
        #expect(dom.components(separatedBy: "class=\"rp-km-curve\"").count - 1 == 2)
        #expect(dom.contains("Number at risk"))
        #expect(dom.contains("Step functions"))

        let svg = try load(["curves", "--by", "dose_group", "--format", "svg"], file: "km.svg")
        #expect(svg.consoleErrors.isEmpty, "console messages: \(svg.consoleErrors)")
        #expect(svg.requestedURLs.isEmpty, "requested: \(svg.requestedURLs)")
        #expect(svg.firstPageInkFraction > 0.01, "ink \(svg.firstPageInkFraction)")
    }

    @Test func forestPageLoadsCleanly() throws {
        let page = try load(["fit", "cox", "--formula", "dose_group + baseline_pain + condition", "--format", "html"], file: "cox.html")
        #expect(page.consoleErrors.isEmpty, "console messages: \(page.consoleErrors)")
        #expect(page.requestedURLs.isEmpty, "requested: \(page.requestedURLs)")
        #expect(page.firstPageInkFraction > 0.01, "first page ink \(page.firstPageInkFraction)")
        let dom = try #require(page.domText)
        #expect(dom.components(separatedBy: "class=\"rp-forest-point\"").count - 1 == 5)
        #expect(dom.contains("Hazard ratio (95% CI), log scale"))
    }
}
