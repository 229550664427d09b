import Reporting

extension ScheduleRenderer {
    /// The members of the schedule's JSON output, which has the keys in this order:
    ///
    /// ```
    /// {"version", "command", "date"?, "input": {...}, "options": {name: value}, "model", "formula", "n",
    ///  "events", "confidence_level", "confidence_transform": "logit", "target", "doses": [..],
    ///  "intervals": [..], "held_at": {column: value}, "patient"? (as `relief predict`'s),
    ///  "cells": [{"dose", "interval", "coverage", "std_error", "lower", "upper", "rmst", "rmst_std_error",
    ///             "meets_target"}],
    ///  "longest_interval": [{"dose", "interval", "solved_interval", "conservative_interval", "note"}],
    ///  "assumptions": [..], "warnings": [..]}
    /// ```
    /// `interval` in `longest_interval` is `null` when no grid interval meets the target. Non-finite
    /// numbers are `null`.
    /// - Parameter result: The schedule.
    /// - Returns: The members, in order.
    /// - Complexity: O(doses x intervals).
    public func jsonMembers(_ result: ScheduleReport) -> [(key: String, value: JSONValue)] {
        let schedule = result.schedule
        return [
            ("model", .string(result.model)),
            ("formula", .string(result.formula)),
            ("n", .integer(result.n)),
            ("events", .integer(result.events)),
            ("confidence_level", .optional(schedule.confidenceLevel)),
            ("confidence_transform", .string("logit")),
            ("target", .optional(schedule.target)),
            ("doses", .array(schedule.doses.map { .optional($0) })),
            ("intervals", .array(schedule.intervals.map { .optional($0) })),
            ("held_at", .object(schedule.fixedCovariates.map { ($0.column, Self.valueJSON($0.value)) })),
        ] + (result.patient.map { [("patient", PredictionRenderer.patientJSON($0))] } ?? []) + [
            (
                "cells",
                .objects(schedule.cells) { cell in
                    [
                        ("dose", .optional(cell.dose)), ("interval", .optional(cell.interval)),
                        ("coverage", .optional(cell.coverage)), ("std_error", .optional(cell.coverageStandardError)),
                        ("lower", .optional(cell.lower)), ("upper", .optional(cell.upper)),
                        ("rmst", .optional(cell.restrictedMean)),
                        ("rmst_std_error", .optional(cell.restrictedMeanStandardError)),
                        ("meets_target", .bool(cell.meetsTarget)),
                    ]
                }
            ),
            (
                "longest_interval",
                .objects(schedule.longestIntervals) { row in
                    [
                        ("dose", .optional(row.dose)), ("interval", .optional(row.interval)),
                        ("solved_interval", .optional(row.solvedInterval)),
                        ("conservative_interval", .optional(row.conservativeInterval)), ("note", .string(row.note)),
                    ]
                }
            ),
            ("assumptions", .array(schedule.assumptions.map(JSONValue.string))),
        ]
    }

    /// A held value as a JSON number when it is one, else a string.
    static func valueJSON(_ text: String) -> JSONValue {
        if let number = Double(text), number.isFinite { return .number(number) }
        return .string(text)
    }
}
