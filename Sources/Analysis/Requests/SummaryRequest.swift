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
    /// Where the landmark times come from (``LandmarkTimes``): `summary.times`, or the data's quartiles.
    public var landmarks = LandmarkTimes.given

    /// Creates the request.
    /// - Parameters:
    ///   - source: The data; its roles' `by` columns define the groups.
    ///   - summary: What to estimate (default: log CIs at 95%, times 7, 14, 28, tau by the common rule).
    public init(source: DataSource, summary: SurvivalSummary = SurvivalSummary(times: [7, 14, 28])) {
        self.source = source
        self.summary = summary
    }

    /// `--pairwise` needs groups to pair.
    public func check(_ source: DataSource) throws {
        if summary.pairwise != nil, source.roles.by.isEmpty {
            throw AnalysisError(.usage, "--pairwise compares pairs of groups: give the groups with --by")
        }
    }

    public func withLandmarkTimes(_ times: [Double]) -> SummaryRequest {
        var request = self
        request.summary.times = times
        return request
    }

    public func compute(_ dataset: SurvivalDataset) throws -> (result: SurvivalSummaryResult, warnings: [String]) {
        try dataset.checkNoOverlappingIntervals(separate: dataset.groupingCodes)
        if summary.test == .maxCombo { try Self.checkTwoGroups(dataset) }
        let result = try summary.fit(dataset)
        return (result, result.warnings)
    }

    /// MaxCombo compares two groups: each `by` column, and their cross, must have two levels among the
    /// rows used.
    static func checkTwoGroups(_ dataset: SurvivalDataset) throws {
        let factors = dataset.groupings.map(SurvivalSummaryFactor.init)
        for factor in factors {
            let present = SurvivalSummary.compact(factor.codes, levelCount: factor.levels.count).present
            guard present.count <= 2 else {
                throw AnalysisError(
                    .usage,
                    "--test maxcombo compares two groups, but '\(factor.column)' has \(present.count) levels among the rows "
                        + "used; choose a column with two levels, or add --pairwise to test every pair of groups")
            }
        }
        if factors.count >= 2 {
            let crossed = try SurvivalSummary.cross(factors, rowCount: dataset.time.count, context: "SummaryRequest").groupCount
            guard crossed <= 2 else {
                throw AnalysisError(
                    .usage,
                    "--test maxcombo compares two groups, but the cross of \(factors.map(\.column).joined(separator: " x ")) "
                        + "has \(crossed) groups; give one --by column with two levels")
            }
        }
    }

    public func render(
        _ result: SurvivalSummaryResult, format: OutputFormat, input: ReportInput, provenance: Provenance, warnings: [String]
    ) -> String {
        SummaryRenderer(format: format).render(result, input: input, provenance: provenance, warnings: warnings)
    }
}
