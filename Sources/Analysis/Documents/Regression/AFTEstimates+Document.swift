import Regression
import Reporting

extension AFTEstimates {
    public func sections(_ result: RegressionResult) -> [ReportDocument.Section] {
        let words = result.wording
        var sections: [ReportDocument.Section] = []
        if let section = comparisonSection { sections.append(section) }
        let robust = aft.robustVariance != nil
        let level = Provenance.percent(aft.confidenceLevel)
        let number = RegressionRenderer.number
        let columns = RegressionRenderer.coefficientColumns(ratio: "time_ratio", robust: robust)
        let rows = aft.coefficientTable.map { row -> [ReportCell] in
            var cells: [ReportCell] = [
                .text(result.termName(row.column)), .number(row.estimate), .number(row.timeRatio),
                .number(row.standardError),
            ]
            if robust { cells.append(.number(row.robustStandardError)) }
            return cells + [.number(row.z), .number(row.pValue), .number(row.lower), .number(row.upper)]
        }
        var notes = [
            "A positive coefficient means LONGER \(words.outcome): time_ratio = exp(coef) > 1 multiplies the \(words.outcome) duration "
                + "(every quantile); below 1, \(words.outcome) is shorter.",
            "lower, upper: \(level) confidence interval of the time ratio."
                + (robust ? " z, p and the interval use the robust SE, as R's summary(survreg)." : ""),
        ]
        if let reference = RegressionRenderer.referenceNote(result) { notes.append(reference) }
        var tables = [ReportTable(title: "", columns: columns, rows: rows, notes: notes), scaleTable(robust: robust, words: words)]
        if let hazardRatios = aft.hazardRatios {
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
                        ReportColumn("term", style: .label), ReportColumn("hazard_ratio", style: number),
                        ReportColumn("se_log_hr", style: number), ReportColumn("p_value", style: .pValue),
                        ReportColumn("lower", style: number), ReportColumn("upper", style: number),
                    ],
                    rows: hrRows,
                    notes: [
                        "hazard_ratio = exp(-coef/scale), comparable with a Cox model: above 1, \(words.outcome) ends sooner. "
                            + "se_log_hr by the delta method; \(level) interval."
                    ]))
        }
        sections.append(ReportDocument.Section(heading: "Coefficients (\(aft.distribution.name))", tables: tables))

        let fitRows: [[ReportCell]] = [
            [.text("log-likelihood (intercept only)"), .number(aft.nullLogLikelihood)],
            [.text("log-likelihood (model)"), .number(aft.logLikelihood)],
            [.text("AIC"), .number(result.aic)],
            [.text("BIC"), .number(result.bic)],
            [.text("parameters"), .integer(aft.parameterCount)],
            [.text("Newton-Raphson iterations"), .integer(aft.iterations)],
            [.text("converged"), .text(aft.isConverged ? "yes" : "NO")],
        ]
        sections.append(
            RegressionRenderer.fitSection(
                measures: fitRows, tests: [RegressionRenderer.testRow("likelihood ratio", aft.likelihoodRatioTest)],
                note: "Against the intercept-only model, as R's print.survreg."))
        return sections
    }

    /// The families of `--dist all` ranked by AIC, or `nil` for one family.
    var comparisonSection: ReportDocument.Section? {
        guard !comparison.isEmpty else { return nil }
        let rows = comparison.enumerated().map { index, candidate -> [ReportCell] in
            [
                .integer(index + 1), .text(candidate.distribution.name), .integer(candidate.parameterCount),
                .number(candidate.logLikelihood), .number(candidate.aic), .number(candidate.bic),
                .number(candidate.scale), .text(candidate.isConverged ? "yes" : "NO"),
            ]
        }
        return ReportDocument.Section(
            heading: "Distributions compared by AIC",
            tables: [
                ReportTable(
                    title: "",
                    columns: [
                        ReportColumn("rank", style: .count), ReportColumn("distribution", style: .label),
                        ReportColumn("parameters", style: .count),
                        ReportColumn("log_likelihood", style: .fixed(decimals: 3)),
                        ReportColumn("aic", style: .fixed(decimals: 3)), ReportColumn("bic", style: .fixed(decimals: 3)),
                        ReportColumn("scale", style: RegressionRenderer.number), ReportColumn("converged", style: .label),
                    ],
                    rows: rows,
                    notes: ["Smaller AIC is better. The results below are for the best: \(aft.distribution.name)."])
            ])
    }

    /// The scale table: `Log(scale)` with its test, the scale and (Weibull, log-logistic) the shape with
    /// their intervals; for the exponential, the fixed scale 1.
    func scaleTable(robust: Bool, words: OutcomeWording) -> ReportTable {
        let number = RegressionRenderer.number
        guard let scale = aft.scaleEstimate else {
            return ReportTable(
                title: "Scale", columns: [ReportColumn("parameter", style: .label), ReportColumn("estimate", style: number)],
                rows: [[.text("scale"), .number(aft.scale)]], notes: ["Fixed at 1 for the exponential model."])
        }
        let columns = RegressionRenderer.parameterColumns(robust: robust)
        func row(
            _ name: String, _ estimate: Double, _ se: Double?, _ robustSE: Double?, _ z: Double?, _ p: Double?,
            _ lower: Double?, _ upper: Double?
        ) -> [ReportCell] {
            func cell(_ value: Double?) -> ReportCell { value.map { .number($0) } ?? .empty }
            var cells: [ReportCell] = [.text(name), .number(estimate), cell(se)]
            if robust { cells.append(cell(robustSE)) }
            return cells + [cell(z), cell(p), cell(lower), cell(upper)]
        }
        var rows = [
            row("Log(scale)", scale.logScale, scale.standardError, scale.robustStandardError, scale.z, scale.pValue, nil, nil),
            row("scale", scale.scale, nil, nil, nil, nil, scale.scaleLower, scale.scaleUpper),
        ]
        var notes = ["scale = sigma of log(T) (R's survreg scale); z and p test log(scale) = 0."]
        if showsShape {
            rows.append(row("shape = 1/scale", scale.shape, scale.shapeStandardError, nil, nil, nil, scale.shapeLower, scale.shapeUpper))
            if aft.distribution.name == AFTDistribution.weibull.name {
                notes.append("Weibull shape above 1: the rate at which \(words.outcome) ends rises over time.")
            }
        }
        return ReportTable(title: "Scale", columns: columns, rows: rows, notes: notes)
    }
}
