import Reporting
import Survival

/// Renders the Nelson–Aalen curves (`relief curves --estimator nelson-aalen`): one row per distinct time
/// per group with the number at risk, events, censorings, H(t), its SE, exp(-H) and its CI. Reads the
/// fits in the result; computes nothing.
///
/// CSV columns: `<one per by column>, time, n_risk, n_event, n_censor, cumulative_hazard, std_error,
/// survival, lower, upper, confidence_transform, confidence_level, relief_version` (`std_error` is the SE
/// of H, R's `std.chaz`; `survival` is exp(-H) and `lower`, `upper` its limits). JSON: `{"version",
/// "command", "input", "estimator": "nelson-aalen", "confidence_transform", "confidence_level",
/// "curves": [{"by": {...}, "n", "events", "censored", "time": [..], "n_risk": [..], "n_event": [..],
/// "n_censor": [..], "cumulative_hazard": [..], "std_error": [..], "survival": [..], "lower": [..],
/// "upper": [..]}], "warnings"}`.
public struct CumulativeHazardRenderer: ResultRenderer {
    /// The format and limits.
    public var options: RenderOptions

    /// Creates a renderer; see ``ResultRenderer/init(format:labelWidth:maxListedExclusions:)``.
    /// - Parameter options: The format and limits.
    public init(options: RenderOptions) {
        self.options = options
    }

    /// The warnings the result carries.
    public func warnings(of result: CumulativeHazardResult) -> [String] { result.summary.warnings }

    /// The cumulative hazard figure: one rising step curve H(t) per group with its pointwise band (the
    /// exp(−H) limits on the H scale), censoring marks and the numbers at risk, the y axis from 0 to the
    /// largest finite upper limit. Read from the fits.
    public func figure(_ result: CumulativeHazardResult, input: ReportInput) -> ReportFigure? {
        let summary = result.summary
        let by = summary.byColumns.isEmpty ? nil : summary.byColumns.joined(separator: " x ")
        let curves = zip(summary.groups, result.fits).map { group, fit in
            let label = group.by.map(\.level).joined(separator: ", ")
            return KaplanMeierPlot.Curve(label: label.isEmpty ? "All" : label, cumulativeHazard: fit)
        }
        let words = input.wording
        var plot = KaplanMeierPlot(
            title: "Cumulative hazard of the end of \(words.outcome)" + (by.map { " by " + $0 } ?? ", all episodes"),
            wording: words, yLabel: "Cumulative hazard H(t) (Nelson–Aalen)", curves: curves)
        let top = curves.flatMap { $0.survival + $0.upper.compactMap { $0 } }.filter(\.isFinite).max() ?? 1
        plot.yRange = 0...max(top * 1.05, 0.1)
        let level = Provenance.percent(summary.confidenceLevel)
        let caption = "Nelson–Aalen estimate of the cumulative hazard of the end of \(words.outcome)"
            + (by.map { " by " + $0 } ?? "") + ", with \(level) pointwise confidence bands (the "
            + "\(summary.confidenceTransform.rawValue) interval of exp(−H), read on the H scale, as R's plot(fit, cumhaz = TRUE)); "
            + "+ marks are censored episodes; the table under the axis gives the numbers still at risk."
        return ReportFigure(svg: plot.svg(), caption: caption, name: "cumhaz")
    }

    /// The report document: the header and one section with the step functions.
    public func document(
        _ result: CumulativeHazardResult, input: ReportInput, provenance: Provenance, warnings: [String]
    ) -> ReportDocument {
        let summary = result.summary
        return ReportDocument(
            title: summary.byColumns.isEmpty
                ? "Nelson–Aalen cumulative hazard"
                : "Nelson–Aalen cumulative hazard by " + summary.byColumns.joined(separator: " x "),
            header: provenance.headerLines(input: input, transform: summary.confidenceTransform, level: summary.confidenceLevel),
            sections: [
                ReportDocument.Section(heading: "Step functions", tables: [table(result, provenance: provenance, fullPrecision: false)])
            ],
            notes: warnings.map { "warning: " + $0 })
    }

    /// The step functions as one table with full precision and the CI columns.
    public func csvTable(_ result: CumulativeHazardResult, input: ReportInput, provenance: Provenance) -> ReportTable {
        table(result, provenance: provenance, fullPrecision: true)
    }

    /// The step functions as one table, one row per time per group.
    /// - Parameters:
    ///   - result: The curves.
    ///   - provenance: The provenance (its version goes into the CSV rows).
    ///   - fullPrecision: Add the CI transform, level and version columns (CSV).
    /// - Returns: The table.
    public func table(_ result: CumulativeHazardResult, provenance: Provenance, fullPrecision: Bool) -> ReportTable {
        let summary = result.summary
        var columns = CurvesRenderer.countColumns(summary)
            + CurvesRenderer.fourDecimals(["cumulative_hazard", "std_error", "survival", "lower", "upper"])
        if fullPrecision {
            columns += CurvesRenderer.settingColumns
        }
        var rows: [[ReportCell]] = []
        for (group, fit) in zip(summary.groups, result.fits) {
            let labels = SummaryRenderer.groupCells(group, summary)
            for j in fit.counts.times.indices {
                var row = labels + CurvesRenderer.countCells(fit.counts, j) + [
                    .number(CurvesRenderer.value(fit.cumulativeHazard, j)),
                    .number(CurvesRenderer.value(fit.standardError, j)), .number(CurvesRenderer.value(fit.survival, j)),
                    .number(j < fit.lower.count ? fit.lower[j] : nil), .number(j < fit.upper.count ? fit.upper[j] : nil),
                ]
                if fullPrecision {
                    row += CurvesRenderer.settingCells(summary, provenance: provenance)
                }
                rows.append(row)
            }
        }
        let ci = Provenance.percent(summary.confidenceLevel) + " CI of exp(-H), " + summary.confidenceTransform.rawValue
        return ReportTable(
            title: "H(t) = sum of d/n, SE sqrt(sum of d/n^2); exp(-H) with \(ci)", columns: columns, rows: rows,
            notes: ["R's survfit(ctype = 1) cumhaz and std.chaz; survival = exp(-H), survfit(ctype = 1, stype = 2)."])
    }

    /// The members of the JSON output (its layout: see ``CumulativeHazardRenderer``).
    public func jsonMembers(_ result: CumulativeHazardResult) -> [(key: String, value: JSONValue)] {
        let summary = result.summary
        return [
            ("by", .array(summary.byColumns.map(JSONValue.string))), ("estimator", .string(CurvesEstimator.nelsonAalen.rawValue)),
            ("confidence_transform", .string(summary.confidenceTransform.rawValue)),
            ("confidence_level", .number(summary.confidenceLevel)),
            ("curves", .array(zip(summary.groups, result.fits).map(Self.curveJSON))),
        ]
    }

    /// One group's curve as JSON, each column an array.
    static func curveJSON(_ group: SurvivalSummaryGroup, _ fit: NelsonAalenFit) -> JSONValue {
        .object(CurvesRenderer.countMembers(group, fit.counts) + [
            ("cumulative_hazard", .array(fit.cumulativeHazard.map(JSONValue.number))),
            ("std_error", .array(fit.standardError.map(JSONValue.number))),
            ("survival", .array(fit.survival.map(JSONValue.number))),
            ("lower", .array(fit.lower.map(JSONValue.optional))),
            ("upper", .array(fit.upper.map(JSONValue.optional))),
        ])
    }
}
