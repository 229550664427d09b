import DoseResponse
import Reporting

extension DoseResponseRenderer {
    /// The fits as JSON, keys in this order:
    ///
    /// ```
    /// {"version", "command", "date"?, "input": {...}, "options": {name: value}, "dose_column", "response",
    ///  "summary" | null, "type", "confidence_level", "observations",
    ///  "points": [{"dose", "estimate", "std_error", "n", "events"}], "dropped": [..],
    ///  "fits": [{"model", "parameters": [{"name", "estimate", "std_error", "lower", "upper", "at_bound"}],
    ///            "rss", "log_likelihood", "aic", "aic_weight", "at_bound": [..], "converged"}],
    ///  "ed": [{"model", "p", "estimate", "std_error", "lower", "upper"}],
    ///  "target_dose": [{"model", "gain", "estimate", "std_error", "lower", "upper"}],
    ///  "curve": [{"model", "dose", "estimate", "std_error", "lower", "upper"}], "warnings": [..]}
    /// ```
    /// `points` holds the stage-1 summaries (for a raw `--response`, the per-dose means and counts);
    /// `rss` is the GLS criterion for type general. Non-finite numbers are `null`.
    /// - Parameters:
    ///   - result: The fits.
    ///   - input: The input record.
    ///   - provenance: The provenance.
    ///   - warnings: The warnings.
    /// - Returns: The JSON value.
    /// - Complexity: O(models x curve points + exclusions).
    public func json(
        _ result: DoseResponseReport, input: ReportInput, provenance: Provenance, warnings: [String]
    ) -> JSONValue {
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
        return provenance.jsonDocument(
            input: input,
            members: [
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
                    .array(
                        fits.fits.flatMap { fit in
                            fit.effectiveDoses.map { ed in
                                JSONValue.object([
                                    ("model", .string(fit.model.rawValue)), ("p", .optional(ed.probability)),
                                    ("estimate", .optional(ed.estimate)), ("std_error", .optional(ed.standardError)),
                                    ("lower", .optional(ed.lower)), ("upper", .optional(ed.upper)),
                                ])
                            }
                        })
                ),
                (
                    "target_dose",
                    .array(
                        fits.fits.compactMap { fit in
                            fit.targetDose.map { td in
                                JSONValue.object([
                                    ("model", .string(fit.model.rawValue)), ("gain", .optional(td.gain)),
                                    ("estimate", .optional(td.estimate)), ("std_error", .optional(td.standardError)),
                                    ("lower", .optional(td.lower)), ("upper", .optional(td.upper)),
                                ])
                            }
                        })
                ),
                (
                    "curve",
                    .array(
                        fits.fits.flatMap { fit in
                            fit.curve.map { point in
                                JSONValue.object([
                                    ("model", .string(fit.model.rawValue)), ("dose", .optional(point.dose)),
                                    ("estimate", .optional(point.estimate)), ("std_error", .optional(point.standardError)),
                                    ("lower", .optional(point.lower)), ("upper", .optional(point.upper)),
                                ])
                            }
                        })
                ),
            ],
            warnings: warnings)
    }

    static func fitJSON(_ fit: DoseModelFit) -> JSONValue {
        .object([
            ("model", .string(fit.model.rawValue)),
            (
                "parameters",
                .array(
                    fit.parameters.map { p in
                        .object([
                            ("name", .string(p.name)), ("estimate", .optional(p.estimate)),
                            ("std_error", .optional(p.standardError)), ("lower", .optional(p.lower)),
                            ("upper", .optional(p.upper)), ("at_bound", .bool(p.atBound)),
                        ])
                    })
            ),
            ("rss", .optional(fit.residualSumOfSquares)),
            ("log_likelihood", .optional(fit.logLikelihood)),
            ("aic", .optional(fit.aic)),
            ("aic_weight", .optional(fit.aicWeight)),
            ("at_bound", .array(fit.atBound.map(JSONValue.string))),
            ("converged", .bool(fit.converged)),
        ])
    }
}
