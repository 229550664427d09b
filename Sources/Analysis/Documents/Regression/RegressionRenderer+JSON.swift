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
    ///  "weights": {"column", "total", "integers", "variance"} (only with --weights; n and events stay rows),
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
    ///  "term_tests": {"tests": [{"term", "df", "wald": {"statistic", "df", "p_value"},
    ///        "likelihood_ratio": {...} | null, "aic_without"}], "contained_terms": [...]} (absent when not asked for),
    ///  "warnings": [..]}
    /// ```
    /// `std_error` is the model-based SE and `robust_std_error` the sandwich one (null without it); `z`,
    /// `p_value` and the interval of `ratio` use the robust SE when there is one, as R. Unknown or
    /// non-finite numbers are `null`; NaN and infinities never appear.
    /// - Parameter result: The fitted model.
    /// - Returns: The members, in order.
    /// - Complexity: O(terms).
    public func jsonMembers(_ result: RegressionResult) -> [(key: String, value: JSONValue)] {
        let members = Self.modelMembers(result) + [
            ("strata", .array(result.strataColumns.map(JSONValue.string))),
            ("cluster", .cluster(column: result.clusterColumn, count: result.clusterCount)),
        ]
        return members + (result.caseWeights.map { [("weights", $0.json)] } ?? []) + result.estimates.jsonMembers(result)
            + (result.termTests.map { [("term_tests", $0.json)] } ?? [])
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

    /// The members both model families share, in this order: `confidence_level`, `reference_levels`,
    /// `ratio` (the name of the ratio column), `coefficients`, `log_likelihood`, `null_log_likelihood`,
    /// `aic`, `bic`, `iterations`, `converged`.
    static func fitJSON(
        _ result: RegressionResult, ratio: String, coefficients: [JSONValue], logLikelihood: Double,
        nullLogLikelihood: Double, iterations: Int, converged: Bool
    ) -> [(key: String, value: JSONValue)] {
        [
            ("confidence_level", .optional(result.confidenceLevel)),
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

    static func testJSON(_ test: CoxPHTest) -> JSONValue {
        testJSON(test.statistic, test.degreesOfFreedom, test.pValue)
    }

    static func testJSON(_ statistic: Double, _ df: Int, _ p: Double) -> JSONValue {
        .object([("statistic", .optional(statistic)), ("df", .integer(df)), ("p_value", .optional(p))])
    }

    static func referenceJSON(_ result: RegressionResult) -> JSONValue {
        .object(result.referenceLevels.map { ($0.column, .string($0.level)) })
    }
}
