import Reporting

extension RegressionRenderer {
    /// The fitted model as one tidy table, one number (or estimate with SE, z, p and interval) per row.
    ///
    /// Columns: `section, model, term, measure, estimate, std_error, robust_std_error, z, p_value, ratio,
    /// lower, upper, df, confidence_level, relief_version`. Sections: `input` (`rows_read`, `rows_used`,
    /// `rows_excluded`), `coefficient` (measure `hazard_ratio` or `time_ratio`: the coefficient, its SEs,
    /// z, p, the ratio and its interval), `scale` (`log_scale`, `scale`, `shape`), `hazard_ratio` (Weibull
    /// and exponential: estimate = log HR, ratio = HR), `fit` (`log_likelihood`, `null_log_likelihood`,
    /// `aic`, `bic`, `concordance` with its SE, `iterations`, `n`, `events`), `test` (measure = test name,
    /// estimate = chi-squared, `df`, `p_value`), `proportional_hazards` (per term and `GLOBAL`),
    /// `comparison` (`--dist all`: model = family; measures `rank` (1 = smallest
    /// AIC), `aic`, `bic`, `log_likelihood`, with df = the number of parameters) and `exclusion` (term = `line N: reason`, measure = the column).
    /// Unknown numbers are `NA`; fields that do not apply are empty.
    /// - Parameters:
    ///   - result: The fitted model.
    ///   - input: The input record.
    ///   - provenance: The provenance.
    /// - Returns: The table.
    /// - Complexity: O(terms + exclusions).
    public func csvTable(_ result: RegressionResult, input: ReportInput, provenance: Provenance) -> ReportTable {
        var columns = ["section", "model", "term", "measure"].map { ReportColumn($0, style: .label) }
        columns += ["estimate", "std_error", "robust_std_error", "z", "p_value", "ratio", "lower", "upper", "df"].map {
            ReportColumn($0, style: .general(significant: 17))
        }
        columns += ["confidence_level", "relief_version"].map { ReportColumn($0, style: .label) }
        let trailer: [ReportCell] = [.number(result.confidenceLevel), .text(provenance.version)]
        var rows: [[ReportCell]] = []
        let model = result.fittedModel

        func add(
            _ section: String, model: String = model, term: String = "", measure: String, estimate: Double? = nil,
            count: Int? = nil, standardError: Double? = nil, robust: Double? = nil, z: Double? = nil,
            p: Double? = nil, ratio: Double? = nil, lower: Double? = nil, upper: Double? = nil, df: Int? = nil
        ) {
            var row: [ReportCell] = [.text(section), .text(model), .text(term), .text(measure)]
            row.append(count.map { .integer($0) } ?? estimate.map { .number($0) } ?? .empty)
            for value in [standardError, robust, z, p, ratio, lower, upper] {
                row.append(value.map { .number($0) } ?? .empty)
            }
            row.append(df.map { .integer($0) } ?? .empty)
            rows.append(row + trailer)
        }

        add("input", measure: "rows_read", count: input.rowsRead)
        add("input", measure: "rows_used", count: input.rowsUsed)
        add("input", measure: "rows_excluded", count: input.rowsExcluded)
        add("fit", measure: "n", count: result.n)
        add("fit", measure: "events", count: result.events)
        switch result.estimates {
        case .cox(let fit, let zph):
            for row in fit.coefficientTable {
                add(
                    "coefficient", term: row.term, measure: "hazard_ratio", estimate: row.estimate,
                    standardError: row.standardError, robust: row.robustStandardError, z: row.z, p: row.pValue,
                    ratio: row.hazardRatio, lower: row.lower, upper: row.upper)
            }
            add("fit", measure: "log_likelihood", estimate: fit.logLikelihood)
            add("fit", measure: "null_log_likelihood", estimate: fit.nullLogLikelihood)
            add("fit", measure: "aic", estimate: result.aic ?? .nan)
            add("fit", measure: "bic", estimate: result.bic ?? .nan)
            add("fit", measure: "concordance", estimate: fit.concordance.concordance, standardError: fit.concordance.standardError)
            add("fit", measure: "iterations", count: fit.iterations)
            for (name, test) in [("likelihood_ratio", fit.likelihoodRatioTest), ("wald", fit.waldTest), ("score", fit.scoreTest)] {
                add("test", measure: name, estimate: test.statistic, p: test.pValue, df: test.degreesOfFreedom)
            }
            if let test = fit.robustScoreTest {
                add("test", measure: "robust_score", estimate: test.statistic, p: test.pValue, df: test.degreesOfFreedom)
            }
            if let zph {
                for row in zph.terms + [zph.global] {
                    add("proportional_hazards", term: row.term, measure: "chi_squared", estimate: row.chiSquare, p: row.pValue, df: row.degreesOfFreedom)
                }
            }
        case .aft(let fit, let comparison):
            for row in fit.coefficientTable {
                add(
                    "coefficient", term: result.termName(row.column), measure: "time_ratio", estimate: row.estimate,
                    standardError: row.standardError, robust: row.robustStandardError, z: row.z, p: row.pValue,
                    ratio: row.timeRatio, lower: row.lower, upper: row.upper)
            }
            if let scale = fit.scaleEstimate {
                add("scale", measure: "log_scale", estimate: scale.logScale, standardError: scale.standardError, robust: scale.robustStandardError, z: scale.z, p: scale.pValue)
                add("scale", measure: "scale", estimate: scale.scale, lower: scale.scaleLower, upper: scale.scaleUpper)
                add("scale", measure: "shape", estimate: scale.shape, standardError: scale.shapeStandardError, lower: scale.shapeLower, upper: scale.shapeUpper)
            } else {
                add("scale", measure: "scale", estimate: fit.scale)
            }
            for hr in fit.hazardRatios ?? [] {
                add(
                    "hazard_ratio", term: result.termName(hr.column), measure: "hazard_ratio", estimate: hr.logHazardRatio,
                    standardError: hr.standardError, p: hr.pValue, ratio: hr.hazardRatio, lower: hr.lower, upper: hr.upper)
            }
            add("fit", measure: "log_likelihood", estimate: fit.logLikelihood)
            add("fit", measure: "null_log_likelihood", estimate: fit.nullLogLikelihood)
            add("fit", measure: "aic", estimate: result.aic ?? .nan)
            add("fit", measure: "bic", estimate: result.bic ?? .nan)
            add("fit", measure: "iterations", count: fit.iterations)
            let lr = fit.likelihoodRatioTest
            add("test", measure: "likelihood_ratio", estimate: lr.statistic, p: lr.pValue, df: lr.degreesOfFreedom)
            for (index, candidate) in comparison.enumerated() {
                let name = candidate.distribution.name
                add("comparison", model: name, measure: "rank", count: index + 1)
                add("comparison", model: name, measure: "aic", estimate: candidate.aic, df: candidate.parameterCount)
                add("comparison", model: name, measure: "bic", estimate: candidate.bic, df: candidate.parameterCount)
                add("comparison", model: name, measure: "log_likelihood", estimate: candidate.logLikelihood, df: candidate.parameterCount)
            }
        }
        for exclusion in input.exclusions {
            add("exclusion", term: "line \(exclusion.line): \(exclusion.reason)", measure: exclusion.column ?? "")
        }
        return ReportTable(title: "", columns: columns, rows: rows)
    }
}
