import Regression
import Reporting

/// Renders a ``RegressionResult`` (what `relief fit` computes) as a terminal table, Markdown, CSV or
/// JSON: the frame every model shares (title, model lines, warnings, exclusions), with the model's own
/// tables from its ``RegressionEstimates``. It only lays out numbers already in the result.
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

    /// The forest plot (``ForestPlot/figure(_:title:)``) for a model whose parameters are log ratios
    /// (Cox, AFT); nil for one whose are not (Emax).
    public func figure(_ result: RegressionResult, input: ReportInput) -> ReportFigure? {
        result.estimates.ratioName == nil ? nil : ForestPlot.figure(result, title: Self.title(result))
    }

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
        var result = result
        result.wording = input.wording
        var document = ReportDocument(
            title: Self.title(result),
            header: provenance.modelHeaderLines(input: input, model: result.estimates.modelLines(result)))
        if let section = ReportDocument.Section.warnings(warnings) { document.sections.append(section) }
        document.sections += result.estimates.sections(result)
        if let tests = result.termTests { document.sections.append(tests.section(robust: result.estimates.fit.robustVariance != nil)) }
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

    // MARK: - Helpers

    /// The columns of a parameter table on the estimation scale: parameter, estimate, SE, robust SE
    /// (when there is one), z, p and the interval.
    static func parameterColumns(robust: Bool) -> [ReportColumn] {
        var columns = [
            ReportColumn("parameter", style: .label), ReportColumn("estimate", style: number),
            ReportColumn("std_error", style: number),
        ]
        if robust { columns.append(ReportColumn("robust_se", style: number)) }
        return columns + [
            ReportColumn("z", style: .fixed(decimals: 3)), ReportColumn("p_value", style: .pValue),
            ReportColumn("lower", style: number), ReportColumn("upper", style: number),
        ]
    }

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

    static func testRow(_ name: String, _ test: CoxPHTest) -> [ReportCell] {
        [.text(name), .number(test.statistic), .integer(test.degreesOfFreedom), .number(test.pValue)]
    }

    static func title(_ result: RegressionResult) -> String { result.estimates.title }

    static func modelLines(_ result: RegressionResult) -> [(key: String, value: String)] {
        var lines: [(key: String, value: String)] = [("model", result.estimates.modelLine)]
        lines.append(("formula", result.formula))
        lines.append(("n", "\(result.n) rows, \(result.events) events"))
        if let weights = result.caseWeights { lines.append(("case weights", weights.line)) }
        if !result.strataColumns.isEmpty { lines.append(("strata", result.strataColumns.joined(separator: ", "))) }
        if let column = result.clusterColumn {
            let count = result.clusterCount.map { " (\($0) clusters)" } ?? ""
            lines.append(("variance", "robust (sandwich), clustered by \(column)\(count)"))
        } else if let variance = result.caseWeights?.variance {
            lines.append(("variance", variance))
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
