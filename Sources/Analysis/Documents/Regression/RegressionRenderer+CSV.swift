import Reporting

extension RegressionRenderer {
    /// The fitted model as one tidy table, one number (or estimate with SE, z, p and interval) per row.
    ///
    /// Columns: `section, model, term, measure, estimate, std_error, robust_std_error, z, p_value, ratio,
    /// lower, upper, df, confidence_level, relief_version`. Sections: `input` (`rows_read`, `rows_used`,
    /// `rows_excluded`), `coefficient` (measure `hazard_ratio` or `time_ratio`: the coefficient, its SEs,
    /// z, p, the ratio and its interval), `scale` (`log_scale`, `scale`, `shape`), `hazard_ratio` (Weibull
    /// and exponential: estimate = log HR, ratio = HR), `fit` (`log_likelihood`, `null_log_likelihood`,
    /// `aic`, `bic`, `concordance` with its SE, `iterations`, `n`, `events` (rows), with `--weights`
    /// `total_weight` with term = the weight column), `test` (measure = test name,
    /// estimate = chi-squared, `df`, `p_value`), `proportional_hazards` (per term and `GLOBAL`),
    /// `comparison` (`--dist all`: model = family; measures `rank` (1 = smallest
    /// AIC), `aic`, `bic`, `log_likelihood`, with df = the number of parameters), `term_test` (per term
    /// `wald` and `likelihood_ratio`: estimate = chi-squared, df, p_value; `aic_without`; `contained` for a
    /// term inside an interaction) and `exclusion` (term = `line N: reason`, measure = the column).
    /// Unknown numbers are `NA`; fields that do not apply are empty.
    /// - Parameters:
    ///   - result: The fitted model.
    ///   - input: The input record.
    ///   - provenance: The provenance.
    /// - Returns: The table.
    /// - Complexity: O(terms + exclusions).
    public func csvTable(_ result: RegressionResult, input: ReportInput, provenance: Provenance) -> ReportTable {
        var table = RegressionCSVRows(
            model: result.fittedModel, confidenceLevel: result.confidenceLevel, version: provenance.version)
        table.add("input", measure: "rows_read", count: input.rowsRead)
        table.add("input", measure: "rows_used", count: input.rowsUsed)
        table.add("input", measure: "rows_excluded", count: input.rowsExcluded)
        table.add("fit", measure: "n", count: result.n)
        table.add("fit", measure: "events", count: result.events)
        if let weights = result.caseWeights { table.add("fit", term: weights.column, measure: "total_weight", estimate: weights.total) }
        result.estimates.addRows(result, to: &table)
        result.termTests?.addRows(to: &table)
        for exclusion in input.exclusions {
            table.add("exclusion", term: "line \(exclusion.line): \(exclusion.reason)", measure: exclusion.column ?? "")
        }
        return ReportTable(title: "", columns: RegressionCSVRows.columns, rows: table.rows)
    }
}
