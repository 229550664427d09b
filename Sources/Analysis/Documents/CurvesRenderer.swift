import Reporting
import Survival

/// Renders the Kaplan–Meier step functions of a summary's groups (what `relief curves` prints): one row
/// per distinct time per group with the number at risk, events, censorings, S(t), its standard error and
/// CI. Reads the fits in the result; computes nothing.
///
/// CSV columns: `<one per by column>, time, n_risk, n_event, n_censor, estimate, std_error, lower,
/// upper, [band_lower, band_upper,] confidence_transform, confidence_level, relief_version` (full
/// precision, `NA` for unknown; the band columns with `--bands`, `NA` outside the band's range).
/// JSON: `{"version", "command", "input", "confidence_transform", "confidence_level", "curves":
/// [{"by": {...}, "n", "events", "censored", "time": [..], "n_risk": [..], "n_event": [..],
/// "n_censor": [..], "estimate": [..], "std_error": [..], "lower": [..], "upper": [..]}], "warnings"}`;
/// with a band each curve also has `"band": {"method", "from", "to", "a_lower", "a_upper",
/// "critical_value"}`, `"band_lower": [..]` and `"band_upper": [..]`.
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
        _ curves: CurvesResult, input: ReportInput, provenance: Provenance, warnings: [String]
    ) -> ReportDocument {
        let result = curves.summary
        var tables = [table(curves, provenance: provenance, fullPrecision: false)]
        if !curves.bands.isEmpty { tables.insert(bandTable(curves), at: 0) }
        return ReportDocument(
            title: result.byColumns.isEmpty
                ? "Kaplan–Meier curve" : "Kaplan–Meier curves by " + result.byColumns.joined(separator: " x "),
            header: provenance.headerLines(input: input, transform: result.confidenceTransform, level: result.confidenceLevel),
            sections: [
                ReportDocument.Section(heading: "Step functions", tables: tables)
            ],
            notes: warnings.map { "warning: " + $0 })
    }

    /// The warnings the result carries.
    public func warnings(of result: CurvesResult) -> [String] { result.summary.warnings }

    /// The Kaplan–Meier figure (``Reporting/KaplanMeierPlot``): one step curve per group with its
    /// pointwise band (and, with `--bands`, the lighter simultaneous band), censoring marks, and the
    /// numbers at risk under the time axis, read from the fits.
    public func figure(_ curves: CurvesResult, input: ReportInput) -> ReportFigure? {
        let result = curves.summary
        let by = result.byColumns.isEmpty ? nil : result.byColumns.joined(separator: " x ")
        let words = input.wording
        var plot = KaplanMeierPlot(title: words.outcomeTitle + (by.map { " by " + $0 } ?? ", all episodes"), summary: result, wording: words)
        for (index, band) in curves.bands.enumerated() where index < plot.curves.count {
            plot.curves[index].simultaneousLower = band.lower
            plot.curves[index].simultaneousUpper = band.upper
            plot.curves[index].simultaneousName = Self.bandName(band.method)
        }
        var caption = KaplanMeierPlot.caption(result, by: by, wording: words)
        if let band = curves.bands.first {
            caption += " The lighter band is the \(Provenance.percent(band.confidenceLevel)) \(Self.bandName(band.method)) "
                + "simultaneous band over each curve's band range (see the table)."
        }
        return ReportFigure(svg: plot.svg(), caption: caption, name: "km")
    }

    /// The band's name in text: "Hall–Wellner" or "equal-precision".
    static func bandName(_ method: SimultaneousBand.Method) -> String {
        method == .hallWellner ? "Hall–Wellner" : "equal-precision"
    }

    /// One row per group: the band's method, range, `a_L`, `a_U` and critical value.
    func bandTable(_ curves: CurvesResult) -> ReportTable {
        let result = curves.summary
        let columns = SummaryRenderer.groupColumns(result) + [
            ReportColumn("band", style: .label), ReportColumn("from", style: .general(significant: 6)),
            ReportColumn("to", style: .general(significant: 6)), ReportColumn("a_lower", style: .fixed(decimals: 4)),
            ReportColumn("a_upper", style: .fixed(decimals: 4)), ReportColumn("critical_value", style: .fixed(decimals: 4)),
        ]
        var rows: [[ReportCell]] = []
        for (group, band) in zip(result.groups, curves.bands) {
            rows.append(SummaryRenderer.groupCells(group, result) + [
                .text(band.method.rawValue), .number(band.timeRange.lowerBound), .number(band.timeRange.upperBound),
                .number(band.lowerA), .number(band.upperA), .number(band.criticalValue),
            ])
        }
        let level = Provenance.percent(result.confidenceLevel)
        return ReportTable(title: "\(level) simultaneous bands, \(result.confidenceTransform.rawValue)", columns: columns, rows: rows)
    }

    /// The step functions as one table with full precision and the CI transform, level and version
    /// columns (see ``CurvesRenderer``).
    /// - Parameters:
    ///   - result: The summary.
    ///   - input: The input record (not used: the CSV carries data only).
    ///   - provenance: The provenance.
    /// - Returns: The table.
    public func csvTable(_ result: CurvesResult, input: ReportInput, provenance: Provenance) -> ReportTable {
        table(result, provenance: provenance, fullPrecision: true)
    }

    /// The step functions as one table, one row per time per group (with the band's limits when there
    /// is one).
    /// - Parameters:
    ///   - curves: The curves.
    ///   - provenance: The provenance (its version goes into the CSV rows).
    ///   - fullPrecision: Add the CI transform, level and version columns (CSV).
    /// - Returns: The table.
    public func table(_ curves: CurvesResult, provenance: Provenance, fullPrecision: Bool) -> ReportTable {
        let result = curves.summary
        var columns = Self.countColumns(result) + Self.fourDecimals(["estimate", "std_error", "lower", "upper"])
        if !curves.bands.isEmpty {
            columns += Self.fourDecimals(["band_lower", "band_upper"])
        }
        if fullPrecision {
            columns += Self.settingColumns
        }
        var rows: [[ReportCell]] = []
        for (groupIndex, group) in result.groups.enumerated() {
            let fit = group.fit
            let band = curves.band(groupIndex)
            let labels = SummaryRenderer.groupCells(group, result)
            for index in fit.times.indices {
                var row = labels + Self.countCells(fit, index) + [
                    .number(Self.value(fit.survival, index)), .number(Self.value(fit.standardError, index)),
                    .number(index < fit.lower.count ? fit.lower[index] : nil),
                    .number(index < fit.upper.count ? fit.upper[index] : nil),
                ]
                if let band {
                    row += [.number(index < band.lower.count ? band.lower[index] : nil), .number(index < band.upper.count ? band.upper[index] : nil)]
                }
                if fullPrecision {
                    row += Self.settingCells(result, provenance: provenance)
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
    public func jsonMembers(_ curves: CurvesResult) -> [(key: String, value: JSONValue)] {
        let result = curves.summary
        return [
            ("by", .array(result.byColumns.map(JSONValue.string))),
            ("confidence_transform", .string(result.confidenceTransform.rawValue)),
            ("confidence_level", .number(result.confidenceLevel)),
            ("curves", .array(result.groups.indices.map { Self.curveJSON(result.groups[$0], band: curves.band($0)) })),
        ]
    }

    /// One group's step function as JSON, each column an array.
    static func curveJSON(_ group: SurvivalSummaryGroup, band: SimultaneousBandFit?) -> JSONValue {
        let fit = group.fit
        var members = countMembers(group, fit) + [
            ("estimate", .array(fit.survival.map(JSONValue.number))),
            ("std_error", .array(fit.standardError.map(JSONValue.number))),
            ("lower", .array(fit.lower.map(JSONValue.optional))),
            ("upper", .array(fit.upper.map(JSONValue.optional))),
        ]
        if let band {
            members += [
                ("band", .object([
                    ("method", .string(band.method.rawValue)), ("from", .number(band.timeRange.lowerBound)),
                    ("to", .number(band.timeRange.upperBound)), ("a_lower", .number(band.lowerA)),
                    ("a_upper", .number(band.upperA)), ("critical_value", .number(band.criticalValue)),
                ])),
                ("band_lower", .array(band.lower.map(JSONValue.optional))),
                ("band_upper", .array(band.upper.map(JSONValue.optional))),
            ]
        }
        return .object(members)
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

    /// The group columns and the risk-set columns every step-function table starts with: `time`,
    /// `n_risk`, `n_event`, `n_censor`.
    static func countColumns(_ summary: SurvivalSummaryResult) -> [ReportColumn] {
        SummaryRenderer.groupColumns(summary) + [
            ReportColumn("time", style: .general(significant: 6)), ReportColumn("n_risk", style: .count),
            ReportColumn("n_event", style: .count), ReportColumn("n_censor", style: .count),
        ]
    }

    /// Row `index` of a group's risk-set table: the time, the number at risk, events and censorings.
    static func countCells(_ fit: KaplanMeierFit, _ index: Int) -> [ReportCell] {
        [
            .number(fit.times[index]), .integer(value(fit.atRisk, index)),
            .integer(value(fit.eventCounts, index)), .integer(value(fit.censorCounts, index)),
        ]
    }

    /// Columns of estimates shown with 4 decimals.
    static func fourDecimals(_ names: [String]) -> [ReportColumn] { names.map { ReportColumn($0, style: .fixed(decimals: 4)) } }

    /// The columns a full-precision (CSV) step-function table ends with.
    static let settingColumns = ["confidence_transform", "confidence_level", "relief_version"].map { ReportColumn($0, style: .label) }

    /// The cells of ``settingColumns``: the CI transform and level, and the version.
    static func settingCells(_ summary: SurvivalSummaryResult, provenance: Provenance) -> [ReportCell] {
        [.text(summary.confidenceTransform.rawValue), .number(summary.confidenceLevel), .text(provenance.version)]
    }

    /// The element at `index`, or 0 past the end.
    static func value<T>(_ array: [T], _ index: Int) -> T where T: Numeric {
        index < array.count ? array[index] : 0
    }
}
