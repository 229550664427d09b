import Reporting
import Survival

/// Renders a ``CompareResult`` (`relief compare`): each group's own numbers, then per group against
/// the reference the RMST difference and ratio, the survival differences, the median difference and
/// the hazard ratio, each with SE, CI and p, as a terminal table, Markdown, CSV or JSON. It only lays
/// out numbers the result holds.
public struct CompareRenderer: ResultRenderer {
    /// The format and limits.
    public var options: RenderOptions

    /// Creates a renderer; see ``ResultRenderer/init(format:labelWidth:maxListedExclusions:)``.
    /// - Parameter options: The format and limits.
    public init(options: RenderOptions) {
        self.options = options
    }

    /// None beyond the request's.
    public func warnings(of result: CompareResult) -> [String] { [] }

    /// The groups' Kaplan–Meier curves (the clinical report's figure: pointwise bands, censoring marks,
    /// numbers at risk), the reference first; τ of the restricted means is named in the caption.
    public func figure(_ result: CompareResult, input: ReportInput) -> ReportFigure? {
        let comparison = result.comparison
        let ordered = comparison.groups.filter { $0.level == comparison.reference }
            + comparison.groups.filter { $0.level != comparison.reference }
        let level = Provenance.percent(comparison.confidenceLevel)
        let tau = ReportText.display(comparison.tau, style: .general(significant: 6), missing: "NA")
        var curves = ordered.map { KaplanMeierPlot.Curve(label: $0.level, fit: $0.fit) }
        let words = input.wording
        var caption = "Kaplan–Meier estimate of the proportion of episodes still in \(words.outcome) by \(result.column), with "
            + "\(level) pointwise confidence bands; + marks are censored episodes; the table under the axis gives the "
            + "numbers still at risk. Restricted means are to tau = \(tau)."
        if let adjusted = result.adjusted {
            curves = curves.map { Self.adjustedCurve(of: $0, adjusted) }
            caption = "Adjusted (standardised) proportion of episodes still in \(words.outcome) by \(result.column): the \(adjusted.model) "
                + "model of \(adjusted.formula) averaged over all \(adjusted.rows) rows with each group's level, with \(level) "
                + "pointwise delta-method bands, to tau = \(tau); the table under the axis gives the (unadjusted) numbers "
                + "still at risk." + Self.adjustedStrataNotes(adjusted).map { " " + $0 }.joined()
        }
        var plot = KaplanMeierPlot(
            title: (result.adjusted == nil ? words.outcomeTitle : "Adjusted \(words.outcome)")
                + " by \(result.column) (reference \(comparison.reference))"
                + (result.strataColumn.map { "; difference within \($0) strata" } ?? ""),
            wording: words, curves: curves)
        plot.differences = Self.differencePanel(result)
        if let strata = result.strataColumn, comparison.isStratified {
            caption += " The curves are each group's unstratified Kaplan–Meier estimate; the lower panel shows each group's "
                + "difference from the reference stratified by \(strata): the stratum-size-weighted (n_s / n) average of the "
                + "within-stratum differences, with \(level) pointwise bands; the dashed line is no difference."
        } else {
            caption += " The lower panel shows each group's " + (result.adjusted == nil ? "" : "adjusted ")
                + "proportion minus the reference's, with \(level) pointwise " + (result.adjusted == nil ? "(Greenwood) " : "delta-method ")
                + "bands; the dashed line is no difference."
        }
        return ReportFigure(svg: plot.svg(), caption: caption, name: "compare")
    }

    /// The figure's lower panel: each other group's survival difference from the reference (the
    /// comparison's Kaplan–Meier differences, or the adjusted ones), coloured as the group above.
    static func differencePanel(_ result: CompareResult) -> KaplanMeierPlot.DifferencePanel {
        let comparison = result.comparison
        let curves: [KaplanMeierPlot.Curve]
        if let adjusted = result.adjusted {
            curves = adjusted.curveContrasts.map { group in
                differenceCurve(label: group.level, times: adjusted.curveTimes, group.survival, steps: adjusted.curvesAreSteps,
                                level: comparison.confidenceLevel)
            }
        } else {
            curves = comparison.contrasts.map { contrast in
                differenceCurve(label: contrast.level, times: contrast.differenceCurve.map(\.time),
                                contrast.differenceCurve.map(\.difference), steps: true, level: comparison.confidenceLevel)
            }
        }
        return KaplanMeierPlot.DifferencePanel(yLabel: "Difference from " + comparison.reference, curves: curves)
    }

    /// One difference curve as the plot draws it: from (0, 0), steps or a smooth line.
    static func differenceCurve(label: String, times: [Double], _ differences: [Contrast], steps: Bool, level: Double)
        -> KaplanMeierPlot.Curve
    {
        var curve = KaplanMeierPlot.Curve(
            label: label, times: [0] + times, survival: [0] + differences.map(\.estimate), lower: [0] + differences.map { Optional($0.lower) },
            upper: [0] + differences.map { Optional($0.upper) }, censorTimes: [], censorSurvival: [], riskSetTimes: [], riskSetSizes: [],
            confidenceLevel: level)
        curve.initialValue = 0
        curve.isContinuous = !steps
        return curve
    }

    /// A group's Kaplan–Meier curve with its estimates replaced by the adjusted curve (from (0, 1), drawn
    /// as a smooth line, or as steps for a Cox model), keeping the group's risk sets for the at-risk table and dropping the censoring marks.
    static func adjustedCurve(of curve: KaplanMeierPlot.Curve, _ adjusted: AdjustedComparison) -> KaplanMeierPlot.Curve {
        guard let group = adjusted.curves.first(where: { $0.level == curve.label }) else { return curve }
        var drawn = curve
        drawn.times = [0] + adjusted.curveTimes
        drawn.survival = [1] + group.survival.map(\.estimate)
        drawn.lower = [1] + group.survival.map { Optional($0.lower) }
        drawn.upper = [1] + group.survival.map { Optional($0.upper) }
        drawn.censorTimes = []
        drawn.censorSurvival = []
        drawn.isContinuous = !adjusted.curvesAreSteps
        return drawn
    }

    /// One row of the differences: the measure, the time it is at, and the contrast.
    struct Row {
        let group: String
        let measure: String
        let time: Double?
        let estimate: Double
        let standardError: Double
        let lower: Double
        let upper: Double
        let pValue: Double
    }

    /// Every contrast as rows, in group order: RMST difference, RMST ratio, survival differences,
    /// median difference, hazard ratio.
    static func rows(_ result: CompareResult) -> [Row] {
        let comparison = result.comparison
        var rows: [Row] = []
        for (index, contrast) in comparison.contrasts.enumerated() {
            func add(_ measure: String, _ time: Double?, _ c: Contrast) {
                rows.append(Row(group: contrast.level, measure: measure, time: time, estimate: c.estimate, standardError: c.standardError,
                                lower: c.lower, upper: c.upper, pValue: c.pValue))
            }
            add("rmst_difference", comparison.tau, contrast.restrictedMeanDifference)
            add("rmst_ratio", comparison.tau, contrast.restrictedMeanRatio)
            for at in contrast.survivalDifferences { add("survival_difference", at.time, at.difference) }
            if let m = contrast.medianDifference { add("median_difference", nil, m.contrast) }
            if result.hazardRatios.indices.contains(index) { add("hazard_ratio", nil, result.hazardRatios[index]) }
        }
        return rows
    }

    /// The adjusted estimates (`kind` = `adjusted`) and differences (`adjusted_difference`) as rows:
    /// measures `survival` at each time and `rmst` at τ.
    static func adjustedRows(_ result: CompareResult) -> [(kind: String, row: Row)] {
        guard let adjusted = result.adjusted else { return [] }
        var rows: [(kind: String, row: Row)] = []
        for (kind, groups) in [("adjusted", adjusted.groups), ("adjusted_difference", adjusted.contrasts)] {
            for group in groups {
                func add(_ measure: String, _ time: Double, _ c: Contrast) {
                    rows.append((kind, Row(group: group.level, measure: measure, time: time, estimate: c.estimate,
                                           standardError: c.standardError, lower: c.lower, upper: c.upper,
                                           pValue: kind == "adjusted" ? .nan : c.pValue)))
                }
                for (time, c) in zip(adjusted.times, group.survival) { add(kind == "adjusted" ? "survival" : "survival_difference", time, c) }
                add(kind == "adjusted" ? "rmst" : "rmst_difference", result.comparison.tau, group.restrictedMean)
            }
        }
        return rows
    }

    public func document(_ result: CompareResult, input: ReportInput, provenance: Provenance, warnings: [String]) -> ReportDocument {
        let comparison = result.comparison
        let ci = Provenance.percent(comparison.confidenceLevel) + " CI"
        let tau = ReportText.display(comparison.tau, style: .general(significant: 6), missing: "NA")
        let words = input.wording
        var document = ReportDocument(
            title: "\(words.outcomeTitle) by \(result.column): each group against \(result.column) = \(comparison.reference)",
            header: provenance.modelHeaderLines(input: input, model: [
                ("reference", "\(result.column) = \(comparison.reference)"),
                ("tau", "\(words.time(tau)) (\(comparison.tauRule == .specified ? "given with --tau" : comparison.isStratified ? "the shortest group x stratum follow-up: the largest time every group still has someone at risk in every stratum" : "the shortest group follow-up: the largest time every group still has someone at risk"))"),
                ("bootstrap", comparison.bootstrapReplicates > 0
                    ? "\(comparison.bootstrapReplicates) replicates, seed \(comparison.seed) (median difference)"
                    : comparison.isStratified ? "none (no median difference with --strata)" : "none"),
            ] + Self.strataHeader(result)))
        if let section = ReportDocument.Section.warnings(warnings) { document.sections.append(section) }
        let number = ReportColumn.Style.general(significant: 5)
        document.sections.append(ReportDocument.Section(heading: "Groups", tables: [
            ReportTable(
                title: "Kaplan–Meier (\(ci))",
                columns: [
                    ReportColumn(result.column, style: .label), ReportColumn("n", style: .count), ReportColumn("events", style: .count),
                    ReportColumn("median", style: number, missingLabel: "NR"), ReportColumn("rmst", style: number),
                    ReportColumn("rmst_se", style: number),
                ],
                rows: comparison.groups.map { g in
                    [.text(g.level), .integer(g.n), .integer(g.events), g.median.estimate.map(ReportCell.number) ?? .empty,
                     .number(g.restrictedMean.estimate), .number(g.restrictedMean.standardError)]
                },
                notes: ["rmst: restricted mean \(words.outcome) to \(words.time(tau)) (R's print.survfit with rmean = \(tau)); NR: not reached."]
                    + (comparison.isStratified ? ["These are each group's unstratified curves; the differences below are stratified."] : [])),
        ] + [Self.strataTable(result, tau: tau, words: words)].compactMap { $0 }))
        let rows = Self.rows(result)
        document.sections.append(ReportDocument.Section(heading: "Differences against \(comparison.reference)", tables: [
            ReportTable(
                title: "",
                columns: [
                    ReportColumn(result.column, style: .label), ReportColumn("measure", style: .label),
                    ReportColumn("time", style: .general(significant: 6)), ReportColumn("estimate", style: number),
                    ReportColumn("std_error", style: number), ReportColumn("lower", style: number), ReportColumn("upper", style: number),
                    ReportColumn("p_value", style: .pValue),
                ],
                rows: rows.map { r in
                    [.text(r.group), .text(r.measure), r.time.map(ReportCell.number) ?? .empty, .number(r.estimate),
                     .number(r.standardError), .number(r.lower), .number(r.upper), .number(r.pValue)]
                },
                notes: Self.stratifiedNotes(result, [
                    "rmst_difference: \(words.units) of \(words.outcome) gained to tau (group minus reference); rmst_ratio: their ratio (SE of the log ratio).",
                    "survival_difference: difference in the chance of still being in \(words.outcome) at the time (Greenwood SEs).",
                    "median_difference: percentile bootstrap interval (rows resampled within groups); its p uses the bootstrap SE.",
                    "hazard_ratio: Cox model on the group alone (R's coxph(Surv ~ group), Efron ties); below 1, \(words.outcome) lasts longer.",
                    "Intervals are \(ci); the SEs of ratios are on the log scale.",
                ])),
        ]))
        if let adjusted = result.adjusted {
            let columns = [
                ReportColumn(result.column, style: .label), ReportColumn("measure", style: .label),
                ReportColumn("time", style: .general(significant: 6)), ReportColumn("estimate", style: number),
                ReportColumn("std_error", style: number), ReportColumn("lower", style: number), ReportColumn("upper", style: number),
            ]
            let all = Self.adjustedRows(result)
            func table(_ kind: String, _ title: String, p: Bool) -> ReportTable {
                ReportTable(
                    title: title, columns: columns + (p ? [ReportColumn("p_value", style: .pValue)] : []),
                    rows: all.filter { $0.kind == kind }.map(\.row).map { r in
                        [.text(r.group), .text(r.measure), .number(r.time ?? .nan), .number(r.estimate), .number(r.standardError),
                         .number(r.lower), .number(r.upper)] + (p ? [.number(r.pValue)] : [])
                    })
            }
            var differences = table("adjusted_difference", "Adjusted differences against \(comparison.reference) (\(ci), delta method)", p: true)
            differences.notes = [
                "Standardised (g-computation): each group's curve is the average over all \(adjusted.rows) rows of the \(adjusted.model) "
                    + "model's predictions with every row's \(result.column) set to that group; never the \"average patient\" curve.",
                "Model: \(adjusted.model), formula \(adjusted.formula). SEs by the delta method (the curves share the model's parameters).",
            ] + Self.adjustedStrataNotes(adjusted)
            document.sections.append(ReportDocument.Section(heading: "Adjusted for \(adjusted.adjust)", tables: [
                table("adjusted", "Adjusted curves (\(ci), delta method)", p: false), differences,
            ]))
        }
        close(&document, input: input, warnings: warnings)
        return document
    }

    /// Columns: `section, group, measure, time, estimate, std_error, lower, upper, p_value, n, events,
    /// confidence_level, relief_version`. Sections: `input`, `group` (measures `median`, `rmst` with
    /// `std_error`, `time` = tau; `n` and `events`), `contrast` (the rows of the differences table),
    /// `adjusted` and `adjusted_difference` (with `--adjust`: survival at each time and `rmst`). With
    /// `--strata`, columns `stratum` and `method` follow and section `stratum` gives each group's `weight`
    /// and `rmst` within each stratum (``strataCSVRows(_:trailer:)``).
    public func csvTable(_ result: CompareResult, input: ReportInput, provenance: Provenance) -> ReportTable {
        let comparison = result.comparison
        let columns = ["section", "group", "measure"].map { ReportColumn($0, style: .label) }
            + ["time", "estimate", "std_error", "lower", "upper", "p_value", "n", "events"].map {
                ReportColumn($0, style: .general(significant: 17))
            }
            + ["confidence_level", "relief_version"].map { ReportColumn($0, style: .label) } + Self.strataCSVColumns(result)
        let trailer: [ReportCell] = [.number(comparison.confidenceLevel), .text(provenance.version)]
        func cell(_ value: Double?) -> ReportCell { value.map(ReportCell.number) ?? .empty }
        var rows: [[ReportCell]] = [
            ["input", "", "rows_read"], ["input", "", "rows_used"], ["input", "", "rows_excluded"],
        ].enumerated().map { index, label in
            label.map(ReportCell.text) + [.empty, .integer([input.rowsRead, input.rowsUsed, input.rowsExcluded][index])]
                + Array(repeating: ReportCell.empty, count: 6) + trailer + Self.strataCSVCells(result, section: "input", measure: "")
        }
        for g in comparison.groups {
            rows.append([.text("group"), .text(g.level), .text("median"), .empty, cell(g.median.estimate), .empty,
                         cell(g.median.lower), cell(g.median.upper), .empty, .integer(g.n), .integer(g.events)] + trailer
                         + Self.strataCSVCells(result, section: "group", measure: "median"))
            rows.append([.text("group"), .text(g.level), .text("rmst"), .number(comparison.tau), .number(g.restrictedMean.estimate),
                         .number(g.restrictedMean.standardError), .empty, .empty, .empty, .integer(g.n), .integer(g.events)] + trailer
                         + Self.strataCSVCells(result, section: "group", measure: "rmst"))
        }
        rows += Self.strataCSVRows(result, trailer: trailer)
        for r in Self.rows(result) {
            rows.append([.text("contrast"), .text(r.group), .text(r.measure), cell(r.time), .number(r.estimate), .number(r.standardError),
                         .number(r.lower), .number(r.upper), .number(r.pValue), .empty, .empty] + trailer
                         + Self.strataCSVCells(result, section: "contrast", measure: r.measure))
        }
        for (kind, r) in Self.adjustedRows(result) {
            rows.append([.text(kind), .text(r.group), .text(r.measure), cell(r.time), .number(r.estimate), .number(r.standardError),
                         .number(r.lower), .number(r.upper), r.pValue.isNaN ? .empty : .number(r.pValue), .empty, .empty] + trailer)
        }
        return ReportTable(title: "", columns: columns, rows: rows)
    }

    /// `{"column", "reference", "tau", "tau_rule", "confidence_level", "bootstrap": {"replicates", "seed"},
    /// "groups": [{"level", "n", "events", "median": {"estimate", "lower", "upper"}, "rmst", "rmst_se"}],
    /// "contrasts": [{"group", "measure", "time", "estimate", "std_error", "lower", "upper", "p_value"}],
    /// "adjusted": {"model", "adjust", "formula", "rows", "curves": [rows as contrasts, p_value null],
    /// "differences": [rows as contrasts]} | null}`, and with `--strata` a member `strata`
    /// (``strataJSON(_:)``).
    public func jsonMembers(_ result: CompareResult) -> [(key: String, value: JSONValue)] {
        let comparison = result.comparison
        return [
            ("column", .string(result.column)), ("reference", .string(comparison.reference)), ("tau", .optional(comparison.tau)),
            ("tau_rule", .string(comparison.tauRule.rawValue)), ("confidence_level", .optional(comparison.confidenceLevel)),
            ("bootstrap", .object([("replicates", .integer(comparison.bootstrapReplicates)), ("seed", .string(String(comparison.seed)))])),
            ("groups", .array(comparison.groups.map { g in
                .object([
                    ("level", .string(g.level)), ("n", .integer(g.n)), ("events", .integer(g.events)),
                    ("median", .object([("estimate", .optional(g.median.estimate)), ("lower", .optional(g.median.lower)),
                                        ("upper", .optional(g.median.upper))])),
                    ("rmst", .optional(g.restrictedMean.estimate)), ("rmst_se", .optional(g.restrictedMean.standardError)),
                ])
            })),
            ("contrasts", .array(Self.rows(result).map { r in
                .object([
                    ("group", .string(r.group)), ("measure", .string(r.measure)), ("time", .optional(r.time)),
                    ("estimate", .optional(r.estimate)), ("std_error", .optional(r.standardError)), ("lower", .optional(r.lower)),
                    ("upper", .optional(r.upper)), ("p_value", .optional(r.pValue)),
                ])
            })),
            ("adjusted", result.adjusted.map { adjusted in
                let rows = Self.adjustedRows(result)
                func list(_ kind: String) -> JSONValue {
                    .array(rows.filter { $0.kind == kind }.map(\.row).map { r in
                        .object([
                            ("group", .string(r.group)), ("measure", .string(r.measure)), ("time", .optional(r.time)),
                            ("estimate", .optional(r.estimate)), ("std_error", .optional(r.standardError)), ("lower", .optional(r.lower)),
                            ("upper", .optional(r.upper)), ("p_value", .optional(r.pValue.isNaN ? nil : r.pValue)),
                        ])
                    })
                }
                return .object([
                    ("model", .string(adjusted.model)), ("adjust", .string(adjusted.adjust)), ("formula", .string(adjusted.formula)),
                    ("rows", .integer(adjusted.rows)), ("curves", list("adjusted")), ("differences", list("adjusted_difference")),
                ])
            } ?? .null),
        ] + Self.strataJSON(result)
    }
}
