import Analysis
import DataIO
import DoseResponse
import Foundation
@testable import Reporting
import Testing

/// The schedule renderer on a hand-made result: every format renders, JSON has every cell with the
/// documented keys and `null` (not NaN) for a missing interval, and the text shows the assumptions.
@Suite struct ScheduleRendererTests {
    static let input = ReportInput(file: "toy.csv", sha256: "00", rowsRead: 10, rowsUsed: 9,
                                   exclusions: [Exclusion(line: 4, column: "dose_mg_kg", reason: "missing dose", isMissing: true)],
                                   delimiter: "comma")
    static let provenance = Provenance(file: "toy.csv", sha256: "00", command: "relief schedule", version: "9.9.9-test",
                                       options: [Provenance.Option(name: "formula", value: "dose_mg_kg + interval_days")])

    static func cell(_ dose: Double, _ interval: Double, _ coverage: Double) -> MaintenanceScheduleResult.Cell {
        MaintenanceScheduleResult.Cell(
            dose: dose, interval: interval, coverage: coverage, coverageStandardError: 0.02, lower: coverage - 0.04,
            upper: coverage + 0.03, restrictedMean: coverage * interval, restrictedMeanStandardError: 0.02 * interval,
            meetsTarget: coverage >= 0.8)
    }

    static let report = ScheduleReport(
        model: "weibull", formula: "dose_mg_kg + interval_days + baseline_pain",
        modelLines: [("model", "weibull"), ("formula", "dose_mg_kg + interval_days + baseline_pain")], n: 9, events: 7,
        schedule: MaintenanceScheduleResult(
            doses: [0.5, 1], intervals: [7, 14], target: 0.8, confidenceLevel: 0.95,
            cells: [cell(0.5, 7, 0.75), cell(0.5, 14, 0.6), cell(1, 7, 0.9), cell(1, 14, 0.7)],
            longestIntervals: [
                .init(dose: 0.5, interval: nil, conservativeInterval: nil, solvedInterval: nil, note: "below at the shortest"),
                .init(dose: 1, interval: 7, conservativeInterval: 7, solvedInterval: 10.4, note: "crosses between 7 and 14"),
            ],
            fixedCovariates: [("baseline_pain", "6")], assumptions: ["each infusion restarts relief", "held at baseline_pain=6"],
            warnings: []),
        modelWarnings: [])

    @Test func jsonHasEveryCellAndTheLongestIntervals() throws {
        let text = ScheduleRenderer(format: .json).render(Self.report, input: Self.input, provenance: Self.provenance)
        #expect(!text.contains("NaN") && !text.contains("Infinity"))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        for key in ["version", "input", "model", "formula", "n", "events", "confidence_level", "confidence_transform",
                    "target", "doses", "intervals", "held_at", "cells", "longest_interval", "assumptions", "warnings"] {
            #expect(object[key] != nil, "key \(key)")
        }
        let cells = try #require(object["cells"] as? [[String: Any]])
        #expect(cells.count == 4)
        for cell in cells {
            for key in ["dose", "interval", "coverage", "lower", "upper", "rmst", "rmst_std_error", "std_error", "meets_target"] {
                #expect(cell[key] != nil, "cell key \(key)")
            }
        }
        #expect(cells[2]["coverage"] as? Double == 0.9)
        #expect(cells[2]["meets_target"] as? Bool == true)
        let longest = try #require(object["longest_interval"] as? [[String: Any]])
        #expect(longest.count == 2)
        #expect(longest[0]["interval"] is NSNull)
        #expect(longest[1]["interval"] as? Double == 7)
        #expect(longest[1]["solved_interval"] as? Double == 10.4)
        #expect((object["held_at"] as? [String: Any])?["baseline_pain"] as? Double == 6)
        #expect((object["assumptions"] as? [String])?.count == 2)
    }

    @Test func tableShowsTheMatrixTargetMarksAndAssumptions() {
        let text = ScheduleRenderer(format: .table).render(Self.report, input: Self.input, provenance: Self.provenance)
        #expect(text.contains("0.90* (0.86-0.93)"))
        #expect(text.contains("0.75 (0.71-0.78)"))
        #expect(text.contains("each infusion restarts relief"))
        #expect(text.contains("held at:"))
        #expect(text.contains("10.4"))
        let markdown = ScheduleRenderer(format: .markdown).render(Self.report, input: Self.input, provenance: Self.provenance)
        #expect(markdown.contains("| dose |"))
    }

    @Test func csvHasOneRowPerMeasure() {
        let text = ScheduleRenderer(format: .csv).render(Self.report, input: Self.input, provenance: Self.provenance)
        let lines = text.split(separator: "\n")
        #expect(lines.first?.hasPrefix("section,dose,interval,measure,estimate") == true)
        // 3 input + 4 cells x 2 measures + 2 doses x 3 longest + 2 assumptions + 1 exclusion, plus the header.
        #expect(lines.count == 1 + 3 + 8 + 6 + 2 + 1)
        #expect(lines.contains { $0.hasPrefix("cell,1.0,7.0,coverage,0.9,") })
    }
}
