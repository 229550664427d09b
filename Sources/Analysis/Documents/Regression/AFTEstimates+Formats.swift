import Regression
import Reporting

extension AFTEstimates {
    public func addRows(_ result: RegressionResult, to table: inout RegressionCSVRows) {
        for row in aft.coefficientTable {
            table.add(
                "coefficient", term: result.termName(row.column), measure: "time_ratio", estimate: row.estimate,
                standardError: row.standardError, robust: row.robustStandardError, z: row.z, p: row.pValue,
                ratio: row.timeRatio, lower: row.lower, upper: row.upper)
        }
        if let scale = aft.scaleEstimate {
            table.add(
                "scale", measure: "log_scale", estimate: scale.logScale, standardError: scale.standardError,
                robust: scale.robustStandardError, z: scale.z, p: scale.pValue)
            table.add("scale", measure: "scale", estimate: scale.scale, lower: scale.scaleLower, upper: scale.scaleUpper)
            table.add(
                "scale", measure: "shape", estimate: scale.shape, standardError: scale.shapeStandardError,
                lower: scale.shapeLower, upper: scale.shapeUpper)
        } else {
            table.add("scale", measure: "scale", estimate: aft.scale)
        }
        for hr in aft.hazardRatios ?? [] {
            table.add(
                "hazard_ratio", term: result.termName(hr.column), measure: "hazard_ratio", estimate: hr.logHazardRatio,
                standardError: hr.standardError, p: hr.pValue, ratio: hr.hazardRatio, lower: hr.lower, upper: hr.upper)
        }
        table.addLikelihoods(
            logLikelihood: aft.logLikelihood, nullLogLikelihood: aft.nullLogLikelihood, aic: result.aic, bic: result.bic)
        table.add("fit", measure: "iterations", count: aft.iterations)
        let lr = aft.likelihoodRatioTest
        table.add("test", measure: "likelihood_ratio", estimate: lr.statistic, p: lr.pValue, df: lr.degreesOfFreedom)
        for (index, candidate) in comparison.enumerated() {
            let name = candidate.distribution.name
            table.add("comparison", model: name, measure: "rank", count: index + 1)
            table.add("comparison", model: name, measure: "aic", estimate: candidate.aic, df: candidate.parameterCount)
            table.add("comparison", model: name, measure: "bic", estimate: candidate.bic, df: candidate.parameterCount)
            table.add(
                "comparison", model: name, measure: "log_likelihood", estimate: candidate.logLikelihood,
                df: candidate.parameterCount)
        }
    }

    public func jsonMembers(_ result: RegressionResult) -> [(key: String, value: JSONValue)] {
        let coefficients = aft.coefficientTable.map { row in
            RegressionRenderer.coefficientJSON(
                term: result.termName(row.column), estimate: row.estimate, standardError: row.standardError,
                robust: row.robustStandardError, z: row.z, p: row.pValue, ratio: row.timeRatio, lower: row.lower,
                upper: row.upper)
        }
        var logScale = JSONValue.null
        var shape = JSONValue.null
        if let scale = aft.scaleEstimate {
            logScale = .object([
                ("estimate", .optional(scale.logScale)), ("std_error", .optional(scale.standardError)),
                ("robust_std_error", .optional(scale.robustStandardError)), ("z", .optional(scale.z)),
                ("p_value", .optional(scale.pValue)),
            ])
            if showsShape {
                shape = .object(
                    JSONValue.estimateMembers(
                        scale.shape, standardError: scale.shapeStandardError, lower: scale.shapeLower, upper: scale.shapeUpper))
            }
        }
        let hazardRatios = aft.hazardRatios.map { rows in
            JSONValue.objects(rows) { hr in
                [
                    ("term", .string(result.termName(hr.column))), ("log_hazard_ratio", .optional(hr.logHazardRatio)),
                    ("std_error", .optional(hr.standardError)), ("ratio", .optional(hr.hazardRatio)),
                    ("lower", .optional(hr.lower)), ("upper", .optional(hr.upper)), ("p_value", .optional(hr.pValue)),
                ]
            }
        } ?? .null
        let ranked = comparison.enumerated().map { index, candidate -> JSONValue in
            .object([
                ("rank", .integer(index + 1)), ("distribution", .string(candidate.distribution.name)),
                ("parameters", .integer(candidate.parameterCount)),
                ("log_likelihood", .optional(candidate.logLikelihood)), ("aic", .optional(candidate.aic)),
                ("bic", .optional(candidate.bic)), ("scale", .optional(candidate.scale)),
                ("converged", .bool(candidate.isConverged)),
            ])
        }
        let shared = RegressionRenderer.fitJSON(
            result, ratio: "time_ratio", coefficients: coefficients, logLikelihood: aft.logLikelihood,
            nullLogLikelihood: aft.nullLogLikelihood, iterations: aft.iterations, converged: aft.isConverged)
        return [("distribution", .string(aft.distribution.name))] + shared + [
            ("scale", .optional(aft.scale)),
            ("log_scale", logScale),
            ("scale_lower", .optional(aft.scaleEstimate?.scaleLower)),
            ("scale_upper", .optional(aft.scaleEstimate?.scaleUpper)),
            ("shape", shape),
            ("hazard_ratios", hazardRatios),
            (
                "tests",
                .object([
                    ("likelihood_ratio", RegressionRenderer.testJSON(aft.likelihoodRatioTest)),
                    ("wald", .null), ("score", .null),
                ])
            ),
            ("comparison", .array(ranked)),
        ]
    }
}
