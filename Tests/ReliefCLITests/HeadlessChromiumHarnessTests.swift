import Foundation
import Testing

/// Proves the headless Chromium harness can fail: each kind of problem it must catch is planted in a
/// page, and a clean page must come out clean.
@Suite(.serialized) struct HeadlessChromiumHarnessTests {
    /// Writes `html` to a fresh temporary file.
    static func page(_ html: String) throws -> URL {
        let directory = try ReliefProcess.temporaryDirectory()
        let url = directory.appendingPathComponent("page.html")
        try Data(html.utf8).write(to: url)
        return url
    }

    static let csp = "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:\">"

    @Test func cleanPageHasNoErrorsNoRequestsOnePageAndInk() throws {
        let url = try Self.page("""
            <!DOCTYPE html><html lang="en"><head><meta charset="utf-8">\(Self.csp)<title>clean</title>
            <style>body { font-family: "DejaVu Sans", sans-serif; } td { border-bottom: 1px solid #333; }</style></head>
            <body><h1>Relief report</h1><p>Median relief 15.8 days (95% CI 14.7 to 17.2).</p>
            <table><tr><td>high</td><td>825</td></tr><tr><td>low</td><td>772</td></tr></table>
            <svg xmlns="http://www.w3.org/2000/svg" width="200" height="100"><rect x="10" y="10" width="180" height="80" fill="#1f77b4"/></svg>
            </body></html>
            """)
        defer { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }
        let check = try HeadlessChromium.check(htmlFile: url)
        #expect(check.consoleErrors.isEmpty, "console: \(check.consoleErrors)")
        #expect(check.requestedURLs.isEmpty, "requests: \(check.requestedURLs)")
        #expect(check.pdfPageCount == 1)
        #expect(check.firstPageInkFraction > 0.005)
        #expect(check.firstPageInkFraction < 0.5)
        #expect(check.domText?.contains("Median relief 15.8 days") == true)
    }

    @Test func plantedRequestsAndScriptErrorsAreDetected() throws {
        let url = try Self.page("""
            <!DOCTYPE html><html><head><meta charset="utf-8"><title>bad</title>
            <link rel="stylesheet" href="https://relief-test.invalid/style.css"></head>
            <body><h1>Bad page</h1>
            <img src="http://relief-test.invalid/x.png"><img src="missing-local.png">
            <img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">
            <script>undefinedFunction()</script>
            </body></html>
            """)
        defer { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }
        let check = try HeadlessChromium.check(htmlFile: url)
        #expect(check.requestedURLs.contains("http://relief-test.invalid/x.png"), "requests: \(check.requestedURLs)")
        #expect(check.requestedURLs.contains("https://relief-test.invalid/style.css"), "requests: \(check.requestedURLs)")
        let local = url.deletingLastPathComponent().appendingPathComponent("missing-local.png").absoluteString
        #expect(check.requestedURLs.contains { HeadlessChromium.isSamePage($0, local) }, "requests: \(check.requestedURLs)")
        // Neither the page itself nor the data: image counts as a request, and Chromium's own
        // background traffic (update checks) is not attributed to the page.
        #expect(!check.requestedURLs.contains { $0.hasPrefix("data:") || HeadlessChromium.isSamePage($0, url.absoluteString) })
        #expect(!check.requestedURLs.contains { $0.contains("google") })
        #expect(check.consoleErrors.contains { $0.contains("undefinedFunction") }, "console: \(check.consoleErrors)")
    }

    @Test func contentSecurityPolicyViolationShowsAsConsoleError() throws {
        let url = try Self.page("""
            <!DOCTYPE html><html><head><meta charset="utf-8">\(Self.csp)<title>csp</title></head>
            <body><p>Blocked image below.</p><img src="http://relief-test.invalid/blocked.png"></body></html>
            """)
        defer { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }
        let check = try HeadlessChromium.check(htmlFile: url)
        // The policy stops the fetch before it starts, and Chromium says so on the console.
        #expect(!check.requestedURLs.contains("http://relief-test.invalid/blocked.png"), "requests: \(check.requestedURLs)")
        #expect(check.consoleErrors.contains { $0.contains("Content Security Policy") }, "console: \(check.consoleErrors)")
    }

    @Test func longPagePrintsOnSeveralPages() throws {
        let paragraphs = (1...160).map { "<p>Paragraph \($0): relief lasted a median of \($0 % 30 + 5) days in this group.</p>" }
        let url = try Self.page("""
            <!DOCTYPE html><html><head><meta charset="utf-8">\(Self.csp)<title>long</title>
            <style>@page { size: A4; margin: 16mm 14mm; } body { font-size: 11pt; }</style></head>
            <body>\(paragraphs.joined(separator: "\n"))</body></html>
            """)
        defer { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }
        let check = try HeadlessChromium.check(htmlFile: url)
        #expect(check.pdfPageCount >= 3, "pages: \(check.pdfPageCount)")
        #expect(check.consoleErrors.isEmpty)
        #expect(check.requestedURLs.isEmpty)
    }

    @Test func blankPageHasNoInk() throws {
        let url = try Self.page("""
            <!DOCTYPE html><html><head><meta charset="utf-8">\(Self.csp)<title>blank</title></head><body></body></html>
            """)
        defer { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }
        let check = try HeadlessChromium.check(htmlFile: url)
        #expect(check.pdfPageCount == 1)
        #expect(check.firstPageInkFraction < 0.0005, "ink: \(check.firstPageInkFraction)")
        #expect(check.consoleErrors.isEmpty)
    }

    @Test func consoleAndFileLoaderLinesAreParsed() {
        // Lines as Chromium 156 writes them with --enable-logging=stderr --v=0 --vmodule=file_url_loader_factory=1.
        let stderr = """
            [12380:12413:1125/114740.886022:ERROR:dbus/bus.cc:405] Failed to connect to the bus: no socket
            [12380:12380:1125/114741.852714:INFO:CONSOLE:2] "Uncaught ReferenceError: undefinedFunction is not defined", source: file:///tmp/chx/bad.html (2)
            [15124:15152:1125/114833.376445:VERBOSE1:content/browser/loader/file_url_loader_factory.cc:477] FileURLLoader::Start: file:///tmp/chx/missing-local.png
            [1:1:0101/000000.000000:INFO:CONSOLE(7)] "older format", source: file:///x.html (7)
            """
        #expect(HeadlessChromium.consoleMessages(stderr: stderr) == [
            "\"Uncaught ReferenceError: undefinedFunction is not defined\", source: file:///tmp/chx/bad.html (2)",
            "\"older format\", source: file:///x.html (7)",
        ])
        #expect(HeadlessChromium.fileLoads(stderr: stderr) == ["file:///tmp/chx/missing-local.png"])
        #expect(HeadlessChromium.consoleMessages(stderr: "no console here\n").isEmpty)
    }

    @Test func ppmInkFractionCountsNonWhitePixels() throws {
        // 2x2 image: white, black, near-white (counts as white), light grey (counts as ink).
        var data = Data("P6\n# comment\n2 2\n255\n".utf8)
        data.append(contentsOf: [255, 255, 255, 0, 0, 0, 252, 253, 254, 200, 200, 200])
        let image = try PPMImage(data: data)
        #expect(image.width == 2 && image.height == 2)
        #expect(abs(image.nonWhiteFraction - 0.5) < 1e-12)
        #expect(throws: PPMImage.FormatError.self) { try PPMImage(data: Data("P6\n2 2\n255\n".utf8) + Data([1, 2, 3])) }
        #expect(throws: PPMImage.FormatError.self) { try PPMImage(data: Data("P3\n1 1\n255\n0 0 0\n".utf8)) }
    }
}
