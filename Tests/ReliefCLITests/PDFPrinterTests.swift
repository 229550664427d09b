import DataIO
import Foundation
import NumericCore
import Reporting
import Testing
@testable import Reporting

/// `PDFPrinter` with the system's Chromium, and its failure paths with real programs that fail.
@Suite(.serialized) struct PDFPrinterTests {
    /// A private TMPDIR, so the test can see that the printer cleans up after itself.
    static func environment(tmp: URL, extra: [String: String] = [:]) -> [String: String] {
        var environment = ProcessInfo.processInfo.environment
        environment["TMPDIR"] = tmp.path
        environment.removeValue(forKey: "RELIEF_CHROMIUM")
        for (key, value) in extra { environment[key] = value }
        return environment
    }

    static func samplePage() -> String {
        let table = ReportTable(
            title: "Censoring", columns: [ReportColumn("dose_group", style: .label), ReportColumn("n", style: .count)],
            rows: [[.text("high"), .integer(825)], [.text("<script>alert(1)</script>"), .integer(772)]],
            notes: ["NR = not reached"])
        let figure = ReportBlock.figure(
            svg: "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"300\" height=\"120\" viewBox=\"0 0 300 120\"><path d=\"M10 10 H120 V60 H290\" stroke=\"#0072B2\" fill=\"none\" stroke-width=\"2\"/></svg>",
            caption: "Kaplan-Meier curves", name: "km")
        return HTMLWriter().write(
            ReportDocument(
                title: "Relief report <script>alert(1)</script>",
                sections: [
                    ReportDocument.Section(
                        heading: "Relief by dose group",
                        blocks: [
                            .paragraph("Group <script>alert(1)</script> is shown as text."),
                            .warning(title: "Model warnings", messages: ["the Weibull fit did not converge"]),
                            .table(table), figure,
                        ])
                ]))
    }

    static func entries(_ directory: URL) -> [String] {
        (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
    }

    @Test func locatesBrowserFromEnvironmentOrPath() throws {
        let directory = try ReliefProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let plain = directory.appendingPathComponent("not-executable")
        try Data("x".utf8).write(to: plain)
        #expect(PDFPrinter.locateBrowser(environment: ["RELIEF_CHROMIUM": plain.path, "PATH": "/usr/bin:/bin"]) == nil)
        #expect(PDFPrinter.locateBrowser(environment: ["RELIEF_CHROMIUM": directory.path]) == nil)
        #expect(PDFPrinter.locateBrowser(environment: ["RELIEF_CHROMIUM": "/bin/sh"]) == "/bin/sh")
        // On PATH: the first name of the list that exists wins, in PATH order.
        let bin = directory.appendingPathComponent("bin")
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        for name in ["google-chrome", "headless_shell"] {
            let url = bin.appendingPathComponent(name)
            try Data("#!/bin/sh\nexit 1\n".utf8).write(to: url)
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: url.path)
        }
        #expect(PDFPrinter.locateBrowser(environment: ["PATH": directory.path + ":" + bin.path]) == bin.path + "/google-chrome")
        #expect(PDFPrinter.locateBrowser(environment: ["PATH": directory.path]) == nil)
        #expect(PDFPrinter.locateBrowser(environment: ["RELIEF_CHROMIUM": "", "PATH": bin.path]) == bin.path + "/google-chrome")
    }

    @Test func missingBrowserSaysWhatToDo() throws {
        let directory = try ReliefProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let output = directory.appendingPathComponent("report.pdf")
        let printer = PDFPrinter(environment: ["PATH": directory.path, "TMPDIR": directory.path])
        let error = #expect(throws: PDFPrinterError.self) {
            try printer.writePDF(html: Self.samplePage(), to: output.path, writer: AtomicFileWriter())
        }
        #expect(error == .browserNotFound(configured: nil))
        #expect(error?.failureKind == .unavailable)
        #expect(error?.description.contains("apt-get install chromium") == true)
        #expect(error?.description.contains("RELIEF_CHROMIUM") == true)
        #expect(error?.description.contains("--format html") == true)
        #expect(!FileManager.default.fileExists(atPath: output.path))
        let configured = PDFPrinter(environment: ["RELIEF_CHROMIUM": "/nonexistent/chromium", "TMPDIR": directory.path])
        let named = #expect(throws: PDFPrinterError.self) {
            try configured.writePDF(html: "<p>x</p>", to: output.path, writer: AtomicFileWriter())
        }
        #expect(named?.description.contains("'/nonexistent/chromium'") == true)
    }

    @Test func failingBrowserLeavesNoOutputAndNoTemporaryFiles() throws {
        let tmp = try ReliefProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: tmp) }
        let output = tmp.appendingPathComponent("report.pdf")
        // /bin/false is a real program that exits 1 whatever its arguments.
        let printer = PDFPrinter(environment: Self.environment(tmp: tmp, extra: ["RELIEF_CHROMIUM": "/bin/false"]))
        let error = #expect(throws: PDFPrinterError.self) {
            try printer.writePDF(html: Self.samplePage(), to: output.path, writer: AtomicFileWriter())
        }
        #expect(error == .browserFailed(status: 1, stderrTail: ""))
        #expect(error?.failureKind == .unavailable)
        #expect(!FileManager.default.fileExists(atPath: output.path))
        #expect(Self.entries(tmp).isEmpty, "left behind: \(Self.entries(tmp))")
        // /bin/true exits 0 but writes no PDF.
        let silent = PDFPrinter(environment: Self.environment(tmp: tmp, extra: ["RELIEF_CHROMIUM": "/bin/true"]))
        let noPDF = #expect(throws: PDFPrinterError.self) {
            try silent.writePDF(html: Self.samplePage(), to: output.path, writer: AtomicFileWriter())
        }
        #expect(noPDF == .browserFailed(status: 0, stderrTail: ""))
        #expect(noPDF?.description.contains("no valid PDF") == true)
        #expect(Self.entries(tmp).isEmpty)
    }

    @Test func hangingBrowserIsStoppedAfterTheTimeout() throws {
        let tmp = try ReliefProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: tmp) }
        let bin = try ReliefProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: bin) }
        let slow = bin.appendingPathComponent("slow-browser")
        try Data("#!/bin/sh\nexec sleep 30\n".utf8).write(to: slow)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: slow.path)
        let output = tmp.appendingPathComponent("report.pdf")
        let printer = PDFPrinter(environment: Self.environment(tmp: tmp, extra: ["RELIEF_CHROMIUM": slow.path]), timeoutSeconds: 1)
        let start = Date()
        let error = #expect(throws: PDFPrinterError.self) {
            try printer.writePDF(html: Self.samplePage(), to: output.path, writer: AtomicFileWriter())
        }
        #expect(error == .timedOut(seconds: 1))
        #expect(Date().timeIntervalSince(start) < 15)
        #expect(!FileManager.default.fileExists(atPath: output.path))
        #expect(Self.entries(tmp).isEmpty)
    }

    @Test func printsAValidPDFWithChromium() throws {
        _ = try HeadlessChromium.requireTools()
        let tmp = try ReliefProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: tmp) }
        let outputDirectory = try ReliefProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: outputDirectory) }
        let output = outputDirectory.appendingPathComponent("report.pdf")
        let printer = PDFPrinter(environment: Self.environment(tmp: tmp))
        try printer.writePDF(html: Self.samplePage(), to: output.path, writer: AtomicFileWriter())
        let pdf = try Data(contentsOf: output)
        #expect(pdf.starts(with: Array("%PDF".utf8)))
        #expect(Self.entries(tmp).isEmpty, "left behind: \(Self.entries(tmp))")
        #expect(Self.entries(outputDirectory) == ["report.pdf"])
        let tools = try HeadlessChromium.requireTools()
        #expect(try HeadlessChromium.pageCount(pdf: output, tools: tools) == 1)
        let info = try HeadlessChromium.run(tools.pdfinfo, [output.path], in: nil)
        #expect(info.stdout.contains("(A4)"), "pdfinfo: \(info.stdout)")
    }

    @Test func refusesToOverwriteAProtectedInput() throws {
        _ = try HeadlessChromium.requireTools()
        let tmp = try ReliefProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: tmp) }
        let input = tmp.appendingPathComponent("trial.csv")
        try Data("relief_days,relief_ended\n1,1\n".utf8).write(to: input)
        let printer = PDFPrinter(environment: Self.environment(tmp: tmp))
        let error = #expect(throws: PDFPrinterError.self) {
            try printer.writePDF(html: Self.samplePage(), to: input.path, writer: AtomicFileWriter(protectedPaths: [input.path]))
        }
        #expect(error?.failureKind == .cannotWrite)
        #expect(error?.description.contains("refusing to overwrite") == true)
        #expect(try String(contentsOf: input, encoding: .utf8) == "relief_days,relief_ended\n1,1\n")
        #expect(Self.entries(tmp) == ["trial.csv"])
    }

    @Test func htmlPageLoadsCleanlyInTheBrowser() throws {
        let directory = try ReliefProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent("page.html")
        try Data(Self.samplePage().utf8).write(to: url)
        let check = try HeadlessChromium.check(htmlFile: url)
        #expect(check.consoleErrors.isEmpty, "console: \(check.consoleErrors)")
        #expect(check.requestedURLs.isEmpty, "requests: \(check.requestedURLs)")
        #expect(check.pdfPageCount == 1)
        #expect(check.firstPageInkFraction > 0.005)
        // The hostile label arrived as text, not as an element.
        let dom = try #require(check.domText)
        #expect(dom.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(!dom.contains("<script"))
    }
}
