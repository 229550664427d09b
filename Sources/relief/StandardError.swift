import Foundation
import Reporting

/// Writes diagnostics to standard error as `relief: error: ...` / `relief: warning: ...` lines.
enum StandardError {
    /// Writes one line (a trailing newline is added; embedded line breaks are shown as `\n`).
    static func write(_ line: String) {
        FileHandle.standardError.write(Data((ReportText.escapedControls(line) + "\n").utf8))
    }

    /// Writes `relief: error: message`.
    static func error(_ message: String) { write("relief: error: " + message) }

    /// Writes `relief: warning: message`.
    static func warning(_ message: String) { write("relief: warning: " + message) }
}
