import Regression
import Reporting

extension TermTests {
    /// The "Per-term tests" section: per droppable term its df, the Wald chi-squared and p, the
    /// likelihood-ratio chi-squared and p and the AIC without the term (R's `drop1(fit, test = "Chisq")`),
    /// with notes on the variance used and the terms not tested alone.
    /// - Parameters:
    ///   - robust: Whether the Wald tests used the robust variance.
    ///   - leadingNote: A first note on the model tested, or nil.
    /// - Returns: The section.
    /// - Complexity: O(terms).
    func section(robust: Bool, leadingNote: String? = nil) -> ReportDocument.Section {
        let hasRefits = tests.contains { $0.likelihoodRatio != nil }
        var columns = [
            ReportColumn("term", style: .label), ReportColumn("df", style: .count),
            ReportColumn("wald_chi_sq", style: .fixed(decimals: 3)), ReportColumn("wald_p", style: .pValue),
        ]
        if hasRefits {
            columns += [
                ReportColumn("lr_chi_sq", style: .fixed(decimals: 3)), ReportColumn("lr_p", style: .pValue),
                ReportColumn("aic_without", style: .general(significant: 10)),
            ]
        }
        let rows = tests.map { test -> [ReportCell] in
            var row: [ReportCell] = [
                .text(test.term), .integer(test.degreesOfFreedom), .number(test.wald.statistic), .number(test.wald.pValue),
            ]
            if hasRefits {
                row += [test.likelihoodRatio.map { .number($0.statistic) } ?? .empty,
                        test.likelihoodRatio.map { .number($0.pValue) } ?? .empty, test.aicWithout.map(ReportCell.number) ?? .empty]
            }
            return row
        }
        var notes = leadingNote.map { [$0] } ?? []
        notes += [
            "Each term (all its columns together) against the model without it"
                + (hasRefits ? ", as R's drop1(fit, test = \"Chisq\"); aic_without is that model's AIC." : ".")
                + " The Wald test uses the " + (robust ? "robust" : "model-based") + " variance.",
        ]
        if robust, hasRefits {
            notes.append("The likelihood-ratio test treats rows as independent (as R's drop1); with clustered rows rely on the robust Wald test.")
        }
        if !containedTerms.isEmpty {
            notes.append("Not tested alone (inside an interaction, as R's drop1): " + containedTerms.joined(separator: ", ") + ".")
        }
        return ReportDocument.Section(
            heading: "Per-term tests", tables: [ReportTable(title: "", columns: columns, rows: rows, notes: notes)])
    }

    /// Adds the `term_test` rows: per term `wald` and `likelihood_ratio` (estimate = chi-squared, df,
    /// p_value) and `aic_without` (estimate), and per term not tested alone a `contained` row.
    /// - Parameter table: The table.
    func addRows(to table: inout RegressionCSVRows) {
        for test in tests {
            table.add("term_test", term: test.term, measure: "wald", estimate: test.wald.statistic, p: test.wald.pValue,
                      df: test.degreesOfFreedom)
            if let lr = test.likelihoodRatio {
                table.add("term_test", term: test.term, measure: "likelihood_ratio", estimate: lr.statistic, p: lr.pValue,
                          df: lr.degreesOfFreedom)
            }
            if let aic = test.aicWithout { table.add("term_test", term: test.term, measure: "aic_without", estimate: aic) }
        }
        for term in containedTerms { table.add("term_test", term: term, measure: "contained") }
    }

    /// `{"tests": [{"term", "df", "wald": {"statistic", "df", "p_value"}, "likelihood_ratio": {...} | null,
    /// "aic_without"}], "contained_terms": [...]}`.
    var json: JSONValue {
        .object([
            ("tests", .array(tests.map { test in
                .object([
                    ("term", .string(test.term)), ("df", .integer(test.degreesOfFreedom)),
                    ("wald", RegressionRenderer.testJSON(test.wald.statistic, test.degreesOfFreedom, test.wald.pValue)),
                    ("likelihood_ratio", test.likelihoodRatio.map { RegressionRenderer.testJSON($0.statistic, $0.degreesOfFreedom, $0.pValue) } ?? .null),
                    ("aic_without", .optional(test.aicWithout)),
                ])
            })),
            ("contained_terms", .array(containedTerms.map(JSONValue.string))),
        ])
    }
}
