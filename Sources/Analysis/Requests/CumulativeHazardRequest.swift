import DataIO
import Reporting
import Survival

/// `relief curves --estimator nelson-aalen`: the Nelson–Aalen cumulative hazard of each group with its
/// SE and the survival exp(-H) with limits, one row per distinct time per group (R's `survfit(...,
/// ctype = 1)` and `stype = 2`). The groups, risk sets (with delayed entry) and near-tie rule are the
/// Kaplan–Meier curves' (``CurvesRequest``); only the estimate differs.
public struct CumulativeHazardRequest: AnalysisRequest {
    /// `(start, stop]` rows are taken (delayed entry), as for the Kaplan–Meier curves.
    public var acceptsEntryTimes: Bool { true }

    public var source: DataSource
    /// The CI transform and level of exp(-H) (and the Kaplan–Meier fit whose counts are read).
    public var kaplanMeier: KaplanMeier

    /// Creates the request.
    /// - Parameters:
    ///   - source: The data; its roles' `by` columns define the groups.
    ///   - kaplanMeier: The CI transform and level.
    public init(source: DataSource, kaplanMeier: KaplanMeier = KaplanMeier()) {
        self.source = source
        self.kaplanMeier = kaplanMeier
    }

    /// Each group's Nelson–Aalen fit from the counts of its Kaplan–Meier fit.
    /// The data formats, and svg and html for the cumulative hazard figure.
    public static var outputFormats: [OutputFormat] { OutputFormat.figureFormats }

    public func compute(_ dataset: SurvivalDataset) throws -> (result: CumulativeHazardResult, warnings: [String]) {
        let summary = try CurvesRequest(source: source, kaplanMeier: kaplanMeier).compute(dataset).result.summary
        return (CumulativeHazardResult(summary: summary, fits: summary.groups.map { NelsonAalenFit(counts: $0.fit) }), [])
    }

    public func render(
        _ result: CumulativeHazardResult, format: OutputFormat, input: ReportInput, provenance: Provenance, warnings: [String]
    ) -> String {
        CumulativeHazardRenderer(format: format).render(result, input: input, provenance: provenance, warnings: warnings)
    }
}
