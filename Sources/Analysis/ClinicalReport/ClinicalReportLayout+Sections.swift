import Reporting
import Survival

extension ClinicalReportLayout {
    /// The baseline section.
    package static func baseline(_ report: ClinicalReport) -> [ReportBlock] {
        switch report.baseline {
        case .available(let table): return [.table(BaselineTableLayout(table, words: report.input.wording).reportTable)]
        case .unavailable(let reason): return [.unavailable("The baseline table is not available: \(sentence(reason))")]
        }
    }

    /// One Kaplan–Meier comparison: the plot, then the LIFETEST-style tables.
    package static func comparison(_ comparison: ClinicalReport.Comparison, index: Int, words: OutcomeWording) -> [ReportBlock] {
        let summary = comparison.summary
        var blocks: [ReportBlock] = []
        if let banding = comparison.banding { blocks.append(.paragraph("Groups: \(banding).")) }
        let plot = KaplanMeierPlot(title: "\(words.outcomeTitle) by \(comparison.column)", summary: summary, wording: words)
        blocks.append(
            .figure(
                svg: plot.svg(), caption: KaplanMeierPlot.caption(summary, by: comparison.column, wording: words),
                name: "km-\(index + 1)"))
        blocks += LifetestTables(summary: summary, groupHeading: comparison.column, words: words).tables.map(ReportBlock.table)
        return blocks
    }

    /// The regression: forest plot and the coefficient tables.
    package static func regression(_ report: ClinicalReport) -> [ReportBlock] {
        guard let result = report.regression.value else {
            return [.unavailable("The adjusted regression is not available: \(sentence(report.regression.reason))")]
        }
        let outcome = report.input.wording.outcome
        var blocks: [ReportBlock] = [
            .paragraph(
                result.isCox
                    ? "Cox model of the hazard of \(outcome) ending. A hazard ratio below 1 means \(outcome) lasts longer."
                    : "\(result.fittedModel.capitalized) accelerated failure time model. A time ratio above 1 means \(outcome) lasts "
                        + "longer: every quantile of the \(outcome) duration is multiplied by it.")
        ]
        blocks.append(ForestPlot.figure(result).block)
        blocks += tables(RegressionRenderer(format: .markdown), result, report)
        return blocks
    }

    /// The dose-response curve and its tables.
    package static func doseResponse(_ report: ClinicalReport) -> [ReportBlock] {
        guard let dose = report.doseResponse.value else {
            return [.unavailable("The dose-response curve is not available: \(sentence(report.doseResponse.reason))")]
        }
        var blocks: [ReportBlock] = []
        if let best = dose.result.bestFit {
            var points: [DoseResponsePlot.Point] = []
            if let stage = dose.points {
                let intervals = stage.waldIntervals(level: dose.result.confidenceLevel)
                for (index, value) in stage.doses.enumerated()
                where stage.estimates.indices.contains(index) && intervals.indices.contains(index) {
                    points.append(
                        DoseResponsePlot.Point(
                            dose: value, estimate: stage.estimates[index], lower: intervals[index].lower,
                            upper: intervals[index].upper, label: nil))
                }
            }
            let plot = DoseResponsePlot(
                title: "\(report.input.wording.outcomeTitle) by \(dose.doseColumn)",
                points: points,
                curve: best.curve.map { DoseResponsePlot.CurvePoint(dose: $0.dose, estimate: $0.estimate, lower: $0.lower, upper: $0.upper) },
                curveLabel: "\(best.model.rawValue) fit, \(Provenance.percent(dose.result.confidenceLevel)) band",
                xLabel: dose.doseColumn, yLabel: dose.responseLabel)
            blocks.append(
                .figure(
                    svg: plot.svg(),
                    caption: "Stage-1 estimates per dose level (points, \(Provenance.percent(dose.result.confidenceLevel)) Wald intervals) and the "
                        + "\(best.model.rawValue) model, the smallest AIC among the fitted models, with its pointwise band.",
                    name: "dose-response"))
        }
        blocks += tables(DoseResponseRenderer(format: .markdown), dose, report)
        return blocks
    }

    /// The relief-coverage tables.
    package static func coverage(_ report: ClinicalReport) -> [ReportBlock] {
        guard let schedule = report.coverage.value else {
            return [.unavailable("The coverage table is not available: \(sentence(report.coverage.reason))")]
        }
        var blocks: [ReportBlock] = [
            .paragraph(
                "Coverage is the expected fraction of \(report.input.wording.units) in \(report.input.wording.outcome) when "
                    + "infusions repeat every I \(report.input.wording.units): RMST(I)/I from the "
                    + "\(schedule.model) model (formula \(schedule.formula)). Assumptions: "
                    + schedule.schedule.assumptions.joined(separator: "; ") + ".")
        ]
        blocks += tables(ScheduleRenderer(format: .markdown), schedule, report)
        return blocks
    }

    /// Every table of the document a command's renderer fills for `result`, as blocks (its header,
    /// sections' headings and closing notes left out; no warnings: the report lists them at a glance).
    package static func tables<Renderer: ResultRenderer>(
        _ renderer: Renderer, _ result: Renderer.Result, _ report: ClinicalReport
    ) -> [ReportBlock] {
        renderer.document(result, input: report.input, provenance: report.provenance, warnings: [])
            .sections.flatMap { section in
                // The first table takes its section's heading when untitled (the report shows no heading).
                section.tables.enumerated().map { index, table in
                    var table = table
                    if index == 0, table.title.isEmpty { table.title = section.heading }
                    return ReportBlock.table(table)
                }
            }
    }

    /// A reason as a sentence ending in one period.
    package static func sentence(_ reason: String?) -> String {
        var text = reason ?? "no reason given"
        while text.hasSuffix(".") { text.removeLast() }
        return text + "."
    }

    /// The per-patient listing (only with --include-ids).
    package static func listing(_ listing: PatientListing, words: OutcomeWording) -> [ReportBlock] {
        var columns = [ReportColumn(listing.idColumn, style: .label)]
        if let group = listing.groupColumn { columns.append(ReportColumn(group, style: .label)) }
        columns += [
            ReportColumn("Episodes", style: .count), ReportColumn(words.endedTitle, style: .count),
            ReportColumn("Longest \(words.outcome) (\(words.units))", style: .general(significant: 5)),
        ]
        let rows: [[ReportCell]] = listing.patients.map { patient in
            var row: [ReportCell] = [.text(patient.id)]
            if listing.groupColumn != nil { row.append(patient.group.map(ReportCell.text) ?? .empty) }
            return row + [.integer(patient.episodes), .integer(patient.events), .number(patient.longestRelief)]
        }
        return [.table(ReportTable(title: "Episodes per patient", columns: columns, rows: rows))]
    }
}
