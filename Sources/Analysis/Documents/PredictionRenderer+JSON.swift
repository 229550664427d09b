import Regression
import Reporting

extension PredictionRenderer {
    /// The members of the predictions' JSON output, which has the keys in this order:
    ///
    /// ```
    /// {"version", "command", "date"?, "input": {...}, "options": {name: value},
    ///  "model", "requested_model", "formula", "n", "events", "cluster": {"column", "count"} | null,
    ///  "confidence_level", "times": [..], "tau": {"value", "explanation"} | null, "last_observed_time",
    ///  "patient"? (models with per-patient effects: see ``patientJSON(_:)``),
    ///  "profiles": [{"values": {column: number | level}, "label", "linear_predictor",
    ///                "linear_predictor_std_error",
    ///                "survival": [{"time", "estimate", "std_error", "lower", "upper"}],
    ///                "median": {"estimate", "std_error", "lower", "upper"} | null,
    ///                "rmst": {"tau", "estimate", "std_error", "lower", "upper"} | null}],
    ///  "warnings": [..]}
    /// ```
    /// `survival` is the probability that relief is still ongoing; intervals are delta-method ones at
    /// `confidence_level` (Cox models: from the curve `survfit(coxph_fit, newdata)`, the median without
    /// a standard error and the rmst without an interval, and each profile also has `"stratum"` (label or
    /// null) and `"stratum_n"`). Non-finite numbers are `null`.
    /// - Parameter result: The predictions.
    /// - Returns: The members, in order.
    /// - Complexity: O(profiles x times).
    public func jsonMembers(_ result: PredictionResult) -> [(key: String, value: JSONValue)] {
        let regression = result.regression
        return RegressionRenderer.modelMembers(regression) + [
            ("cluster", .cluster(column: regression.clusterColumn, count: regression.clusterCount)),
            ("confidence_level", .optional(regression.confidenceLevel)),
            ("times", .array(result.times.map { .optional($0) })),
            (
                "tau",
                result.tau.map { .object([("value", .optional($0)), ("explanation", .string(result.tauExplanation))]) }
                    ?? .null
            ),
            ("last_observed_time", .optional(result.lastObservedTime)),
        ] + (result.patient.map { [("patient", Self.patientJSON($0))] } ?? []) + [
            ("profiles", .array(result.profiles.map { profileJSON($0, result: result) })),
        ]
    }

    /// `{"requested", "curve": "patient" | "population", "effect", "scale": "log_hazard" | "log_time",
    /// "variance", "episodes", "events", "description"}` (the effect's members null for the population curve).
    static func patientJSON(_ patient: PatientPrediction) -> JSONValue {
        let effect = patient.effect
        return .object([
            ("requested", .optional(patient.requested)),
            ("curve", .string(effect == nil ? "population" : "patient")),
            ("effect", .optional(effect?.estimate)), ("scale", .optional(effect?.scale.rawValue)),
            ("variance", .optional(effect?.variance)),
            ("episodes", .optional(effect?.episodes)), ("events", .optional(effect?.events)),
            ("description", .string(describe(patient))),
        ])
    }

    func profileJSON(_ profile: PredictionResult.Profile, result: PredictionResult) -> JSONValue {
        let numeric = result.numericColumns
        let values = profile.values.map { pair -> (key: String, value: JSONValue) in
            if numeric.contains(pair.column), let number = Double(pair.value), number.isFinite {
                return (pair.column, .number(number))
            }
            return (pair.column, .string(pair.value))
        }
        let prediction = profile.prediction
        let median = prediction.median.map { q in
            JSONValue.object(
                JSONValue.estimateMembers(q.estimate, standardError: q.standardError, lower: q.lower, upper: q.upper)
                    + [("extrapolated", .bool(result.isExtrapolated(q.estimate)))])
        } ?? .null
        /// A timed estimate as JSON, its time under `key`.
        func timed(_ row: TimedEstimate, key: String) -> JSONValue {
            .object(
                [(key, .optional(row.time))]
                    + JSONValue.estimateMembers(row.estimate, standardError: row.standardError, lower: row.lower, upper: row.upper)
                    + [("extrapolated", .bool(result.isExtrapolated(row.time)))])
        }
        let rmst = prediction.restrictedMean.map { timed($0, key: "tau") } ?? .null
        let survival = prediction.survival.map { timed($0, key: "time") }
        var members: [(key: String, value: JSONValue)] = [
            ("values", .object(values)),
            ("label", .string(profile.label)),
            ("linear_predictor", .optional(prediction.linearPredictor)),
            ("linear_predictor_std_error", .optional(prediction.linearPredictorStandardError)),
            ("survival", .array(survival)),
            ("median", median),
            ("rmst", rmst),
        ]
        if let cox = profile.coxPrediction {
            members.append(("stratum", .optional(profile.stratumLabel)))
            members.append(("stratum_n", .integer(cox.n)))
        }
        return .object(members)
    }
}
