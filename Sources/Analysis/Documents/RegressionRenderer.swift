import Regression
import Reporting

/// Renders a ``RegressionResult`` (what `relief fit` computes) as a terminal table, Markdown, CSV or
/// JSON. It only lays out numbers already in the result; it never computes a statistic.
///
/// Text and Markdown follow R's `print.summary.coxph` and lifelines' `print_summary`: warnings first
/// (so they cannot be missed), the family comparison for `--dist all`, the coefficient table with
/// estimate, ratio (hazard ratio for Cox, time ratio for AFT), SE, robust SE, z, p and the CI of the
/// ratio; the scale and the Weibull proportional-hazards-metric hazard ratios for AFT models; the
/// log-likelihoods, information criteria and concordance; the likelihood-ratio, Wald and score tests;
/// the `cox.zph` table for Cox models; the exclusions. CSV is one tidy table (see
/// ``csvTable(_:input:provenance:)``); JSON has the shape documented in ``json(_:input:provenance:warnings:)``.
public struct RegressionRenderer: ResultRenderer {
    /// The format and limits.
    public var options: RenderOptions

    /// Creates a renderer; see ``ResultRenderer/init(format:labelWidth:maxListedExclusions:)``.
    /// - Parameter options: The format and limits.
    public init(options: RenderOptions) {
        self.options = options
    }

    /// 40: term names such as `dose_mg_kg:cotherapyphysical_therapy` are long.
    public static var defaultLabelWidth: Int { 40 }

    /// The warnings the result carries.
    public func warnings(of result: RegressionResult) -> [String] { result.warnings }

    // MARK: - Document

    /// The report document (used by the table, Markdown and HTML formats).
    /// - Parameters:
    ///   - result: The fitted model.
    ///   - input: The input record.
    ///   - provenance: The provenance.
    ///   - warnings: The warnings.
    /// - Returns: The document.
    /// - Complexity: O(terms + exclusions).
    public func document(
        _ result: RegressionResult, input: ReportInput, provenance: Provenance, warnings: [String]
    ) -> ReportDocument {
        var document = ReportDocument(
            title: Self.title(result),
            header: provenance.modelHeaderLines(input: input, model: Self.modelLines(result)))
        if let section = ReportDocument.Section.warnings(warnings) { document.sections.append(section) }
        switch result.estimates {
        case .cox(let fit, let zph):
            document.sections += coxSections(result, fit: fit, zph: zph)
        case .aft(let fit, let comparison):
            document.sections += aftSections(result, fit: fit, comparison: comparison)
        }
        close(&document, input: input, warnings: warnings)
        return document
    }

    /// The columns of a coefficient table: term, coef, the ratio, SE, robust SE (when there is one),
    /// z, p and the interval of the ratio.
    static func coefficientColumns(ratio: String, robust: Bool) -> [ReportColumn] {
        var columns = [
            ReportColumn("term", style: .label), ReportColumn("coef", style: number),
            ReportColumn(ratio, style: number), ReportColumn("std_error", style: number),
        ]
        if robust { columns.append(ReportColumn("robust_se", style: number)) }
        columns += [
            ReportColumn("z", style: .fixed(decimals: 3)), ReportColumn("p_value", style: .pValue),
            ReportColumn("lower", style: number), ReportColumn("upper", style: number),
        ]
        return columns
    }

    // MARK: - Cox

    func coxSections(_ result: RegressionResult, fit: CoxPHFit, zph: CoxZPHResult?) -> [ReportDocument.Section] {
        let robust = fit.robustVariance != nil
        let level = Provenance.percent(fit.confidenceLevel)
        let columns = Self.coefficientColumns(ratio: "hazard_ratio", robust: robust)
        let rows = fit.coefficientTable.map { row -> [ReportCell] in
            var cells: [ReportCell] = [
                .text(row.term), .number(row.estimate), .number(row.hazardRatio), .number(row.standardError),
            ]
            if robust { cells.append(.number(row.robustStandardError)) }
            return cells + [.number(row.z), .number(row.pValue), .number(row.lower), .number(row.upper)]
        }
        var notes = [
            "hazard_ratio = exp(coef): above 1, relief ends sooner (shorter relief); below 1, relief lasts longer.",
            "lower, upper: \(level) confidence interval of the hazard ratio."
                + (robust ? " z, p and the interval use the robust SE, as R's summary(coxph)." : ""),
        ]
        if let reference = Self.referenceNote(result) { notes.append(reference) }
        var sections = [
            ReportDocument.Section(
                heading: "Coefficients",
                tables: [ReportTable(title: "", columns: columns, rows: rows, notes: notes)])
        ]

        let fitRows: [[ReportCell]] = [
            [.text("log-likelihood (null model)"), .number(fit.nullLogLikelihood)],
            [.text("log-likelihood (model)"), .number(fit.logLikelihood)],
            [.text("AIC"), .number(result.aic)],
            [.text("BIC (n = events)"), .number(result.bic)],
            [.text("concordance"), .number(fit.concordance.concordance)],
            [.text("concordance std_error"), .number(fit.concordance.standardError)],
            [.text("Newton-Raphson iterations"), .integer(fit.iterations)],
            [.text("converged"), .text(fit.isConverged ? "yes" : "NO")],
        ]
        var tests: [[ReportCell]] = [
            Self.testRow("likelihood ratio", fit.likelihoodRatioTest.statistic, fit.likelihoodRatioTest.degreesOfFreedom, fit.likelihoodRatioTest.pValue),
            Self.testRow(robust ? "Wald (robust)" : "Wald", fit.waldTest.statistic, fit.waldTest.degreesOfFreedom, fit.waldTest.pValue),
            Self.testRow("score (log-rank)", fit.scoreTest.statistic, fit.scoreTest.degreesOfFreedom, fit.scoreTest.pValue),
        ]
        if let rscore = fit.robustScoreTest {
            tests.append(Self.testRow("robust score", rscore.statistic, rscore.degreesOfFreedom, rscore.pValue))
        }
        sections.append(
            Self.fitSection(measures: fitRows, tests: tests, note: "Each tests the model against one where every coefficient is 0."))
        if let zph {
            let rows = (zph.terms + [zph.global]).map { row -> [ReportCell] in
                [.text(row.term), .number(row.chiSquare), .integer(row.degreesOfFreedom), .number(row.pValue)]
            }
            sections.append(
                ReportDocument.Section(
                    heading: "Proportional hazards (cox.zph, \(zph.transform.rawValue) transform)",
                    tables: [
                        ReportTable(
                            title: "",
                            columns: [
                                ReportColumn("term", style: .label), ReportColumn("chi_squared", style: .fixed(decimals: 3)),
                                ReportColumn("df", style: .count), ReportColumn("p_value", style: .pValue),
                            ],
                            rows: rows,
                            notes: ["A small p suggests the term's effect changes over time (non-proportional hazards)."])
                    ]))
        }
        return sections
    }

    // MARK: - AFT

    func aftSections(_ result: RegressionResult, fit: AFTFit, comparison: [AFTFit]) -> [ReportDocument.Section] {
        var sections: [ReportDocument.Section] = []
        if !comparison.isEmpty {
            let rows = comparison.enumerated().map { index, candidate -> [ReportCell] in
                [
                    .integer(index + 1), .text(candidate.distribution.name), .integer(candidate.parameterCount),
                    .number(candidate.logLikelihood), .number(candidate.aic), .number(candidate.bic),
                    .number(candidate.scale), .text(candidate.isConverged ? "yes" : "NO"),
                ]
            }
            sections.append(
                ReportDocument.Section(
                    heading: "Distributions compared by AIC",
                    tables: [
                        ReportTable(
                            title: "",
                            columns: [
                                ReportColumn("rank", style: .count), ReportColumn("distribution", style: .label),
                                ReportColumn("parameters", style: .count),
                                ReportColumn("log_likelihood", style: .fixed(decimals: 3)),
                                ReportColumn("aic", style: .fixed(decimals: 3)), ReportColumn("bic", style: .fixed(decimals: 3)),
                                ReportColumn("scale", style: Self.number), ReportColumn("converged", style: .label),
                            ],
                            rows: rows,
                            notes: ["Smaller AIC is better. The results below are for the best: \(fit.distribution.name)."])
                    ]))
        }
        let robust = fit.robustVariance != nil
        let level = Provenance.percent(fit.confidenceLevel)
        let columns = Self.coefficientColumns(ratio: "time_ratio", robust: robust)
        let rows = fit.coefficientTable.map { row -> [ReportCell] in
            var cells: [ReportCell] = [
                .text(result.termName(row.column)), .number(row.estimate), .number(row.timeRatio),
                .number(row.standardError),
            ]
            if robust { cells.append(.number(row.robustStandardError)) }
            return cells + [.number(row.z), .number(row.pValue), .number(row.lower), .number(row.upper)]
        }
        var notes = [
            "A positive coefficient means LONGER relief: time_ratio = exp(coef) > 1 multiplies the relief duration "
                + "(every quantile); below 1, relief is shorter.",
            "lower, upper: \(level) confidence interval of the time ratio."
                + (robust ? " z, p and the interval use the robust SE, as R's summary(survreg)." : ""),
        ]
        if let reference = Self.referenceNote(result) { notes.append(reference) }
        var tables = [ReportTable(title: "", columns: columns, rows: rows, notes: notes)]
        if let scale = fit.scaleEstimate {
            var scaleColumns = [
                ReportColumn("parameter", style: .label), ReportColumn("estimate", style: Self.number),
                ReportColumn("std_error", style: Self.number),
            ]
            if robust { scaleColumns.append(ReportColumn("robust_se", style: Self.number)) }
            scaleColumns += [
                ReportColumn("z", style: .fixed(decimals: 3)), ReportColumn("p_value", style: .pValue),
                ReportColumn("lower", style: Self.number), ReportColumn("upper", style: Self.number),
            ]
            func row(_ name: String, _ estimate: Double, _ se: Double?, _ robustSE: Double?, _ z: Double?, _ p: Double?, _ lower: Double?, _ upper: Double?) -> [ReportCell] {
                var cells: [ReportCell] = [.text(name), .number(estimate), se.map { .number($0) } ?? .empty]
                if robust { cells.append(robustSE.map { .number($0) } ?? .empty) }
                return cells + [z.map { .number($0) } ?? .empty, p.map { .number($0) } ?? .empty, lower.map { .number($0) } ?? .empty, upper.map { .number($0) } ?? .empty]
            }
            var scaleRows = [
                row("Log(scale)", scale.logScale, scale.standardError, scale.robustStandardError, scale.z, scale.pValue, nil, nil),
                row("scale", scale.scale, nil, nil, nil, nil, scale.scaleLower, scale.scaleUpper),
            ]
            var scaleNotes = ["scale = sigma of log(T) (R's survreg scale); z and p test log(scale) = 0."]
            if fit.distribution.name == AFTDistribution.weibull.name || fit.distribution.name == AFTDistribution.loglogistic.name {
                scaleRows.append(row("shape = 1/scale", scale.shape, scale.shapeStandardError, nil, nil, nil, scale.shapeLower, scale.shapeUpper))
                if fit.distribution.name == AFTDistribution.weibull.name {
                    scaleNotes.append("Weibull shape above 1: the rate at which relief ends rises over time.")
                }
            }
            tables.append(ReportTable(title: "Scale", columns: scaleColumns, rows: scaleRows, notes: scaleNotes))
        } else {
            tables.append(
                ReportTable(
                    title: "Scale", columns: [ReportColumn("parameter", style: .label), ReportColumn("estimate", style: Self.number)],
                    rows: [[.text("scale"), .number(fit.scale)]], notes: ["Fixed at 1 for the exponential model."]))
        }
        if let hazardRatios = fit.hazardRatios {
            let hrRows = hazardRatios.map { hr -> [ReportCell] in
                [
                    .text(result.termName(hr.column)), .number(hr.hazardRatio), .number(hr.standardError),
                    .number(hr.pValue), .number(hr.lower), .number(hr.upper),
                ]
            }
            tables.append(
                ReportTable(
                    title: "Hazard ratios (proportional-hazards metric)",
                    columns: [
                        ReportColumn("term", style: .label), ReportColumn("hazard_ratio", style: Self.number),
                        ReportColumn("se_log_hr", style: Self.number), ReportColumn("p_value", style: .pValue),
                        ReportColumn("lower", style: Self.number), ReportColumn("upper", style: Self.number),
                    ],
                    rows: hrRows,
                    notes: [
                        "hazard_ratio = exp(-coef/scale), comparable with a Cox model: above 1, relief ends sooner. "
                            + "se_log_hr by the delta method; \(level) interval."
                    ]))
        }
        sections.append(ReportDocument.Section(heading: "Coefficients (\(fit.distribution.name))", tables: tables))

        let fitRows: [[ReportCell]] = [
            [.text("log-likelihood (intercept only)"), .number(fit.nullLogLikelihood)],
            [.text("log-likelihood (model)"), .number(fit.logLikelihood)],
            [.text("AIC"), .number(result.aic)],
            [.text("BIC"), .number(result.bic)],
            [.text("parameters"), .integer(fit.parameterCount)],
            [.text("Newton-Raphson iterations"), .integer(fit.iterations)],
            [.text("converged"), .text(fit.isConverged ? "yes" : "NO")],
        ]
        let lr = fit.likelihoodRatioTest
        sections.append(
            Self.fitSection(
                measures: fitRows, tests: [Self.testRow("likelihood ratio", lr.statistic, lr.degreesOfFreedom, lr.pValue)],
                note: "Against the intercept-only model, as R's print.survreg."))
        return sections
    }

    // MARK: - Helpers

    /// The style of estimates, ratios and standard errors: 5 significant digits.
    static let number = ReportColumn.Style.general(significant: 5)

    /// The "Model fit and tests" section: a measure/value table, then the tests with a note.
    static func fitSection(measures: [[ReportCell]], tests: [[ReportCell]], note: String) -> ReportDocument.Section {
        let testColumns = [
            ReportColumn("test", style: .label), ReportColumn("statistic", style: .fixed(decimals: 3)),
            ReportColumn("df", style: .count), ReportColumn("p_value", style: .pValue),
        ]
        return ReportDocument.Section(
            heading: "Model fit and tests",
            tables: [
                ReportTable(
                    title: "", columns: [ReportColumn("measure", style: .label), ReportColumn("value", style: .general(significant: 10))],
                    rows: measures),
                ReportTable(title: "", columns: testColumns, rows: tests, notes: [note]),
            ])
    }

    static func testRow(_ name: String, _ statistic: Double, _ df: Int, _ p: Double) -> [ReportCell] {
        [.text(name), .number(statistic), .integer(df), .number(p)]
    }

    static func title(_ result: RegressionResult) -> String {
        switch result.estimates {
        case .cox: return "Cox proportional hazards model"
        case .aft(let fit, let comparison):
            let name = fit.distribution.name
            let family = name.prefix(1).uppercased() + name.dropFirst()
            return comparison.isEmpty
                ? "\(family) accelerated failure time model"
                : "Accelerated failure time models compared; best by AIC: \(name)"
        }
    }

    static func modelLines(_ result: RegressionResult) -> [(key: String, value: String)] {
        var lines: [(key: String, value: String)] = []
        switch result.estimates {
        case .cox(let fit, _):
            lines.append(("model", "cox, \(fit.ties.rawValue) ties"))
        case .aft(let fit, let comparison):
            lines.append(("model", comparison.isEmpty ? fit.distribution.name : "\(fit.distribution.name) (best of \(comparison.count) by AIC)"))
        }
        lines.append(("formula", result.formula))
        lines.append(("n", "\(result.n) rows, \(result.events) events"))
        if !result.strataColumns.isEmpty { lines.append(("strata", result.strataColumns.joined(separator: ", "))) }
        if let column = result.clusterColumn {
            let count = result.clusterCount.map { " (\($0) clusters)" } ?? ""
            lines.append(("variance", "robust (sandwich), clustered by \(column)\(count)"))
        }
        lines.append(("confidence intervals", "\(Provenance.percent(result.confidenceLevel)) Wald"))
        return lines
    }

    static func referenceNote(_ result: RegressionResult) -> String? {
        guard !result.referenceLevels.isEmpty else { return nil }
        return "Reference levels: " + result.referenceLevels.map { "\($0.column)=\($0.level)" }.joined(separator: ", ")
            + " (change with --ref column=level)."
    }
}
