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
    /// The Kaplan–Meier settings (CI transform and level, also those of the band).
    public var kaplanMeier: KaplanMeier
    /// The simultaneous confidence band of each curve (`--bands`), or nil.
    public var band: SimultaneousBand?

    /// Creates the request.
    /// - Parameters:
    ///   - source: The data; its roles' `by` columns define the groups.
    ///   - kaplanMeier: The Kaplan–Meier settings.
    ///   - band: The simultaneous band, or nil.
    public init(source: DataSource, kaplanMeier: KaplanMeier = KaplanMeier(), band: SimultaneousBand? = nil) {
        self.source = source
        self.kaplanMeier = kaplanMeier
        self.band = band
    }

    /// The curves are the summary's group fits; its RMST and tests are not shown, nor their warnings.
    /// - Throws: ``AnalysisError`` (usage) when the band's range does not suit a group's curve.
    public func compute(_ dataset: SurvivalDataset) throws -> (result: CurvesResult, warnings: [String]) {
        try dataset.checkNoOverlappingIntervals(separate: dataset.groupingCodes)
        let summary = try SurvivalSummary(km: kaplanMeier).fit(dataset)
        guard let band else { return (CurvesResult(summary: summary), []) }
        let bands = try summary.groups.map { group in
            do {
                return try band.fit(group.fit)
            } catch let error as StatModelError {
                var message = error.description
                if case .invalidArgument(_, let text) = error { message = text }
                let label = group.by.map { "\($0.column)=\($0.level)" }.joined(separator: ", ")
                throw AnalysisError(.usage, "--bands \(band.method.rawValue)" + (label.isEmpty ? "" : " (\(label))") + ": " + message)
            }
        }
        return (CurvesResult(summary: summary, bands: bands), [])
    }

    public func render(
        _ result: CurvesResult, format: OutputFormat, input: ReportInput, provenance: Provenance, warnings: [String]
    ) -> String {
        CurvesRenderer(format: format).render(result, input: input, provenance: provenance, warnings: warnings)
    }
}
