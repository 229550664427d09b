import DataIO
import Reporting
import Survival

/// `relief summary`: Kaplan–Meier summaries by group (counts, quartiles with CIs, survival at times,
/// RMST), log-rank and trend tests, and the table of medians for two `by` columns.
public struct SummaryRequest: AnalysisRequest {
    /// Kaplan–Meier curves and log-rank tests take `(start, stop]` rows (delayed entry).
    public var acceptsEntryTimes: Bool { true }

    public var source: DataSource
    /// The estimates: Kaplan–Meier settings, times, tau, quantiles.
    public var summary: SurvivalSummary

    /// Creates the request.
    /// - Parameters:
    ///   - source: The data; its roles' `by` columns define the groups.
    ///   - summary: What to estimate (default: log CIs at 95%, times 7, 14, 28, tau by the common rule).
    public init(source: DataSource, summary: SurvivalSummary = SurvivalSummary(times: [7, 14, 28])) {
        self.source = source
        self.summary = summary
    }

    public func compute(_ dataset: SurvivalDataset) throws -> (result: SurvivalSummaryResult, warnings: [String]) {
        try dataset.checkNoOverlappingIntervals(separate: dataset.groupingCodes)
        let result = try summary.fit(dataset)
        return (result, result.warnings)
    }

    public func render(
        _ result: SurvivalSummaryResult, format: OutputFormat, input: ReportInput, provenance: Provenance, warnings: [String]
    ) -> String {
        SummaryRenderer(format: format).render(result, input: input, provenance: provenance, warnings: warnings)
    }
}
