import Foundation

/// Measures the wall time of the stages of a request's run (read, fit, render, write), for `relief
/// --timings` and benchmarks.
///
/// Each finished stage is reported as `relief: timing: NAME SECONDS s`; the read stage also gives its
/// throughput in MB/s (bytes of input per second). Used by `make bench`.
///
/// ```swift
/// var lines: [String] = []
/// var timer = StageTimer { lines.append($0) }
/// let output = try request.run { name, bytes in timer.lap(name, bytes: bytes) }
/// timer.lap("render")
/// ```
public struct StageTimer: Sendable {
    /// Where each stage's line goes; `nil` reports nothing.
    public let report: (@Sendable (String) -> Void)?
    private var start = DispatchTime.now().uptimeNanoseconds

    /// Starts timing the first stage.
    /// - Parameter report: Takes each stage's line; `nil` reports nothing.
    public init(report: (@Sendable (String) -> Void)?) { self.report = report }

    /// Ends the current stage named `name`, reports it, and starts the next.
    /// - Parameters:
    ///   - name: The stage.
    ///   - bytes: Input bytes handled by the stage, to report MB/s.
    public mutating func lap(_ name: String, bytes: Int? = nil) {
        let now = DispatchTime.now().uptimeNanoseconds
        let seconds = Double(now &- start) / 1e9
        start = now
        guard let report else { return }
        var line = "relief: timing: \(name) " + String(format: "%.4f", seconds) + " s"
        if let bytes, seconds > 0 { line += String(format: " %.0f MB/s", Double(bytes) / 1e6 / seconds) }
        report(line)
    }
}
