import DataIO
import Regression
import Reporting

/// A Cox proportional-hazards fit as `relief fit` shows it: hazard ratios, concordance, the
/// likelihood-ratio, Wald and score tests (R's `summary(coxph)`) and, when asked for and computable, the
/// proportional-hazards test (`cox.zph`).
public struct CoxEstimates: RegressionEstimates {
    /// The fitted Cox model.
    public let cox: CoxPHFit
    /// The proportional-hazards test, when asked for and computable.
    public let proportionalHazards: CoxZPHResult?
    /// The model's warnings (a failed `cox.zph` is one).
    public let warnings: [String]

    /// Creates the estimates of a Cox fit.
    /// - Parameters:
    ///   - cox: The fit.
    ///   - proportionalHazards: Its `cox.zph` test, or `nil`.
    ///   - warnings: Its warnings.
    public init(_ cox: CoxPHFit, proportionalHazards: CoxZPHResult? = nil, warnings: [String]? = nil) {
        self.cox = cox
        self.proportionalHazards = proportionalHazards
        self.warnings = warnings ?? cox.warningMessages
    }

    /// Claims a ``CoxPHFit``; runs `cox.zph` when the context asks for it (a failure becomes a warning).
    public init?(fit: any SurvivalRegressionFit, context: RegressionEstimatesContext) {
        guard let cox = fit as? CoxPHFit else { return nil }
        var warnings = cox.warningMessages
        var zph: CoxZPHResult?
        if context.testsProportionalHazards {
            do {
                zph = try CoxZPH().test(
                    cox, x: context.design.x, time: context.dataset.time, event: context.dataset.event,
                    strata: context.design.strata, weights: context.data?.weights, start: context.dataset.start)
            } catch {
                warnings.append("the proportional-hazards test (cox.zph) is not available: \(error)")
            }
        }
        self.init(cox, proportionalHazards: zph, warnings: warnings)
    }

    public var fit: any SurvivalRegressionFit { cox }
    public var fittedModel: String { "cox" }
    public var ratioName: String? { "hazard_ratio" }
    public var title: String { "Cox proportional hazards model" }
    public var modelLine: String { "cox, \(cox.ties.rawValue) ties" }

    public func methods(formula: String, words: OutcomeWording) -> (model: String, ties: String?) {
        (
            "Cox proportional-hazards model (R coxph) of the hazard of \(words.outcome) ending, formula " + formula
                + "; hazard ratios below 1 mean longer \(words.outcome)",
            "efron"
        )
    }

    public func forestRows(_ result: RegressionResult) -> [ForestRows.Row] {
        cox.coefficientTable.map { ForestRows.row($0.term, ratio: $0.hazardRatio, lower: $0.lower, upper: $0.upper, result) }
    }

    public func sections(_ result: RegressionResult) -> [ReportDocument.Section] {
        let words = result.wording
        let robust = cox.robustVariance != nil
        let level = Provenance.percent(cox.confidenceLevel)
        let columns = RegressionRenderer.coefficientColumns(ratio: "hazard_ratio", robust: robust)
        let rows = cox.coefficientTable.map { row -> [ReportCell] in
            var cells: [ReportCell] = [
                .text(row.term), .number(row.estimate), .number(row.hazardRatio), .number(row.standardError),
            ]
            if robust { cells.append(.number(row.robustStandardError)) }
            return cells + [.number(row.z), .number(row.pValue), .number(row.lower), .number(row.upper)]
        }
        var notes = [
            "hazard_ratio = exp(coef): above 1, \(words.outcome) ends sooner (shorter \(words.outcome)); below 1, \(words.outcome) lasts longer.",
            "lower, upper: \(level) confidence interval of the hazard ratio."
                + (robust ? " z, p and the interval use the robust SE, as R's summary(coxph)." : ""),
        ]
        if let reference = RegressionRenderer.referenceNote(result) { notes.append(reference) }
        var sections = [
            ReportDocument.Section(
                heading: "Coefficients",
                tables: [ReportTable(title: "", columns: columns, rows: rows, notes: notes)])
        ]

        let fitRows: [[ReportCell]] = [
            [.text("log-likelihood (null model)"), .number(cox.nullLogLikelihood)],
            [.text("log-likelihood (model)"), .number(cox.logLikelihood)],
            [.text("AIC"), .number(result.aic)],
            [.text("BIC (n = events)"), .number(result.bic)],
            [.text("concordance"), .number(cox.concordance.concordance)],
            [.text("concordance std_error"), .number(cox.concordance.standardError)],
            [.text("Newton-Raphson iterations"), .integer(cox.iterations)],
            [.text("converged"), .text(cox.isConverged ? "yes" : "NO")],
        ]
        var tests: [[ReportCell]] = [
            RegressionRenderer.testRow("likelihood ratio", cox.likelihoodRatioTest),
            RegressionRenderer.testRow(robust ? "Wald (robust)" : "Wald", cox.waldTest),
            RegressionRenderer.testRow("score (log-rank)", cox.scoreTest),
        ]
        if let rscore = cox.robustScoreTest { tests.append(RegressionRenderer.testRow("robust score", rscore)) }
        sections.append(
            RegressionRenderer.fitSection(
                measures: fitRows, tests: tests, note: "Each tests the model against one where every coefficient is 0."))
        if let zph = proportionalHazards {
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
}
