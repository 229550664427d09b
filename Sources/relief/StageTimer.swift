import Foundation

/// Measures the wall time of the stages of a command (read, fit, render, write) for `--timings`.
///
/// Each finished stage is reported on stderr as `relief: timing: NAME SECONDS s`; the read stage also
/// gives its throughput in MB/s (bytes of input per second). Used by `make bench`.
struct StageTimer {
    /// Whether to report anything.
    var isEnabled: Bool
    private var start = DispatchTime.now().uptimeNanoseconds

    init(isEnabled: Bool) { self.isEnabled = isEnabled }

    /// Ends the current stage named `name`, reports it, and starts the next.
    /// - Parameter bytes: input bytes handled by the stage, to report MB/s.
    mutating func lap(_ name: String, bytes: Int? = nil) {
        let now = DispatchTime.now().uptimeNanoseconds
        let seconds = Double(now &- start) / 1e9
        start = now
        guard isEnabled else { return }
        var line = "relief: timing: \(name) " + String(format: "%.4f", seconds) + " s"
        if let bytes, seconds > 0 { line += String(format: " %.0f MB/s", Double(bytes) / 1e6 / seconds) }
        StandardError.write(line)
    }
}
