import DataIO
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Prints an HTML report to PDF with a headless Chromium browser (`--format pdf`).
///
/// The HTML goes to a private temporary directory (mode 0700) together with a fresh browser profile;
/// the browser prints it with `--print-to-pdf`, every host name resolving to nothing
/// (`--host-resolver-rules="MAP * ~NOTFOUND"`), so nothing leaves the machine even if the page asked
/// for it. The PDF is checked (it must start with `%PDF`) and moved into place with
/// ``AtomicFileWriter``, which refuses to overwrite an input. The temporary directory is removed in
/// every case, and no output file is left behind on any failure.
public struct PDFPrinter: Sendable {
    /// Browser names searched on `PATH`, in order, when `RELIEF_CHROMIUM` is not set.
    static let browserNames = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "headless_shell"]

    /// The environment: `RELIEF_CHROMIUM`, `PATH` and `TMPDIR` are read from it, and the browser runs in it.
    let environment: [String: String]
    /// Seconds the browser may take before it is stopped.
    let timeoutSeconds: Int

    /// Creates a printer.
    /// - Parameters:
    ///   - environment: The process environment (the current one by default).
    ///   - timeoutSeconds: The time limit for the browser, 120 s by default.
    public init(environment: [String: String] = ProcessInfo.processInfo.environment, timeoutSeconds: Int = 120) {
        self.environment = environment
        self.timeoutSeconds = max(1, timeoutSeconds)
    }

    /// The browser to run: `RELIEF_CHROMIUM` when set (it must be an executable file), else the first of
    /// ``browserNames`` found as an executable file on `PATH`.
    /// - Parameter environment: The environment to read `RELIEF_CHROMIUM` and `PATH` from.
    /// - Returns: The browser's path, or `nil` when there is none.
    public static func locateBrowser(environment: [String: String]) -> String? {
        if let configured = environment["RELIEF_CHROMIUM"], !configured.isEmpty {
            return isExecutableFile(configured) ? configured : nil
        }
        let directories = (environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":").map(String.init)
        for name in browserNames {
            for directory in directories where !directory.isEmpty {
                let candidate = directory.hasSuffix("/") ? directory + name : directory + "/" + name
                if isExecutableFile(candidate) { return candidate }
            }
        }
        return nil
    }

    /// The browser's command-line arguments that print `pageURL` to `pdfPath`.
    /// - Parameters:
    ///   - profile: A fresh, private user-data directory.
    ///   - pdfPath: Where the browser writes the PDF.
    ///   - pageURL: The `file://` URL of the HTML.
    /// - Returns: The arguments (without the browser itself).
    static func arguments(profile: String, pdfPath: String, pageURL: String) -> [String] {
        [
            "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--no-default-browser-check",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--disable-extensions", "--disable-default-apps",
            "--user-data-dir=" + profile, "--no-pdf-header-footer",
            "--host-resolver-rules=MAP * ~NOTFOUND",
            "--print-to-pdf=" + pdfPath, pageURL,
        ]
    }

    /// Prints `html` to a PDF at `path`.
    /// - Parameters:
    ///   - html: The complete, self-contained HTML document.
    ///   - path: The destination of the PDF.
    ///   - writer: How to write it (the paths never to overwrite, private permissions).
    /// - Throws: ``PDFPrinterError``; on any error no file is written at `path`.
    public func writePDF(html: String, to path: String, writer: AtomicFileWriter) throws(PDFPrinterError) {
        guard let browser = Self.locateBrowser(environment: environment) else {
            let configured = environment["RELIEF_CHROMIUM"].flatMap { $0.isEmpty ? nil : $0 }
            throw .browserNotFound(configured: configured)
        }
        let directory = try makePrivateDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let htmlPath = directory + "/report.html"
        let pdfPath = directory + "/out.pdf"
        do {
            try Data(html.utf8).write(to: URL(fileURLWithPath: htmlPath))
        } catch {
            throw .cannotWrite(path: htmlPath, reason: error.localizedDescription)
        }
        let pageURL = URL(fileURLWithPath: htmlPath).absoluteString
        let run = try runBrowser(
            browser, arguments: Self.arguments(profile: directory + "/profile", pdfPath: pdfPath, pageURL: pageURL),
            directory: directory)
        guard run.status == 0 else {
            throw .browserFailed(status: run.status, stderrTail: run.stderrTail)
        }
        guard let pdf = FileManager.default.contents(atPath: pdfPath), pdf.starts(with: Array("%PDF".utf8)) else {
            throw .browserFailed(status: 0, stderrTail: run.stderrTail)
        }
        do {
            try writer.write(pdf, to: path)
        } catch {
            throw .cannotWrite(path: path, reason: error.message + (error.hint.map { "; " + $0 } ?? ""))
        }
    }

    /// Creates a directory only the current user can read (`mkdtemp`, mode 0700) under `TMPDIR`.
    private func makePrivateDirectory() throws(PDFPrinterError) -> String {
        var base = environment["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        while base.count > 1, base.hasSuffix("/") { base.removeLast() }
        var template = Array((base + "/relief-pdf-XXXXXX").utf8CString)
        let made = template.withUnsafeMutableBufferPointer { buffer -> Bool in
            guard let start = buffer.baseAddress else { return false }
            return mkdtemp(start) != nil
        }
        guard made else {
            throw .cannotWrite(path: base, reason: "cannot create a temporary directory: " + String(cString: strerror(errno)))
        }
        return template.withUnsafeBufferPointer { buffer in
            guard let start = buffer.baseAddress else { return base }
            return String(cString: start)
        }
    }

    /// Whether `path` is an executable regular file (or a link to one).
    private static func isExecutableFile(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else {
            return false
        }
        return FileManager.default.isExecutableFile(atPath: path)
    }
}
