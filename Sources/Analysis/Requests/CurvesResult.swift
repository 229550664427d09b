import Survival

/// What `relief curves` computes: the groups' Kaplan–Meier curves (a summary's fits) and, with
/// `--bands`, each curve's simultaneous confidence band.
public struct CurvesResult: Sendable {
    /// The summary whose groups hold the curves.
    public let summary: SurvivalSummaryResult
    /// One band per group, in the summary's group order; empty without a band.
    public let bands: [SimultaneousBandFit]

    /// Creates the result.
    /// - Parameters:
    ///   - summary: The curves.
    ///   - bands: One band per group, or none.
    public init(summary: SurvivalSummaryResult, bands: [SimultaneousBandFit] = []) {
        self.summary = summary
        self.bands = bands
    }

    /// The band of group `index`, if there are bands.
    public func band(_ index: Int) -> SimultaneousBandFit? {
        index < bands.count ? bands[index] : nil
    }
}
