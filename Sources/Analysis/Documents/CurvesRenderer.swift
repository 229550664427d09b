import Reporting
import Survival

/// Renders the Kaplan–Meier step functions of a summary's groups (what `relief curves` prints): one row
/// per distinct time per group with the number at risk, events, censorings, S(t), its standard error and
/// CI. Reads the fits in the result; computes nothing.
///
/// CSV columns: `<one per by column>, time, n_risk, n_event, n_censor, estimate, std_error, lower,
/// upper, confidence_transform, confidence_level, relief_version` (full precision, `NA` for unknown).
/// JSON: `{"version", "command", "input", "confidence_transform", "confidence_level", "curves":
/// [{"by": {...}, "n", "events", "censored", "time": [..], "n_risk": [..], "n_event": [..],
/// "n_censor": [..], "estimate": [..], "std_error": [..], "lower": [..], "upper": [..]}], "warnings"}`.
public struct CurvesRenderer: ResultRenderer {
    /// The format and limits (the curves list no exclusions: the summary does).
    public var options: RenderOptions

    /// Creates a renderer; see ``ResultRenderer/init(format:labelWidth:maxListedExclusions:)``.
    /// - Parameter options: The format and limits.
    public init(options: RenderOptions) {
        self.options = options
    }

    /// The report document: the header and one section with the step functions.
    /// - Parameters:
    ///   - result: A summary whose groups hold the fits.
    ///   - input: The input record.
    ///   - provenance: The provenance.
    ///   - warnings: The warnings.
    /// - Returns: The document.
    /// - Complexity: O(total distinct times over groups).
    public func document(
        _ result: SurvivalSummaryResult, input: ReportInput, provenance: Provenance, warnings: [String]
    ) -> ReportDocument {
        ReportDocument(
            title: result.byColumns.isEmpty
                ? "Kaplan–Meier curve" : "Kaplan–Meier curves by " + result.byColumns.joined(separator: " x "),
            header: provenance.headerLines(input: input, transform: result.confidenceTransform, level: result.confidenceLevel),
            sections: [
                ReportDocument.Section(heading: "Step functions", tables: [table(result, provenance: provenance, fullPrecision: false)])
            ],
            notes: warnings.map { "warning: " + $0 })
    }

    /// The warnings the result carries.
    public func warnings(of result: SurvivalSummaryResult) -> [String] { result.warnings }

    /// The Kaplan–Meier figure (``Reporting/KaplanMeierPlot``): one step curve per group with its
    /// pointwise band, censoring marks, and the numbers at risk under the time axis, read from the fits.
    public func figure(_ result: SurvivalSummaryResult) -> ReportFigure? {
        let by = result.byColumns.isEmpty ? nil : result.byColumns.joined(separator: " x ")
        let plot = KaplanMeierPlot(title: "Relief" + (by.map { " by " + $0 } ?? ", all episodes"), summary: result)
        return ReportFigure(svg: plot.svg(), caption: KaplanMeierPlot.caption(result, by: by), name: "km")
    }

    /// The step functions as one table with full precision and the CI transform, level and version
    /// columns (see ``CurvesRenderer``).
    /// - Parameters:
    ///   - result: The summary.
    ///   - input: The input record (not used: the CSV carries data only).
    ///   - provenance: The provenance.
    /// - Returns: The table.
    public func csvTable(_ result: SurvivalSummaryResult, input: ReportInput, provenance: Provenance) -> ReportTable {
        table(result, provenance: provenance, fullPrecision: true)
    }

    /// The step functions as one table, one row per time per group.
    /// - Parameters:
    ///   - result: The summary.
    ///   - provenance: The provenance (its version goes into the CSV rows).
    ///   - fullPrecision: Add the CI transform, level and version columns (CSV).
    /// - Returns: The table.
    public func table(_ result: SurvivalSummaryResult, provenance: Provenance, fullPrecision: Bool) -> ReportTable {
        var columns = SummaryRenderer.groupColumns(result)
        columns += [
            ReportColumn("time", style: .general(significant: 6)), ReportColumn("n_risk", style: .count),
            ReportColumn("n_event", style: .count), ReportColumn("n_censor", style: .count),
            ReportColumn("estimate", style: .fixed(decimals: 4)), ReportColumn("std_error", style: .fixed(decimals: 4)),
            ReportColumn("lower", style: .fixed(decimals: 4)), ReportColumn("upper", style: .fixed(decimals: 4)),
        ]
        if fullPrecision {
            columns += ["confidence_transform", "confidence_level", "relief_version"].map { ReportColumn($0, style: .label) }
        }
        var rows: [[ReportCell]] = []
        for group in result.groups {
            let fit = group.fit
            let labels = SummaryRenderer.groupCells(group, result)
            for index in fit.times.indices {
                var row = labels + [
                    .number(fit.times[index]), .integer(Self.value(fit.atRisk, index)),
                    .integer(Self.value(fit.eventCounts, index)), .integer(Self.value(fit.censorCounts, index)),
                    .number(Self.value(fit.survival, index)), .number(Self.value(fit.standardError, index)),
                    .number(index < fit.lower.count ? fit.lower[index] : nil),
                    .number(index < fit.upper.count ? fit.upper[index] : nil),
                ]
                if fullPrecision {
                    row += [
                        .text(result.confidenceTransform.rawValue), .number(result.confidenceLevel),
                        .text(provenance.version),
                    ]
                }
                rows.append(row)
            }
        }
        let ci = Provenance.percent(result.confidenceLevel) + " CI, " + result.confidenceTransform.rawValue
        return ReportTable(title: "S(t) with \(ci)", columns: columns, rows: rows)
    }

    /// The members of the curves' JSON output (its layout: see ``CurvesRenderer``).
    /// - Parameter result: The summary.
    /// - Returns: The members, in order.
    public func jsonMembers(_ result: SurvivalSummaryResult) -> [(key: String, value: JSONValue)] {
        [
            ("by", .array(result.byColumns.map(JSONValue.string))),
            ("confidence_transform", .string(result.confidenceTransform.rawValue)),
            ("confidence_level", .number(result.confidenceLevel)),
            ("curves", .array(result.groups.map(Self.curveJSON))),
        ]
    }

    /// One group's step function as JSON, each column an array.
    static func curveJSON(_ group: SurvivalSummaryGroup) -> JSONValue {
        let fit = group.fit
        return .object(countMembers(group, fit) + [
            ("estimate", .array(fit.survival.map(JSONValue.number))),
            ("std_error", .array(fit.standardError.map(JSONValue.number))),
            ("lower", .array(fit.lower.map(JSONValue.optional))),
            ("upper", .array(fit.upper.map(JSONValue.optional))),
        ])
    }

    /// A group's levels, sizes and risk-set table as JSON members: `by`, `n`, `events`, `censored`,
    /// `time`, `n_risk`, `n_event`, `n_censor` (the columns every curve shares).
    static func countMembers(_ group: SurvivalSummaryGroup, _ fit: KaplanMeierFit) -> [(key: String, value: JSONValue)] {
        [
            ("by", SummaryRenderer.byJSON(group.by)), ("n", .integer(fit.n)),
            ("events", .integer(fit.events)), ("censored", .integer(fit.censored)),
            ("time", .array(fit.times.map(JSONValue.number))),
            ("n_risk", .array(fit.atRisk.map(JSONValue.integer))),
            ("n_event", .array(fit.eventCounts.map(JSONValue.integer))),
            ("n_censor", .array(fit.censorCounts.map(JSONValue.integer))),
        ]
    }

    /// The element at `index`, or 0 past the end.
    static func value<T>(_ array: [T], _ index: Int) -> T where T: Numeric {
        index < array.count ? array[index] : 0
    }
}
