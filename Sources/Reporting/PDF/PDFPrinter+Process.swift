import Dispatch
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

extension PDFPrinter {
    /// The outcome of one browser run.
    struct BrowserRun {
        /// The exit status (for a signal, 128 + the signal number).
        var status: Int32
        /// The last lines the browser wrote to stderr (at most 600 characters).
        var stderrTail: String
    }

    /// Runs `browser` with `arguments`, stdout and stderr captured in files in `directory`, and stops
    /// it (SIGTERM, then SIGKILL after 5 s) when it takes longer than ``timeoutSeconds``.
    /// - Throws: ``PDFPrinterError/timedOut(seconds:)`` when stopped, ``PDFPrinterError/browserFailed(status:stderrTail:)``
    ///   when it cannot be started.
    func runBrowser(_ browser: String, arguments: [String], directory: String) throws(PDFPrinterError) -> BrowserRun {
        let outPath = directory + "/browser.stdout"
        let errPath = directory + "/browser.stderr"
        guard FileManager.default.createFile(atPath: outPath, contents: nil),
            FileManager.default.createFile(atPath: errPath, contents: nil),
            let outHandle = FileHandle(forWritingAtPath: outPath),
            let errHandle = FileHandle(forWritingAtPath: errPath)
        else {
            throw .cannotWrite(path: directory, reason: "cannot create the browser's log files")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: browser)
        process.arguments = arguments
        process.environment = environment
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = outHandle
        process.standardError = errHandle
        let finished = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in finished.signal() }
        do {
            try process.run()
        } catch {
            try? outHandle.close()
            try? errHandle.close()
            throw .browserFailed(status: 127, stderrTail: "cannot start \(browser): \(error.localizedDescription)")
        }
        var timedOut = false
        if finished.wait(timeout: .now() + .seconds(timeoutSeconds)) == .timedOut {
            timedOut = true
            process.terminate()
            if finished.wait(timeout: .now() + .seconds(5)) == .timedOut {
                kill(process.processIdentifier, SIGKILL)
                finished.wait()
            }
        }
        try? outHandle.close()
        try? errHandle.close()
        if timedOut { throw .timedOut(seconds: timeoutSeconds) }
        let status = process.terminationReason == .uncaughtSignal
            ? 128 + process.terminationStatus : process.terminationStatus
        return BrowserRun(status: status, stderrTail: Self.tail(ofFile: errPath))
    }

    /// The last non-empty lines of a log file, at most 600 characters, lines joined by ` | `.
    static func tail(ofFile path: String) -> String {
        guard let data = FileManager.default.contents(atPath: path) else { return "" }
        let lines = String(decoding: data, as: UTF8.self)
            .split(whereSeparator: { $0 == "\n" || $0 == "\r" })
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
        var kept: [String] = []
        var length = 0
        for line in lines.reversed() {
            guard length + line.count <= 600 || kept.isEmpty else { break }
            kept.append(String(line.prefix(600)))
            length += line.count + 3
        }
        return kept.reversed().joined(separator: " | ")
    }
}
