import DoseResponse
import Reporting

extension DoseResponseRenderer {
    /// The members of the fits' JSON output, which has the keys in this order:
    ///
    /// ```
    /// {"version", "command", "date"?, "input": {...}, "options": {name: value}, "dose_column", "response",
    ///  "summary" | null, "type", "confidence_level", "observations",
    ///  "points": [{"dose", "estimate", "std_error", "n", "events"}], "dropped": [..],
    ///  "fits": [{"model", "parameters": [{"name", "estimate", "std_error", "lower", "upper", "at_bound"}],
    ///            "rss", "log_likelihood", "aic", "aic_weight", "at_bound": [..], "converged",
    ///            "identified", "identification": "..." | null}],
    ///  "ed": [{"model", "p", "estimate", "std_error", "lower", "upper"}],
    ///  "target_dose": [{"model", "gain", "estimate", "std_error", "lower", "upper"}],
    ///  "curve": [{"model", "dose", "estimate", "std_error", "lower", "upper"}], "warnings": [..]}
    /// ```
    /// `points` holds the stage-1 summaries (for a raw `--response`, the per-dose means and counts);
    /// `rss` is the GLS criterion for type general. A model whose ED50 is not identified
    /// (``DoseModelFit/isIdentified``) has no `parameters`, and no rows in `ed`, `target_dose` and `curve`.
    /// Non-finite numbers are `null`.
    /// - Parameter result: The fits.
    /// - Returns: The members, in order.
    /// - Complexity: O(models x curve points).
    public func jsonMembers(_ result: DoseResponseReport) -> [(key: String, value: JSONValue)] {
        let fits = result.result
        var points: [JSONValue] = []
        if let stage1 = result.points {
            let ses = stage1.standardErrors
            points = stage1.doses.indices.map { k in
                .object([
                    ("dose", .optional(stage1.doses[k])), ("estimate", .optional(stage1.estimates[k])),
                    ("std_error", .optional(ses.indices.contains(k) ? ses[k] : nil)),
                    ("n", .optional(stage1.counts.indices.contains(k) ? stage1.counts[k] : nil)),
                    ("events", .optional(stage1.events.indices.contains(k) ? stage1.events[k] : nil)),
                ])
            }
        } else {
            points = fits.doses.indices.map { k in
                .object([
                    ("dose", .optional(fits.doses[k])),
                    ("estimate", .optional(fits.responses.indices.contains(k) ? fits.responses[k] : nil)),
                    ("std_error", .null),
                    ("n", .optional(fits.counts.flatMap { $0.indices.contains(k) ? $0[k] : nil })), ("events", .null),
                ])
            }
        }
        return [
            ("dose_column", .string(result.doseColumn)),
            ("response", .string(result.responseLabel)),
            ("summary", .optional(result.summaryName)),
            ("type", .string(fits.type.rawValue)),
            ("confidence_level", .optional(fits.confidenceLevel)),
            ("observations", .integer(fits.observationCount)),
            ("points", .array(points)),
            ("dropped", .array((result.points?.dropped ?? []).map(JSONValue.string))),
            ("fits", .array(fits.fits.map(Self.fitJSON))),
            (
                "ed",
                Self.perModelJSON(fits.fits, rows: { $0.isIdentified ? $0.effectiveDoses : [] }) { ed in
                    [("p", .optional(ed.probability))]
                        + JSONValue.estimateMembers(ed.estimate, standardError: ed.standardError, lower: ed.lower, upper: ed.upper)
                }
            ),
            (
                "target_dose",
                Self.perModelJSON(fits.fits, rows: { fit in fit.isIdentified ? fit.targetDose.map { [$0] } ?? [] : [] }) { td in
                    [("gain", .optional(td.gain))]
                        + JSONValue.estimateMembers(td.estimate, standardError: td.standardError, lower: td.lower, upper: td.upper)
                }
            ),
            (
                "curve",
                Self.perModelJSON(fits.fits, rows: { $0.isIdentified ? $0.curve : [] }) { point in
                    [("dose", .optional(point.dose))]
                        + JSONValue.estimateMembers(
                            point.estimate, standardError: point.standardError, lower: point.lower, upper: point.upper)
                }
            ),
        ]
    }

    /// One object per model and row of that model: `model`, then the row's members.
    static func perModelJSON<Row>(
        _ fits: [DoseModelFit], rows: (DoseModelFit) -> [Row], members: (Row) -> [(key: String, value: JSONValue)]
    ) -> JSONValue {
        .objects(fits.flatMap { fit in rows(fit).map { (fit.model, $0) } }) { model, row in
            [("model", .string(model.rawValue))] + members(row)
        }
    }

    static func fitJSON(_ fit: DoseModelFit) -> JSONValue {
        .object([
            ("model", .string(fit.model.rawValue)),
            (
                "parameters",
                .objects(fit.isIdentified ? fit.parameters : []) { p in
                    [("name", .string(p.name))]
                        + JSONValue.estimateMembers(p.estimate, standardError: p.standardError, lower: p.lower, upper: p.upper)
                        + [("at_bound", .bool(p.atBound))]
                }
            ),
            ("rss", .optional(fit.residualSumOfSquares)),
            ("log_likelihood", .optional(fit.logLikelihood)),
            ("aic", .optional(fit.aic)),
            ("aic_weight", .optional(fit.aicWeight)),
            ("at_bound", .array(fit.atBound.map(JSONValue.string))),
            ("converged", .bool(fit.converged)),
            ("identified", .bool(fit.isIdentified)),
            ("identification", .optional(fit.identificationStatement)),
        ])
    }
}
