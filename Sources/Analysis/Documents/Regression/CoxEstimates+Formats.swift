import Regression
import Reporting

extension CoxEstimates {
    public func addRows(_ result: RegressionResult, to table: inout RegressionCSVRows) {
        for row in cox.coefficientTable {
            table.add(
                "coefficient", term: row.term, measure: "hazard_ratio", estimate: row.estimate,
                standardError: row.standardError, robust: row.robustStandardError, z: row.z, p: row.pValue,
                ratio: row.hazardRatio, lower: row.lower, upper: row.upper)
        }
        table.addLikelihoods(
            logLikelihood: cox.logLikelihood, nullLogLikelihood: cox.nullLogLikelihood, aic: result.aic, bic: result.bic)
        table.add("fit", measure: "concordance", estimate: cox.concordance.concordance, standardError: cox.concordance.standardError)
        table.add("fit", measure: "iterations", count: cox.iterations)
        for (name, test) in [("likelihood_ratio", cox.likelihoodRatioTest), ("wald", cox.waldTest), ("score", cox.scoreTest)] {
            table.add("test", measure: name, estimate: test.statistic, p: test.pValue, df: test.degreesOfFreedom)
        }
        if let test = cox.robustScoreTest {
            table.add("test", measure: "robust_score", estimate: test.statistic, p: test.pValue, df: test.degreesOfFreedom)
        }
        for row in (proportionalHazards.map { $0.terms + [$0.global] } ?? []) {
            table.add(
                "proportional_hazards", term: row.term, measure: "chi_squared", estimate: row.chiSquare, p: row.pValue,
                df: row.degreesOfFreedom)
        }
    }

    public func jsonMembers(_ result: RegressionResult) -> [(key: String, value: JSONValue)] {
        let tests: [(key: String, value: JSONValue)] = [
            ("likelihood_ratio", RegressionRenderer.testJSON(cox.likelihoodRatioTest)),
            ("wald", RegressionRenderer.testJSON(cox.waldTest)),
            ("score", RegressionRenderer.testJSON(cox.scoreTest)),
            ("robust_score", cox.robustScoreTest.map(RegressionRenderer.testJSON) ?? .null),
        ]
        let coefficients = cox.coefficientTable.map { row in
            RegressionRenderer.coefficientJSON(
                term: row.term, estimate: row.estimate, standardError: row.standardError,
                robust: row.robustStandardError, z: row.z, p: row.pValue, ratio: row.hazardRatio, lower: row.lower,
                upper: row.upper)
        }
        var zphJSON = JSONValue.null
        if let zph = proportionalHazards {
            func row(_ row: CoxZPHRow) -> JSONValue {
                .object([
                    ("term", .string(row.term)), ("chi_squared", .optional(row.chiSquare)),
                    ("df", .integer(row.degreesOfFreedom)), ("p_value", .optional(row.pValue)),
                ])
            }
            zphJSON = .object([
                ("transform", .string(zph.transform.rawValue)), ("terms", .array(zph.terms.map(row))),
                ("global", row(zph.global)),
            ])
        }
        let shared = RegressionRenderer.fitJSON(
            result, ratio: "hazard_ratio", coefficients: coefficients, logLikelihood: cox.logLikelihood,
            nullLogLikelihood: cox.nullLogLikelihood, iterations: cox.iterations, converged: cox.isConverged)
        return [("ties", .string(cox.ties.rawValue))] + shared + [
            ("concordance", .optional(cox.concordance.concordance)),
            ("concordance_std_error", .optional(cox.concordance.standardError)),
            ("tests", .object(tests)),
            ("proportional_hazards", zphJSON),
        ]
    }
}
