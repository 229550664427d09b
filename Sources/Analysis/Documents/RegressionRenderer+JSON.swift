import Regression
import Reporting

extension RegressionRenderer {
    /// The members of the fitted model's JSON output, which has the keys in this order:
    ///
    /// ```
    /// {"version", "command", "date"?, "input": {"file", "sha256", "rows_read", "rows_used",
    ///   "rows_excluded", "delimiter", "exclusions": [...]}, "options": {name: value},
    ///  "model" (the fitted model: "cox" or the AFT distribution), "requested_model" ("aft" for --dist),
    ///  "formula", "n", "events", "strata": [columns], "cluster": {"column", "count"} | null,
    ///  "ties" (Cox) | "distribution" (AFT), "confidence_level", "reference_levels": {column: level},
    ///  "ratio": "hazard_ratio" | "time_ratio",
    ///  "coefficients": [{"term", "estimate", "std_error", "robust_std_error", "z", "p_value", "ratio",
    ///                    "lower", "upper"}],
    ///  "log_likelihood", "null_log_likelihood", "aic", "bic", "iterations", "converged",
    ///  Cox: "concordance", "concordance_std_error",
    ///  AFT: "scale", "log_scale": {"estimate", "std_error", "robust_std_error", "z", "p_value"} | null,
    ///       "scale_lower", "scale_upper", "shape": {"estimate", "std_error", "lower", "upper"} | null,
    ///       "hazard_ratios": [{"term", "log_hazard_ratio", "std_error", "ratio", "lower", "upper",
    ///                          "p_value"}] | null (Weibull and exponential),
    ///  "tests": {"likelihood_ratio", "wald", "score", "robust_score"?} (each {"statistic", "df",
    ///            "p_value"} or null when the model does not give it: AFT has only the likelihood ratio,
    ///            as R's survreg),
    ///  Cox: "proportional_hazards": {"transform", "terms": [{"term", "chi_squared", "df", "p_value"}],
    ///        "global": {...}} | null,
    ///  AFT: "comparison": [{"rank", "distribution", "parameters", "log_likelihood", "aic", "bic",
    ///        "scale", "converged"}] (empty unless --dist all),
    ///  "warnings": [..]}
    /// ```
    /// `std_error` is the model-based SE and `robust_std_error` the sandwich one (null without it); `z`,
    /// `p_value` and the interval of `ratio` use the robust SE when there is one, as R. Unknown or
    /// non-finite numbers are `null`; NaN and infinities never appear.
    /// - Parameter result: The fitted model.
    /// - Returns: The members, in order.
    /// - Complexity: O(terms).
    public func jsonMembers(_ result: RegressionResult) -> [(key: String, value: JSONValue)] {
        var members = Self.modelMembers(result) + [
            ("strata", .array(result.strataColumns.map(JSONValue.string))),
            ("cluster", .cluster(column: result.clusterColumn, count: result.clusterCount)),
        ]
        switch result.estimates {
        case .cox(let fit, let zph):
            members += coxJSON(result, fit: fit, zph: zph)
        case .aft(let fit, let comparison):
            members += aftJSON(result, fit: fit, comparison: comparison)
        }
        return members
    }

    /// The members that name a fitted model and its data, in this order: `model` (the fitted model),
    /// `requested_model`, `formula`, `n`, `events`; the JSON of `relief fit` and `relief predict` starts
    /// with them.
    static func modelMembers(_ result: RegressionResult) -> [(key: String, value: JSONValue)] {
        [
            ("model", .string(result.fittedModel)),
            ("requested_model", .string(result.model)),
            ("formula", .string(result.formula)),
            ("n", .integer(result.n)),
            ("events", .integer(result.events)),
        ]
    }

    func coxJSON(_ result: RegressionResult, fit: CoxPHFit, zph: CoxZPHResult?) -> [(key: String, value: JSONValue)] {
        var tests: [(key: String, value: JSONValue)] = [
            ("likelihood_ratio", Self.testJSON(fit.likelihoodRatioTest.statistic, fit.likelihoodRatioTest.degreesOfFreedom, fit.likelihoodRatioTest.pValue)),
            ("wald", Self.testJSON(fit.waldTest.statistic, fit.waldTest.degreesOfFreedom, fit.waldTest.pValue)),
            ("score", Self.testJSON(fit.scoreTest.statistic, fit.scoreTest.degreesOfFreedom, fit.scoreTest.pValue)),
        ]
        tests.append(("robust_score", fit.robustScoreTest.map { Self.testJSON($0.statistic, $0.degreesOfFreedom, $0.pValue) } ?? .null))
        let coefficients = fit.coefficientTable.map { row in
            Self.coefficientJSON(
                term: row.term, estimate: row.estimate, standardError: row.standardError,
                robust: row.robustStandardError, z: row.z, p: row.pValue, ratio: row.hazardRatio, lower: row.lower,
                upper: row.upper)
        }
        var zphJSON = JSONValue.null
        if let zph {
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
        let shared = Self.fitJSON(
            result, level: fit.confidenceLevel, ratio: "hazard_ratio", coefficients: coefficients,
            logLikelihood: fit.logLikelihood, nullLogLikelihood: fit.nullLogLikelihood, iterations: fit.iterations,
            converged: fit.isConverged)
        return [("ties", .string(fit.ties.rawValue))] + shared + [
            ("concordance", .optional(fit.concordance.concordance)),
            ("concordance_std_error", .optional(fit.concordance.standardError)),
            ("tests", .object(tests)),
            ("proportional_hazards", zphJSON),
        ]
    }

    func aftJSON(_ result: RegressionResult, fit: AFTFit, comparison: [AFTFit]) -> [(key: String, value: JSONValue)] {
        let coefficients = fit.coefficientTable.map { row in
            Self.coefficientJSON(
                term: result.termName(row.column), estimate: row.estimate, standardError: row.standardError,
                robust: row.robustStandardError, z: row.z, p: row.pValue, ratio: row.timeRatio, lower: row.lower,
                upper: row.upper)
        }
        var logScale = JSONValue.null
        var shape = JSONValue.null
        if let scale = fit.scaleEstimate {
            logScale = .object([
                ("estimate", .optional(scale.logScale)), ("std_error", .optional(scale.standardError)),
                ("robust_std_error", .optional(scale.robustStandardError)), ("z", .optional(scale.z)),
                ("p_value", .optional(scale.pValue)),
            ])
            if fit.distribution.name == AFTDistribution.weibull.name || fit.distribution.name == AFTDistribution.loglogistic.name {
                shape = .object(
                    JSONValue.estimateMembers(
                        scale.shape, standardError: scale.shapeStandardError, lower: scale.shapeLower, upper: scale.shapeUpper))
            }
        }
        let hazardRatios = fit.hazardRatios.map { rows in
            JSONValue.objects(rows) { hr in
                [
                    ("term", .string(result.termName(hr.column))), ("log_hazard_ratio", .optional(hr.logHazardRatio)),
                    ("std_error", .optional(hr.standardError)), ("ratio", .optional(hr.hazardRatio)),
                    ("lower", .optional(hr.lower)), ("upper", .optional(hr.upper)), ("p_value", .optional(hr.pValue)),
                ]
            }
        } ?? .null
        let lr = fit.likelihoodRatioTest
        let ranked = comparison.enumerated().map { index, candidate -> JSONValue in
            .object([
                ("rank", .integer(index + 1)), ("distribution", .string(candidate.distribution.name)),
                ("parameters", .integer(candidate.parameterCount)),
                ("log_likelihood", .optional(candidate.logLikelihood)), ("aic", .optional(candidate.aic)),
                ("bic", .optional(candidate.bic)), ("scale", .optional(candidate.scale)),
                ("converged", .bool(candidate.isConverged)),
            ])
        }
        let shared = Self.fitJSON(
            result, level: fit.confidenceLevel, ratio: "time_ratio", coefficients: coefficients,
            logLikelihood: fit.logLikelihood, nullLogLikelihood: fit.nullLogLikelihood, iterations: fit.iterations,
            converged: fit.isConverged)
        return [("distribution", .string(fit.distribution.name))] + shared + [
            ("scale", .optional(fit.scale)),
            ("log_scale", logScale),
            ("scale_lower", .optional(fit.scaleEstimate?.scaleLower)),
            ("scale_upper", .optional(fit.scaleEstimate?.scaleUpper)),
            ("shape", shape),
            ("hazard_ratios", hazardRatios),
            (
                "tests",
                .object([
                    ("likelihood_ratio", Self.testJSON(lr.statistic, lr.degreesOfFreedom, lr.pValue)),
                    ("wald", .null), ("score", .null),
                ])
            ),
            ("comparison", .array(ranked)),
        ]
    }

    /// The members both model families share, in this order: `confidence_level`, `reference_levels`,
    /// `ratio` (the name of the ratio column), `coefficients`, `log_likelihood`, `null_log_likelihood`,
    /// `aic`, `bic`, `iterations`, `converged`.
    static func fitJSON(
        _ result: RegressionResult, level: Double, ratio: String, coefficients: [JSONValue], logLikelihood: Double,
        nullLogLikelihood: Double, iterations: Int, converged: Bool
    ) -> [(key: String, value: JSONValue)] {
        [
            ("confidence_level", .optional(level)),
            ("reference_levels", referenceJSON(result)),
            ("ratio", .string(ratio)),
            ("coefficients", .array(coefficients)),
            ("log_likelihood", .optional(logLikelihood)),
            ("null_log_likelihood", .optional(nullLogLikelihood)),
            ("aic", .optional(result.aic)),
            ("bic", .optional(result.bic)),
            ("iterations", .integer(iterations)),
            ("converged", .bool(converged)),
        ]
    }

    static func coefficientJSON(
        term: String, estimate: Double, standardError: Double, robust: Double?, z: Double, p: Double, ratio: Double,
        lower: Double, upper: Double
    ) -> JSONValue {
        .object([
            ("term", .string(term)), ("estimate", .optional(estimate)), ("std_error", .optional(standardError)),
            ("robust_std_error", .optional(robust)), ("z", .optional(z)), ("p_value", .optional(p)),
            ("ratio", .optional(ratio)), ("lower", .optional(lower)), ("upper", .optional(upper)),
        ])
    }

    static func testJSON(_ statistic: Double, _ df: Int, _ p: Double) -> JSONValue {
        .object([("statistic", .optional(statistic)), ("df", .integer(df)), ("p_value", .optional(p))])
    }

    static func referenceJSON(_ result: RegressionResult) -> JSONValue {
        .object(result.referenceLevels.map { ($0.column, .string($0.level)) })
    }
}
