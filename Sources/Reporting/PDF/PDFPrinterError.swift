import NumericCore

/// Why `--format pdf` could not write its PDF. Each case maps to a sysexits code and one line on stderr.
public enum PDFPrinterError: ReliefError, Sendable, Equatable {
    /// No Chromium browser was found (`configured` is the value of `RELIEF_CHROMIUM` when it was set
    /// but does not name an executable file).
    case browserNotFound(configured: String?)
    /// The browser ran but exited with `status`, or wrote no valid PDF; `stderrTail` is the end of what
    /// it wrote to stderr.
    case browserFailed(status: Int32, stderrTail: String)
    /// The browser did not finish within `seconds` and was stopped.
    case timedOut(seconds: Int)
    /// The PDF (or the temporary files needed to make it) could not be written at `path`.
    case cannotWrite(path: String, reason: String)

    /// A missing, failing or hanging browser is unavailable (exit 69); an unwritable PDF cannot be written (73).
    public var failureKind: FailureKind {
        switch self {
        case .browserNotFound, .browserFailed, .timedOut: return .unavailable
        case .cannotWrite: return .cannotWrite
        }
    }

    /// The message, one line: what happened, then what to do.
    public var description: String {
        let install = "--format pdf needs a Chromium browser: install Debian's chromium (apt-get install chromium) or set RELIEF_CHROMIUM to its path; --format html writes the same report without it"
        switch self {
        case .browserNotFound(let configured?):
            return "RELIEF_CHROMIUM is set to '\(Self.flat(configured))', which is not an executable file. " + install
        case .browserNotFound(nil):
            return install
        case .browserFailed(let status, let stderrTail):
            let tail = stderrTail.isEmpty ? "" : ": " + Self.flat(stderrTail)
            let what = status == 0 ? "the browser wrote no valid PDF" : "the browser failed with exit status \(status)"
            return what + tail + ". Try --format html, or set RELIEF_CHROMIUM to another Chromium build"
        case .timedOut(let seconds):
            return "the browser did not finish printing the PDF within \(seconds) s and was stopped. Try --format html and print it from a browser"
        case .cannotWrite(let path, let reason):
            return "cannot write '\(Self.flat(path))': \(Self.flat(reason))"
        }
    }

    /// `text` on one line, line breaks shown as ` | `.
    private static func flat(_ text: String) -> String {
        text.split(whereSeparator: { $0 == "\n" || $0 == "\r" }).joined(separator: " | ")
    }
}
