import DataIO
import Reporting
import Survival

/// `relief curves`: the Kaplan–Meier step function of each group with its confidence interval, one row
/// per distinct time per group (as `summary(survfit, censored = TRUE)`).
public struct CurvesRequest: AnalysisRequest {
    /// Kaplan–Meier curves and log-rank tests take `(start, stop]` rows (delayed entry).
    public var acceptsEntryTimes: Bool { true }

    /// The data formats, and svg and html for the Kaplan–Meier figure.
    public static var outputFormats: [OutputFormat] { OutputFormat.figureFormats }

    public var source: DataSource
    /// The Kaplan–Meier settings (CI transform and level).
    public var kaplanMeier: KaplanMeier

    /// Creates the request.
    /// - Parameters:
    ///   - source: The data; its roles' `by` columns define the groups.
    ///   - kaplanMeier: The Kaplan–Meier settings.
    public init(source: DataSource, kaplanMeier: KaplanMeier = KaplanMeier()) {
        self.source = source
        self.kaplanMeier = kaplanMeier
    }

    /// The curves are the summary's group fits; its RMST and tests are not shown, nor their warnings.
    public func compute(_ dataset: SurvivalDataset) throws -> (result: SurvivalSummaryResult, warnings: [String]) {
        try dataset.checkNoOverlappingIntervals(separate: dataset.groupingCodes)
        return (try SurvivalSummary(km: kaplanMeier).fit(dataset), [])
    }

    public func render(
        _ result: SurvivalSummaryResult, format: OutputFormat, input: ReportInput, provenance: Provenance, warnings: [String]
    ) -> String {
        CurvesRenderer(format: format).render(result, input: input, provenance: provenance, warnings: warnings)
    }
}
