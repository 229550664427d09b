import Foundation
import Testing

/// What headless Chromium saw when it loaded and printed one HTML page.
struct ChromiumPageCheck {
    /// Console messages and uncaught exceptions of the page, as Chromium logged them
    /// (`"message", source: file:///...html (line)`). Chromium logs every console level of web content
    /// the same way, so `console.log` counts too; a report has no scripts, so any entry is a problem
    /// (a Content-Security-Policy violation is logged here as well).
    var consoleErrors: [String]
    /// Every URL the page tried to fetch, in order, without duplicates, other than the page's own
    /// `file://` URL and `data:` URLs: network requests from the net log and `file://` loads from
    /// Chromium's file loader.
    var requestedURLs: [String]
    /// The number of pages of the printed PDF (`pdfinfo`).
    var pdfPageCount: Int
    /// The fraction of pixels on page 1 that are not white (rendered at 40 dpi by `pdftoppm`), 0...1.
    var firstPageInkFraction: Double
    /// The page's DOM after loading, serialized by Chromium (`--dump-dom`); `nil` when it printed none.
    var domText: String?
}

/// Test support: loads an HTML file in the system's headless Chromium, with every host name resolving
/// to nothing (`--host-resolver-rules="MAP * ~NOTFOUND"`, so no request leaves the machine), prints it
/// to PDF and reports console messages, attempted requests, page count and ink on page 1.
///
/// How the evidence is collected, with only Chromium's command line:
/// - console: `--enable-logging=stderr --v=0` makes Chromium log each console message of the page as
///   `[pid:tid:time:INFO:CONSOLE:3] "Uncaught ReferenceError: ...", source: file:///.../page.html (3)`;
/// - network: `--log-net-log=FILE --net-log-capture-mode=Default` writes a JSON net log; the URL of
///   each `URL_REQUEST_START_JOB` event is a request. Chromium's own background requests (update
///   checks, time, accounts) carry `"initiator": "not an origin"` and are left out; the page's carry its
///   origin (`"null"` for a `file://` page);
/// - local files: `--vmodule=file_url_loader_factory=1` logs `FileURLLoader::Start: file:///...` for
///   every `file://` load (the page itself included, which is left out);
/// - DOM: `--dump-dom` writes the serialized DOM to stdout; PDF: `--print-to-pdf`, then `pdfinfo` for the
///   page count and `pdftoppm -f 1 -l 1 -r 40` to a PPM image parsed here for the ink fraction.
enum HeadlessChromium {
    /// The external programs the harness runs.
    struct Tools {
        var chromium: String
        var pdfinfo: String
        var pdftoppm: String
    }

    /// A failure of the harness itself (the browser hung, crashed, or wrote no PDF).
    struct HarnessFailure: Error, CustomStringConvertible {
        var description: String
    }

    /// Seconds one browser run may take.
    static let timeoutSeconds = 120

    /// The tools, or `nil` when one is missing. Chromium is `$RELIEF_CHROMIUM` if set, else `chromium`,
    /// `chromium-browser`, `google-chrome`, `google-chrome-stable` or `headless_shell` on `PATH`.
    static func locateTools() -> Tools? {
        let environment = ProcessInfo.processInfo.environment
        let chromium: String?
        if let configured = environment["RELIEF_CHROMIUM"], !configured.isEmpty {
            chromium = FileManager.default.isExecutableFile(atPath: configured) ? configured : nil
        } else {
            chromium = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "headless_shell"]
                .lazy.compactMap(onPath).first
        }
        guard let chromium, let pdfinfo = onPath("pdfinfo"), let pdftoppm = onPath("pdftoppm") else { return nil }
        return Tools(chromium: chromium, pdfinfo: pdfinfo, pdftoppm: pdftoppm)
    }

    /// The tools; when one is missing the current test fails with a message saying how to install them.
    static func requireTools(sourceLocation: SourceLocation = #_sourceLocation) throws -> Tools {
        try #require(
            locateTools(),
            "headless Chromium tests need chromium, pdfinfo and pdftoppm (Debian's chromium and poppler-utils), and one is missing: run `bash scripts/install-browser.sh` (make test does), or set RELIEF_CHROMIUM to a Chromium binary",
            sourceLocation: sourceLocation)
    }

    /// Loads `htmlFile` in headless Chromium and reports what it saw.
    /// - Parameters:
    ///   - htmlFile: The page (a local file).
    ///   - keepPDF: Where to copy the printed PDF, if wanted (e.g. to make a picture of it).
    /// - Returns: The findings.
    /// - Throws: When a tool is missing (the test fails with an install hint) or the browser fails.
    static func check(htmlFile: URL, keepPDF: URL? = nil, sourceLocation: SourceLocation = #_sourceLocation) throws -> ChromiumPageCheck {
        let tools = try requireTools(sourceLocation: sourceLocation)
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("relief-chromium-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: work) }
        let pageURL = htmlFile.standardizedFileURL.absoluteString
        let netLog = work.appendingPathComponent("net-log.json")
        let pdf = work.appendingPathComponent("page.pdf")
        let browser = try run(
            tools.chromium,
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--no-default-browser-check",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-extensions", "--disable-default-apps",
                "--user-data-dir=" + work.appendingPathComponent("profile").path, "--no-pdf-header-footer",
                "--host-resolver-rules=MAP * ~NOTFOUND",
                "--enable-logging=stderr", "--v=0", "--vmodule=file_url_loader_factory=1",
                "--log-net-log=" + netLog.path, "--net-log-capture-mode=Default",
                "--dump-dom", "--print-to-pdf=" + pdf.path, pageURL,
            ],
            in: work)
        guard browser.status == 0, FileManager.default.fileExists(atPath: pdf.path) else {
            throw HarnessFailure(description: "chromium exited with status \(browser.status) and wrote no PDF for \(pageURL); stderr ends: \(String(browser.stderr.suffix(800)))")
        }
        if let keepPDF {
            try? FileManager.default.removeItem(at: keepPDF)
            try FileManager.default.copyItem(at: pdf, to: keepPDF)
        }
        let netRequests = try networkRequests(netLogFile: netLog)
        let fileLoads = fileLoads(stderr: browser.stderr)
        var seen = Set<String>()
        let requested = (netRequests + fileLoads).filter { url in
            !url.hasPrefix("data:") && !isSamePage(url, pageURL) && seen.insert(url).inserted
        }
        let dom = browser.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        return ChromiumPageCheck(
            consoleErrors: consoleMessages(stderr: browser.stderr), requestedURLs: requested,
            pdfPageCount: try pageCount(pdf: pdf, tools: tools),
            firstPageInkFraction: try firstPageInk(pdf: pdf, tools: tools, work: work),
            domText: dom.isEmpty ? nil : dom)
    }

    /// Writes page 1 of `pdf` as a PNG (`pdftoppm -png -singlefile`), e.g. for the README's picture.
    /// - Parameters:
    ///   - pdf: The PDF.
    ///   - png: The destination, ending in `.png`.
    ///   - resolution: Dots per inch.
    static func writeFirstPagePNG(pdf: URL, to png: URL, resolution: Int = 80) throws {
        let tools = try requireTools()
        let prefix = png.deletingPathExtension().path
        let result = try run(tools.pdftoppm, ["-f", "1", "-l", "1", "-r", String(resolution), "-png", "-singlefile", pdf.path, prefix], in: nil)
        guard result.status == 0 else {
            throw HarnessFailure(description: "pdftoppm failed (\(result.status)): \(result.stderr)")
        }
    }

    // MARK: - Evidence

    /// The console messages in Chromium's stderr log: the text after `CONSOLE...] ` on each line.
    static func consoleMessages(stderr: String) -> [String] {
        stderr.split(whereSeparator: \.isNewline).compactMap { line -> String? in
            guard let marker = line.range(of: ":CONSOLE"), let close = line[marker.upperBound...].range(of: "] ") else {
                return nil
            }
            return String(line[close.upperBound...])
        }
    }

    /// The `file://` URLs Chromium's file loader opened (`FileURLLoader::Start: URL` lines).
    static func fileLoads(stderr: String) -> [String] {
        let marker = "FileURLLoader::Start: "
        return stderr.split(whereSeparator: \.isNewline).compactMap { line -> String? in
            guard let range = line.range(of: marker) else { return nil }
            let url = line[range.upperBound...].trimmingCharacters(in: .whitespaces)
            return url.isEmpty ? nil : url
        }
    }

    /// The URLs of the page's `URL_REQUEST_START_JOB` events in a Chromium net log (JSON), leaving out
    /// the browser's own requests (initiator `not an origin`).
    static func networkRequests(netLogFile: URL) throws -> [String] {
        var data = try Data(contentsOf: netLogFile)
        var parsed = try? JSONSerialization.jsonObject(with: data)
        if parsed == nil {
            // A browser that was stopped leaves the events array open; close it.
            while let last = data.last, last == UInt8(ascii: "\n") || last == UInt8(ascii: ",") || last == UInt8(ascii: " ") {
                data.removeLast()
            }
            data.append(contentsOf: Array("]}".utf8))
            parsed = try? JSONSerialization.jsonObject(with: data)
        }
        guard let log = parsed as? [String: Any], let constants = log["constants"] as? [String: Any],
            let types = constants["logEventTypes"] as? [String: Any],
            let startJob = (types["URL_REQUEST_START_JOB"] as? NSNumber)?.intValue,
            let events = log["events"] as? [[String: Any]]
        else {
            throw HarnessFailure(description: "the Chromium net log \(netLogFile.path) is not in the expected JSON form")
        }
        return events.compactMap { event -> String? in
            guard (event["type"] as? NSNumber)?.intValue == startJob, let params = event["params"] as? [String: Any],
                let url = params["url"] as? String
            else { return nil }
            return (params["initiator"] as? String) == "not an origin" ? nil : url
        }
    }

    /// The page count reported by `pdfinfo`.
    static func pageCount(pdf: URL, tools: Tools) throws -> Int {
        let info = try run(tools.pdfinfo, [pdf.path], in: nil)
        for line in info.stdout.split(whereSeparator: \.isNewline) where line.hasPrefix("Pages:") {
            if let count = Int(line.dropFirst("Pages:".count).trimmingCharacters(in: .whitespaces)) { return count }
        }
        throw HarnessFailure(description: "pdfinfo printed no page count for \(pdf.path): \(info.stderr)")
    }

    /// The fraction of non-white pixels on page 1 (`pdftoppm -f 1 -l 1 -r 40`, PPM).
    static func firstPageInk(pdf: URL, tools: Tools, work: URL) throws -> Double {
        let prefix = work.appendingPathComponent("page1").path
        let result = try run(tools.pdftoppm, ["-f", "1", "-l", "1", "-r", "40", "-singlefile", pdf.path, prefix], in: nil)
        guard result.status == 0 else {
            throw HarnessFailure(description: "pdftoppm failed (\(result.status)): \(result.stderr)")
        }
        let image = try PPMImage(data: Data(contentsOf: URL(fileURLWithPath: prefix + ".ppm")))
        return image.nonWhiteFraction
    }

    // MARK: - Processes and paths

    /// The output of one process.
    struct Output {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs `executable arguments...`, output captured in files, stopped after ``timeoutSeconds``.
    static func run(_ executable: String, _ arguments: [String], in directory: URL?) throws -> Output {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("relief-run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let outURL = scratch.appendingPathComponent("stdout")
        let errURL = scratch.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let outHandle = try FileHandle(forWritingTo: outURL)
        let errHandle = try FileHandle(forWritingTo: errURL)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = outHandle
        process.standardError = errHandle
        let finished = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in finished.signal() }
        try process.run()
        if finished.wait(timeout: .now() + .seconds(timeoutSeconds)) == .timedOut {
            process.terminate()
            if finished.wait(timeout: .now() + .seconds(5)) == .timedOut {
                kill(process.processIdentifier, SIGKILL)
                finished.wait()
            }
            try? outHandle.close()
            try? errHandle.close()
            throw HarnessFailure(description: "\(executable) did not finish within \(timeoutSeconds) s and was stopped")
        }
        try outHandle.close()
        try errHandle.close()
        return Output(
            status: process.terminationStatus,
            stdout: String(decoding: try Data(contentsOf: outURL), as: UTF8.self),
            stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self))
    }

    /// `name` as an executable file in a `PATH` directory, or `nil`.
    static func onPath(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for directory in path.split(separator: ":") where !directory.isEmpty {
            let candidate = String(directory) + "/" + name
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate, isDirectory: &isDirectory), !isDirectory.boolValue,
                FileManager.default.isExecutableFile(atPath: candidate)
            {
                return candidate
            }
        }
        return nil
    }

    /// Whether `url` is the page itself (ignoring a fragment and percent-encoding differences).
    static func isSamePage(_ url: String, _ pageURL: String) -> Bool {
        func normalized(_ text: String) -> String {
            let base = text.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? text
            return base.removingPercentEncoding ?? base
        }
        return normalized(url) == normalized(pageURL)
    }
}
