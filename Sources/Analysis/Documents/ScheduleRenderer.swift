import Reporting

/// Renders a ``ScheduleReport`` (what `relief schedule` computes) as a terminal table, Markdown, CSV or
/// JSON: the relief coverage (expected fraction of days in relief, `RMST(I)/I`) for every dose x
/// interval, with its confidence interval, the longest interval per dose meeting the target, and the
/// assumptions behind the numbers. It never computes a statistic.
public struct ScheduleRenderer: ResultRenderer {
    /// The format and limits.
    public var options: RenderOptions

    /// Creates a renderer; see ``ResultRenderer/init(format:labelWidth:maxListedExclusions:)``.
    /// - Parameter options: The format and limits.
    public init(options: RenderOptions) {
        self.options = options
    }

    /// The warnings the result carries: the model's, then the schedule's.
    public func warnings(of result: ScheduleReport) -> [String] { result.modelWarnings + result.schedule.warnings }

    /// The report document: the coverage matrix (dose rows, interval columns), the longest intervals,
    /// the per-cell details and the assumptions.
    /// - Parameters:
    ///   - result: The schedule.
    ///   - input: The input record.
    ///   - provenance: The provenance.
    ///   - warnings: The warnings.
    /// - Returns: The document.
    /// - Complexity: O(doses x intervals + exclusions).
    public func document(
        _ result: ScheduleReport, input: ReportInput, provenance: Provenance, warnings: [String]
    ) -> ReportDocument {
        let schedule = result.schedule
        let ci = Provenance.percent(schedule.confidenceLevel) + " CI"
        var model = result.modelLines
        let words = input.wording
        if let patient = result.patient { model.append(("patient", PredictionRenderer.describe(patient, words: words))) }
        model.append(("target", Self.percent(schedule.target) + " of \(words.units) in \(words.outcome)"))
        if !schedule.fixedCovariates.isEmpty {
            model.append(("held at", schedule.fixedCovariates.map { "\($0.column)=\($0.value)" }.joined(separator: ", ")))
        }
        var document = ReportDocument(
            title: "\(words.outcomeTitle) coverage by dose and infusion interval (\(result.model) model)",
            header: provenance.modelHeaderLines(input: input, model: model))
        if let section = ReportDocument.Section.warnings(warnings) { document.sections.append(section) }
        var section = ReportDocument.Section(heading: "Coverage: expected fraction of \(words.units) in \(words.outcome), RMST(I)/I")
        section.append(
            ReportTable(
                title: "Coverage (\(ci)) by dose (rows) and interval I in \(words.units) (columns)",
                columns: [ReportColumn("dose", style: .label)]
                    + schedule.intervals.map { ReportColumn("I=" + Self.show($0), style: .label) },
                rows: schedule.doses.map { dose in
                    [.text(Self.show(dose))] + schedule.intervals.map { interval in
                        guard let cell = schedule.cell(dose: dose, interval: interval) else { return .empty }
                        let mark = cell.meetsTarget ? "*" : ""
                        return .text("\(Self.fraction(cell.coverage))\(mark) (\(Self.fraction(cell.lower))-\(Self.fraction(cell.upper)))")
                    }
                },
                notes: ["* coverage at or above the target \(Self.percent(schedule.target))."]))
        section.append(
            ReportTable(
                title: "Longest interval keeping coverage >= \(Self.percent(schedule.target))",
                columns: [
                    ReportColumn("dose", style: .label),
                    ReportColumn("grid", style: .general(significant: 6), missingLabel: "none"),
                    ReportColumn("solved", style: .fixed(decimals: 1), missingLabel: "-"),
                    ReportColumn("conservative", style: .general(significant: 6), missingLabel: "none"), ReportColumn("note", style: .prose),
                ],
                rows: schedule.longestIntervals.map { row in
                    [
                        .text(Self.show(row.dose)), .number(row.interval), .number(row.solvedInterval),
                        .number(row.conservativeInterval), .text(row.note),
                    ]
                },
                notes: [
                    "grid: the longest interval given whose coverage meets the target; solved: where the fitted "
                        + "coverage crosses the target between grid intervals; conservative: the longest grid interval "
                        + "whose lower confidence limit meets it."
                ]))
        section.append(
            ReportTable(
                title: "Every cell (\(ci), delta method)",
                columns: [
                    ReportColumn("dose", style: .label), ReportColumn("interval", style: .general(significant: 6)),
                    ReportColumn("rmst", style: .fixed(decimals: 2)), ReportColumn("rmst_se", style: .fixed(decimals: 2)),
                    ReportColumn("coverage", style: .fixed(decimals: 3)), ReportColumn("lower", style: .fixed(decimals: 3)),
                    ReportColumn("upper", style: .fixed(decimals: 3)),
                ],
                rows: schedule.cells.map { cell in
                    [
                        .text(Self.show(cell.dose)), .number(cell.interval), .number(cell.restrictedMean),
                        .number(cell.restrictedMeanStandardError), .number(cell.coverage), .number(cell.lower),
                        .number(cell.upper),
                    ]
                },
                notes: ["rmst: expected \(words.units) in \(words.outcome) per interval, E[min(T, I)]."]))
        document.sections.append(section)
        document.sections.append(
            ReportDocument.Section(
                heading: "Assumptions",
                tables: [
                    ReportTable(
                        title: "", columns: [ReportColumn("assumption", style: .prose)],
                        rows: schedule.assumptions.map { [.text($0)] })
                ]))
        close(&document, input: input, warnings: warnings)
        return document
    }

    static func show(_ value: Double) -> String {
        ReportText.display(value, style: .general(significant: 6), missing: "NA")
    }

    static func fraction(_ value: Double) -> String {
        ReportText.display(value, style: .fixed(decimals: 2), missing: "NA")
    }

    static func percent(_ value: Double) -> String {
        ReportText.display(value * 100, style: .general(significant: 6), missing: "NA") + "%"
    }
}
