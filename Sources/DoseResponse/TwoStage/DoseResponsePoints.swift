import NumericCore

/// Stage-1 output: one summary per dose level with the covariance of the summaries, ready for
/// ``DoseResponseFit/fit(points:)`` (type general).
public struct DoseResponsePoints: Sendable, Equatable {
    /// The dose levels, ascending.
    public let doses: [Double]
    /// The per-level estimates (median days, RMST days, or log hazard ratio).
    public let estimates: [Double]
    /// Their covariance (diagonal for KM medians and RMST; full for Cox log hazard ratios).
    public let covariance: Matrix
    /// Rows per level.
    public let counts: [Int]
    /// Events per level.
    public let events: [Int]
    /// What the estimates are.
    public let summary: DoseLevelSummarizer.Summary
    /// Levels that were dropped (e.g. median not reached), with the reason.
    public let dropped: [String]

    /// Standard errors `√S_jj`.
    public var standardErrors: [Double] { covariance.diagonal.map { $0.squareRoot() } }

    /// Wraps stage-1 points.
    ///
    /// - Parameters:
    ///   - doses: Dose levels.
    ///   - estimates: Estimates, one per level.
    ///   - covariance: Their covariance, `k × k`.
    ///   - counts: Rows per level.
    ///   - events: Events per level.
    ///   - summary: What the estimates are.
    ///   - dropped: Notes on levels not used.
    public init(doses: [Double], estimates: [Double], covariance: Matrix, counts: [Int], events: [Int],
                summary: DoseLevelSummarizer.Summary, dropped: [String] = []) {
        self.doses = doses
        self.estimates = estimates
        self.covariance = covariance
        self.counts = counts
        self.events = events
        self.summary = summary
        self.dropped = dropped
    }
}
