import DoseResponse
import Reporting

/// Renders a ``DoseResponseReport`` (what `relief dose-response` computes) as a terminal table,
/// Markdown, CSV or JSON: the stage-1 points, each dose model's parameters with SEs and intervals, RSS,
/// log-likelihood, AIC and AIC weight, the effective doses, the target dose and the fitted curves. It
/// never computes a statistic.
public struct DoseResponseRenderer: ResultRenderer {
    /// The format and limits.
    public var options: RenderOptions

    /// Creates a renderer; see ``ResultRenderer/init(format:labelWidth:maxListedExclusions:)``.
    /// - Parameter options: The format and limits.
    public init(options: RenderOptions) {
        self.options = options
    }

    /// The warnings the result carries: dropped stage-1 levels, then the fits'.
    public func warnings(of result: DoseResponseReport) -> [String] {
        (result.points?.dropped ?? []) + result.result.warnings
    }

    /// The report document.
    /// - Parameters:
    ///   - result: The fits.
    ///   - input: The input record.
    ///   - provenance: The provenance.
    ///   - warnings: The warnings.
    /// - Returns: The document.
    /// - Complexity: O(models x (parameters + curve points) + exclusions).
    public func document(
        _ result: DoseResponseReport, input: ReportInput, provenance: Provenance, warnings: [String]
    ) -> ReportDocument {
        let fits = result.result
        let ci = Provenance.percent(fits.confidenceLevel) + " CI"
        var model: [(key: String, value: String)] = [
            ("dose", result.doseColumn + (result.doseStep.map { " (rounded to multiples of \(Self.show($0)))" } ?? "")),
            ("response", result.responseLabel),
            ("fit", fits.type == .general
                ? "generalised least squares with the stage-1 covariance (DoseFinding fitMod type = \"general\")"
                : "ordinary least squares (DoseFinding fitMod type = \"normal\")"),
        ]
        model.append(("observations", "\(fits.observationCount) at \(fits.doses.count) dose levels"))
        var document = ReportDocument(
            title: "Dose-response of \(input.wording.outcome) (two-stage, DoseFinding models)",
            header: provenance.modelHeaderLines(input: input, model: model))
        if let section = ReportDocument.Section.warnings(warnings) { document.sections.append(section) }
        let number = ReportColumn.Style.general(significant: 5)
        if let points = result.points {
            let ses = points.standardErrors
            document.sections.append(
                ReportDocument.Section(
                    heading: "Stage 1: \(result.responseLabel) per dose level",
                    tables: [
                        ReportTable(
                            title: "",
                            columns: [
                                ReportColumn("dose", style: .general(significant: 6)), ReportColumn("n", style: .count),
                                ReportColumn("events", style: .count), ReportColumn("estimate", style: number),
                                ReportColumn("std_error", style: number),
                            ],
                            rows: points.doses.indices.map { k in
                                [
                                    .number(points.doses[k]), points.counts.indices.contains(k) ? .integer(points.counts[k]) : .empty,
                                    points.events.indices.contains(k) ? .integer(points.events[k]) : .empty,
                                    .number(points.estimates[k]), .number(ses.indices.contains(k) ? ses[k] : nil),
                                ]
                            })
                    ]))
        }
        var section = ReportDocument.Section(heading: "Stage 2: dose models")
        section.append(
            ReportTable(
                title: "Model comparison",
                columns: [
                    ReportColumn("model", style: .label), ReportColumn(fits.type == .general ? "gRSS" : "RSS", style: number),
                    ReportColumn("loglik", style: .fixed(decimals: 3)), ReportColumn("AIC", style: .fixed(decimals: 3)),
                    ReportColumn("weight", style: .fixed(decimals: 3)), ReportColumn("at_bound", style: .label),
                ],
                rows: fits.fits.map { fit in
                    [
                        .text(fit.model.rawValue), .number(fit.residualSumOfSquares), .number(fit.logLikelihood),
                        .number(fit.aic), .number(fit.aicWeight),
                        .text(fit.atBound.joined(separator: ", ") + (fit.isIdentified ? "" : ": not identified")),
                    ]
                },
                notes: ["weight: Akaike weight exp(-dAIC/2), normalised over the models fitted."]))
        let notIdentified = fits.fits.filter { !$0.isIdentified }
        let notIdentifiedNotes = notIdentified.isEmpty ? [] : [
            "not identified: ED50 ran to a bound of DoseFinding's search range, so the dose levels do not identify "
                + "ED50 and that model's parameters, effective and target doses are not reported (see the warnings)."
        ]
        section.append(
            ReportTable(
                title: "Parameters (\(ci))",
                columns: Self.estimateColumns("parameter"),
                rows: fits.fits.flatMap { fit in
                    guard fit.isIdentified else { return [Self.notIdentifiedRow(fit)] }
                    return fit.parameters.map { p in
                        [
                            .text(fit.model.rawValue), .text(p.name + (p.atBound ? " (bound)" : "")), .number(p.estimate),
                            .number(p.standardError), .number(p.lower), .number(p.upper),
                        ]
                    }
                },
                notes: notIdentifiedNotes))
        let edRows: [[ReportCell]] = fits.fits.flatMap { fit -> [[ReportCell]] in
            guard fit.isIdentified else { return [Self.notIdentifiedRow(fit)] }
            return fit.effectiveDoses.map { ed in
                [
                    .text(fit.model.rawValue), .text("ED" + Self.show(ed.probability * 100)), .number(ed.estimate),
                    .number(ed.standardError), .number(ed.lower), .number(ed.upper),
                ]
            }
                + (fit.targetDose.map { td in
                    [[
                        .text(fit.model.rawValue), .text("TD(+\(Self.show(td.gain)))"), .number(td.estimate),
                        .number(td.standardError), .number(td.lower), .number(td.upper),
                    ]]
                } ?? [])
        }
        if !edRows.isEmpty {
            section.append(
                ReportTable(
                    title: "Effective and target doses (\(ci), delta method)",
                    columns: Self.estimateColumns("dose"),
                    rows: edRows,
                    notes: [
                        "EDp: the dose reaching p% of the maximum effect over the dose range; TD(+g): the smallest dose "
                            + "whose mean response exceeds that at dose 0 by g. NA: not reached."
                    ] + notIdentifiedNotes))
        }
        document.sections.append(section)
        close(&document, input: input, warnings: warnings)
        return document
    }

    /// The one row shown for a model whose ED50 is not identified: its name and "not identified".
    static func notIdentifiedRow(_ fit: DoseModelFit) -> [ReportCell] {
        [.text(fit.model.rawValue), .text("not identified"), .empty, .empty, .empty, .empty]
    }

    /// The columns of a table of estimates per model: model, the named label column, estimate,
    /// std_error, lower, upper (5 significant digits).
    static func estimateColumns(_ label: String) -> [ReportColumn] {
        let number = ReportColumn.Style.general(significant: 5)
        return [ReportColumn("model", style: .label), ReportColumn(label, style: .label)]
            + ["estimate", "std_error", "lower", "upper"].map { ReportColumn($0, style: number) }
    }

    static func show(_ value: Double) -> String {
        ReportText.display(value, style: .general(significant: 6), missing: "NA")
    }
}
