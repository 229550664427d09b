import Reporting
import Survival

extension SummaryRenderer {
    /// The members of the summary's JSON output, which has the keys in this order:
    ///
    /// ```
    /// {"version", "command", "date"?, "input": {"file", "sha256", "rows_read", "rows_used",
    ///   "rows_excluded", "delimiter", "exclusions": [{"line", "column", "reason", "missing"}]},
    ///  "options": {name: value}, "by": [columns], "strata": column|null,
    ///  "confidence_transform", "confidence_level", "times": [..], "quantile_probabilities": [..],
    ///  "rmst_tau": {"tau", "rule", "explanation"},
    ///  "groups": [{"by": {column: level}, "n", "events", "censored",
    ///              "median": {"estimate", "lower", "upper"}, "median_follow_up": {"estimate", "lower", "upper"},
    ///              "quartiles": [{"probability", "estimate", "lower", "upper"}],
    ///              "survival": [{"time", "n_risk", "estimate", "std_error", "lower", "upper", "beyond_last_time"}],
    ///              "rmst": {"tau", "estimate", "std_error"}}],
    ///  "tests": [{"name", "by", "columns", "strata", "statistic", "df", "p_value", "scores"?, "components"?,
    ///             "groups": [{"by": {...}, "n", "observed", "expected"}]}],
    ///  "median_table": null | {"rows", "columns", "row_levels", "column_levels",
    ///                          "cells": [[{"n", "events", "estimate", "lower", "upper"} | null]]},
    ///  "pairwise"?: {"test", "adjustment", "strata", "pairs": [{"first", "second", "statistic", "p_value",
    ///               "p_adjusted"}]},
    ///  "warnings": [..]}
    /// ```
    /// Without `by` columns there is one group with `"by": {}`. Unknown numbers (not reached, undefined)
    /// are `null`; NaN and infinities never appear. `std_error` is the SE of S(t).
    /// - Parameter result: The summary.
    /// - Returns: The members, in order.
    public func jsonMembers(_ result: SurvivalSummaryResult) -> [(key: String, value: JSONValue)] {
        [
            ("by", .array(result.byColumns.map(JSONValue.string))),
            ("strata", .optional(result.strataColumn)),
            ("confidence_transform", .string(result.confidenceTransform.rawValue)),
            ("confidence_level", .number(result.confidenceLevel)),
            ("times", .array(result.times.map(JSONValue.number))),
            ("quantile_probabilities", .array(result.quantileProbabilities.map(JSONValue.number))),
            (
                "rmst_tau",
                .object([
                    ("tau", .optional(result.tau)), ("rule", .string(result.tauRule.rawValue)),
                    ("explanation", .string(result.tauRule.explanation)),
                ])
            ),
            ("groups", .array(result.groups.map(Self.groupJSON))),
            ("tests", .array(result.tests.map(Self.testJSON))),
            ("median_table", result.medianTable.map(Self.medianTableJSON) ?? .null),
        ] + (result.pairwise.map { [("pairwise", Self.pairwiseJSON($0))] } ?? [])
    }

    static func byJSON(_ by: [ByLevel]) -> JSONValue {
        .object(by.map { ($0.column, .string($0.level)) })
    }

    static func quantileJSON(_ quantile: QuantileEstimate, withProbability: Bool) -> JSONValue {
        var members: [(key: String, value: JSONValue)] = []
        if withProbability { members.append(("probability", .number(quantile.probability))) }
        members += [
            ("estimate", .optional(quantile.estimate)), ("lower", .optional(quantile.lower)),
            ("upper", .optional(quantile.upper)),
        ]
        return .object(members)
    }

    static func groupJSON(_ group: SurvivalSummaryGroup) -> JSONValue {
        let survival = group.survival.map { row -> JSONValue in
            let time: [(key: String, value: JSONValue)] = [("time", .optional(row.time)), ("n_risk", .integer(row.atRisk))]
            let estimate = JSONValue.estimateMembers(row.estimate, standardError: row.standardError, lower: row.lower, upper: row.upper)
            return .object(time + estimate + [("beyond_last_time", .bool(row.isBeyondLastTime))])
        }
        return .object([
            ("by", byJSON(group.by)),
            ("n", .integer(group.n)),
            ("events", .integer(group.events)),
            ("censored", .integer(group.censored)),
            ("median", quantileJSON(group.median, withProbability: false)),
            ("median_follow_up", quantileJSON(group.medianFollowUp, withProbability: false)),
            ("quartiles", .array(group.quantiles.map { quantileJSON($0, withProbability: true) })),
            ("survival", .array(survival)),
            (
                "rmst",
                .object([
                    ("tau", .optional(group.restrictedMean.tau)),
                    ("estimate", .optional(group.restrictedMean.estimate)),
                    ("std_error", .optional(group.restrictedMean.standardError)),
                ])
            ),
        ])
    }

    static func testJSON(_ test: SurvivalSummaryTest) -> JSONValue {
        var members: [(key: String, value: JSONValue)] = [
            ("name", .string(test.name)),
            ("by", .string(testBy(test))),
            ("columns", .array(test.by.map(JSONValue.string))),
            ("strata", .optional(test.strata)),
            ("statistic", .optional(test.statistic)),
            ("df", .optional(test.degreesOfFreedom)),
            ("p_value", .optional(test.pValue)),
        ]
        if let scores = test.scores { members.append(("scores", .array(scores.map(JSONValue.optional)))) }
        if let components = test.components {
            members.append(("components", .objects(components) { [("weight", .string($0.weight.name)), ("z", .optional($0.z))] }))
        }
        members.append(
            (
                "groups",
                .objects(test.groups) { group in
                    [
                        ("by", byJSON(group.by)), ("n", .integer(group.n)),
                        ("observed", .optional(group.observed)), ("expected", .optional(group.expected)),
                    ]
                }
            ))
        return .object(members)
    }

    static func medianTableJSON(_ table: MedianTable) -> JSONValue {
        .object([
            ("rows", .string(table.rowColumn)),
            ("columns", .string(table.columnColumn)),
            ("row_levels", .array(table.rowLevels.map(JSONValue.string))),
            ("column_levels", .array(table.columnLevels.map(JSONValue.string))),
            (
                "cells",
                .array(
                    table.cells.map { row in
                        .array(
                            row.map { cell in
                                guard let cell else { return .null }
                                return .object([
                                    ("n", .integer(cell.n)), ("events", .integer(cell.events)),
                                    ("estimate", .optional(cell.median.estimate)),
                                    ("lower", .optional(cell.median.lower)), ("upper", .optional(cell.median.upper)),
                                ])
                            })
                    })
            ),
        ])
    }
}
