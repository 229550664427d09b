import NumericCore
import Regression
import Reporting

extension FrailtyCoxEstimates {
    public func addRows(_ result: RegressionResult, to table: inout RegressionCSVRows) {
        for row in frailty.coefficientTable {
            table.add(
                "coefficient", term: row.term, measure: "hazard_ratio", estimate: row.estimate,
                standardError: row.standardError, robust: row.sandwichStandardError, p: row.pValue,
                ratio: row.hazardRatio, lower: row.lower, upper: row.upper)
        }
        table.add("frailty", term: frailtyLabel, measure: "theta", estimate: frailty.theta,
                  lower: frailty.thetaInterval?.lowerBound, upper: frailty.thetaInterval?.upperBound)
        if let span = typicalReliefSpan {
            table.add("frailty", term: referenceProfile ?? "", measure: "typical_relief_middle_50", lower: span.lower,
                      upper: span.upper)
        }
        if let marginal = frailty.marginalLogLikelihood { table.add("frailty", term: frailtyLabel, measure: "i_likelihood", estimate: marginal) }
        for (label, df) in zip(termLabels + [frailtyLabel], frailty.termDegreesOfFreedom + [frailty.frailtyDegreesOfFreedom]) {
            table.add("degrees_of_freedom", term: label, measure: "df", estimate: df)
        }
        table.addLikelihoods(
            logLikelihood: frailty.logLikelihood, nullLogLikelihood: frailty.nullLogLikelihood, aic: result.aic, bic: result.bic)
        table.add("fit", measure: "iterations", count: frailty.newtonIterations)
        let lr = frailty.likelihoodRatioTest
        table.add("test", measure: "likelihood_ratio", estimate: lr.chiSquared, p: lr.pValue)
        for g in frailty.groups.indices {
            table.add("frailty", term: frailty.groups[g], measure: "log_frailty", estimate: frailty.frailties[g],
                      standardError: frailty.frailtyVariances[g].squareRoot())
        }
    }

    public func jsonMembers(_ result: RegressionResult) -> [(key: String, value: JSONValue)] {
        let coefficients = frailty.coefficientTable.map { row -> JSONValue in
            .object([
                ("term", .string(row.term)), ("estimate", .optional(row.estimate)), ("std_error", .optional(row.standardError)),
                ("se2", .optional(row.sandwichStandardError)), ("chi_squared", .optional(row.chiSquared)),
                ("p_value", .optional(row.pValue)), ("hazard_ratio", .optional(row.hazardRatio)),
                ("lower", .optional(row.lower)), ("upper", .optional(row.upper)),
            ])
        }
        func matrix(_ m: Matrix) -> JSONValue { .array(m.rowMajor.map { .array($0.map { .optional($0) }) }) }
        let test = frailty.frailtyTest, lr = frailty.likelihoodRatioTest
        let groups = frailty.groups.indices.map { g -> JSONValue in
            .object([
                ("group", .string(frailty.groups[g])), ("frailty", .optional(frailty.frailties[g])),
                ("variance", .optional(frailty.frailtyVariances[g])), ("events", .integer(frailty.groupEvents[g])),
            ])
        }
        let df = zip(termLabels + [frailtyLabel], frailty.termDegreesOfFreedom + [frailty.frailtyDegreesOfFreedom])
            .map { JSONValue.object([("term", .string($0.0)), ("df", .optional($0.1))]) }
        let shared = RegressionRenderer.fitJSON(
            result, ratio: "hazard_ratio", coefficients: coefficients, logLikelihood: frailty.logLikelihood,
            nullLogLikelihood: frailty.nullLogLikelihood, iterations: frailty.newtonIterations, converged: frailty.isConverged)
        return [("ties", .string(frailty.ties.rawValue))] + shared + [
            ("variance", matrix(frailty.variance)),
            ("variance2", matrix(frailty.sandwichVariance)),
            ("degrees_of_freedom", .array(df)),
            ("penalized_log_likelihood", .optional(frailty.penalizedLogLikelihood)),
            ("outer_iterations", .integer(frailty.outerIterations)),
            ("tests", .object([
                ("likelihood_ratio", .object([("statistic", .optional(lr.chiSquared)), ("df", .optional(lr.degreesOfFreedom)),
                                              ("p_value", .optional(lr.pValue))])),
            ])),
            ("frailty", .object([
                ("column", .string(frailty.frailtyColumn)), ("distribution", .string(frailty.distribution.rawValue)),
                ("sparse", .bool(frailty.isSparse)),
                ("theta", .optional(frailty.theta)),
                ("theta_interval", frailty.thetaInterval.map { .array([.optional($0.lowerBound), .optional($0.upperBound)]) } ?? .null),
                ("typical_relief_middle_50", typicalReliefSpan.map { .array([.optional($0.lower), .optional($0.upper)]) } ?? .null),
                ("reference_profile", referenceProfile.map { .string($0) } ?? .null),
                ("i_likelihood", frailty.marginalLogLikelihood.map { .optional($0) } ?? .null),
                ("chi_squared", .optional(test.chiSquared)), ("df", .optional(test.degreesOfFreedom)),
                ("p_value", .optional(test.pValue)), ("groups", .array(groups)),
            ])),
        ]
    }
}
