@testable import DataIO
import Foundation
@testable import Survival
import Testing

/// BaselineCharacteristics and NumericSummary on small hand-made data with exact expected values.
@Suite struct BaselineHandComputedTests {
    static let tolerance = 1e-12

    static func close(_ actual: Double?, _ expected: Double?, _ what: String,
                      sourceLocation: SourceLocation = #_sourceLocation) {
        SurvivalTolerance.expectClose(actual, expected, tolerance: tolerance, what, sourceLocation: sourceLocation)
    }

    static func source(rows: Int) -> SourceInfo {
        SourceInfo(file: "hand.csv", sha256: "", byteCount: 0, rowsRead: rows, delimiter: "comma")
    }

    /// Six rows, groups a (rows 0-3), b (row 4), c (row 5), and "none" without rows.
    ///   pain:      2, 4, 4, 10 | 7 | NaN          (c has no value)
    ///   empty:     NaN everywhere
    ///   route:     IV, IV, nasal, missing | nasal | IV
    ///   patients:  0, 0, 1, 2 | 3 | missing id
    static func dataset() -> (SurvivalDataset, Grouping) {
        let grouping = Grouping(
            column: "arm", levels: ["a", "b", "c", "none"], codes: [0, 0, 0, 0, 1, 2], scores: nil, isBanded: false)
        let covariates = [
            CovariateColumn(name: "pain", columnNumber: 3, values: .numeric([2, 4, 4, 10, 7, .nan])),
            CovariateColumn(name: "empty", columnNumber: 4, values: .numeric([Double](repeating: .nan, count: 6))),
            CovariateColumn(
                name: "route", columnNumber: 5, values: .categorical(levels: ["IV", "nasal"], codes: [0, 0, 1, -1, 1, 0])),
        ]
        let data = SurvivalDataset(
            source: source(rows: 6), time: [1, 2, 3, 4, 5, 6], event: [true, false, true, true, false, true],
            groupings: [grouping], patients: 4, patientCodes: [0, 0, 1, 2, 3, -1], covariates: covariates)
        return (data, grouping)
    }

    // MARK: NumericSummary

    @Test func fourValues() {
        let s = NumericSummary(summarizing: [4, 1, 3, 2])
        #expect(s.n == 4)
        Self.close(s.mean, 2.5, "mean")
        Self.close(s.standardDeviation, (5.0 / 3.0).squareRoot(), "sd")  // Σ(x − 2.5)² = 5, / 3
        Self.close(s.median, 2.5, "median")
        Self.close(s.lowerQuartile, 1.75, "q1")  // index 1.75: 1 + 0.75·(2 − 1)
        Self.close(s.upperQuartile, 3.25, "q3")  // index 3.25: 3 + 0.25·(4 − 3)
        Self.close(s.minimum, 1, "min")
        Self.close(s.maximum, 4, "max")
    }

    @Test func fiveValuesOddMedianIntegerIndices() {
        let s = NumericSummary(summarizing: [3, 1, 2, 10, 4])
        Self.close(s.mean, 4, "mean")
        Self.close(s.standardDeviation, 12.5.squareRoot(), "sd")  // (9 + 4 + 1 + 0 + 36) / 4
        Self.close(s.median, 3, "median")
        Self.close(s.lowerQuartile, 2, "q1")  // index 2
        Self.close(s.upperQuartile, 4, "q3")  // index 4
    }

    @Test func sevenValuesHalfIndices() {
        let s = NumericSummary(summarizing: [7, 6, 5, 4, 3, 2, 1])
        Self.close(s.lowerQuartile, 2.5, "q1")  // index 2.5
        Self.close(s.upperQuartile, 5.5, "q3")  // index 5.5
        Self.close(s.median, 4, "median")
    }

    @Test func oneValueHasNoStandardDeviation() {
        let s = NumericSummary(summarizing: [4.5])
        #expect(s.n == 1)
        #expect(s.standardDeviation == nil)
        Self.close(s.mean, 4.5, "mean")
        Self.close(s.median, 4.5, "median")
        Self.close(s.lowerQuartile, 4.5, "q1")
        Self.close(s.upperQuartile, 4.5, "q3")
        Self.close(s.minimum, 4.5, "min")
        Self.close(s.maximum, 4.5, "max")
    }

    @Test func noValuesGiveNoStatistics() {
        let expected = NumericSummary(
            n: 0, mean: nil, standardDeviation: nil, median: nil, lowerQuartile: nil, upperQuartile: nil,
            minimum: nil, maximum: nil)
        #expect(NumericSummary(summarizing: []) == expected)
        #expect(NumericSummary(summarizing: [.nan, .infinity]) == expected)
    }

    @Test func nanIsSkipped() {
        let s = NumericSummary(summarizing: [1, .nan, 3])
        #expect(s.n == 2)
        Self.close(s.mean, 2, "mean")
        Self.close(s.standardDeviation, 2.0.squareRoot(), "sd")
    }

    /// A large common offset: a one-pass variance would lose every digit here.
    @Test func largeOffsetKeepsPrecision() {
        let s = NumericSummary(summarizing: [1e9 + 1, 1e9 + 2, 1e9 + 3])
        Self.close(s.mean, 1e9 + 2, "mean")
        Self.close(s.standardDeviation, 1, "sd")
        Self.close(s.lowerQuartile, 1e9 + 1.5, "q1")
    }

    // MARK: The table

    @Test func groupsCountEpisodesPatientsAndEvents() throws {
        let (data, grouping) = Self.dataset()
        let table = try BaselineCharacteristics(variables: ["pain"]).fit(data, by: grouping)
        #expect(table.groupColumn == "arm")
        #expect(table.groups == [
            BaselineGroup(label: "a", isOverall: false, episodes: 4, patients: 3, events: 3),
            BaselineGroup(label: "b", isOverall: false, episodes: 1, patients: 1, events: 0),
            BaselineGroup(label: "c", isOverall: false, episodes: 1, patients: 0, events: 1),
            BaselineGroup(label: "none", isOverall: false, episodes: 0, patients: 0, events: 0),
            BaselineGroup(label: "Overall", isOverall: true, episodes: 6, patients: 4, events: 4),
        ])
        #expect(table.overall?.label == "Overall")
    }

    @Test func numericRowPerGroupWithEmptyAndSingleGroups() throws {
        let (data, grouping) = Self.dataset()
        let table = try BaselineCharacteristics(variables: ["pain"]).fit(data, by: grouping)
        let row = try #require(table.rows.first)
        #expect(row.name == "pain")
        #expect(row.missing == [0, 0, 1, 0, 1])
        guard case .numeric(let s) = row.kind, s.count == 5 else {
            Issue.record("expected five numeric summaries, got \(row.kind)")
            return
        }
        // a: 2, 4, 4, 10 -> mean 5, Σd² = 9 + 1 + 1 + 25 = 36, sd = √12; q1 index 1.75 -> 3.5; q3 index 3.25 -> 5.5.
        #expect(s[0].n == 4)
        Self.close(s[0].mean, 5, "a mean")
        Self.close(s[0].standardDeviation, 12.0.squareRoot(), "a sd")
        Self.close(s[0].median, 4, "a median")
        Self.close(s[0].lowerQuartile, 3.5, "a q1")
        Self.close(s[0].upperQuartile, 5.5, "a q3")
        // b: one value, no SD.
        #expect(s[1].n == 1)
        #expect(s[1].standardDeviation == nil)
        Self.close(s[1].mean, 7, "b mean")
        // c: its only value is missing; "none" has no rows.
        #expect(s[2].n == 0 && s[2].mean == nil && s[2].median == nil)
        #expect(s[3].n == 0 && s[3].minimum == nil && s[3].maximum == nil)
        // Overall: 2, 4, 4, 10, 7 -> mean 5.4, Σd² = 11.56 + 1.96 + 1.96 + 21.16 + 2.56 = 39.2, sd = √9.8.
        #expect(s[4].n == 5)
        Self.close(s[4].mean, 5.4, "overall mean")
        Self.close(s[4].standardDeviation, 9.8.squareRoot(), "overall sd")
        Self.close(s[4].median, 4, "overall median")
        Self.close(s[4].minimum, 2, "overall min")
        Self.close(s[4].maximum, 10, "overall max")
    }

    @Test func allMissingColumn() throws {
        let (data, grouping) = Self.dataset()
        let table = try BaselineCharacteristics(variables: ["empty"]).fit(data, by: grouping)
        let row = try #require(table.rows.first)
        #expect(row.missing == [4, 1, 1, 0, 6])
        guard case .numeric(let s) = row.kind else {
            Issue.record("expected numeric")
            return
        }
        #expect(s.allSatisfy { $0.n == 0 && $0.mean == nil && $0.standardDeviation == nil })
        #expect(row.nonMissing(group: 4) == 0)
    }

    @Test func categoricalCountsAndPercentOfNonMissing() throws {
        let (data, grouping) = Self.dataset()
        let table = try BaselineCharacteristics(variables: ["route"]).fit(data, by: grouping)
        let row = try #require(table.rows.first)
        #expect(row.kind == .categorical(levels: ["IV", "nasal"], counts: [[2, 1], [0, 1], [1, 0], [0, 0], [3, 2]]))
        #expect(row.missing == [1, 0, 0, 0, 1])
        // a: 3 non-missing of 4 episodes -> IV 2/3, nasal 1/3.
        #expect(row.nonMissing(group: 0) == 3)
        Self.close(row.percent(level: 0, group: 0), 200.0 / 3.0, "a IV %")
        Self.close(row.percent(level: 1, group: 0), 100.0 / 3.0, "a nasal %")
        Self.close(row.percent(level: 0, group: 4), 60, "overall IV %")
        // The empty group has no denominator; out-of-range indices give nil.
        #expect(row.percent(level: 0, group: 3) == nil)
        #expect(row.percentages(group: 3) == [nil, nil])
        #expect(row.percent(level: 2, group: 0) == nil)
        #expect(row.percent(level: 0, group: 5) == nil)
        #expect(row.percentages(group: -1).isEmpty)
    }

    @Test func percentIsNilForNumericRows() throws {
        let (data, grouping) = Self.dataset()
        let row = try #require(try BaselineCharacteristics(variables: ["pain"]).fit(data, by: grouping).rows.first)
        #expect(row.percent(level: 0, group: 0) == nil)
        #expect(row.percentages(group: 0).isEmpty)
        #expect(row.nonMissing(group: 0) == 4)
    }

    @Test func overallOnlyAndOrderAndRepeats() throws {
        let (data, _) = Self.dataset()
        let table = try BaselineCharacteristics(variables: ["route", "pain", "route", "weight"]).fit(data, by: nil)
        #expect(table.groupColumn == nil)
        #expect(table.groups == [BaselineGroup(label: "Overall", isOverall: true, episodes: 6, patients: 4, events: 4)])
        #expect(table.rows.map(\.name) == ["route", "pain"])
        #expect(table.rows.allSatisfy { $0.missing.count == 1 })
        #expect(table.withheld == [WithheldColumn(name: "weight", kind: .notRead)])
    }

    @Test func withoutPatientIDsPatientsIsNil() throws {
        let data = SurvivalDataset(source: Self.source(rows: 2), time: [1, 2], event: [true, true])
        let table = try BaselineCharacteristics(variables: []).fit(data, by: nil)
        #expect(table.groups.map(\.patients) == [nil])
        #expect(table.rows.isEmpty && table.withheld.isEmpty)
    }

    // MARK: Errors

    @Test func badInputsThrow() throws {
        let (data, grouping) = Self.dataset()
        let empty = SurvivalDataset(source: Self.source(rows: 0), time: [], event: [])
        #expect(throws: StatModelError.emptyInput(context: "BaselineCharacteristics.fit")) {
            try BaselineCharacteristics(variables: []).fit(empty, by: nil)
        }
        #expect(throws: StatModelError.self) {
            try BaselineCharacteristics(variables: ["route"], maximumLevels: 0).fit(data, by: grouping)
        }
        let short = Grouping(column: "arm", levels: ["a"], codes: [0, 0], scores: nil, isBanded: false)
        #expect(throws: StatModelError.lengthMismatch(
            context: "BaselineCharacteristics.fit", argument: "grouping 'arm'", expected: 6, found: 2)) {
            try BaselineCharacteristics(variables: []).fit(data, by: short)
        }
        let outside = Grouping(column: "arm", levels: ["a"], codes: [0, 0, 0, 1, 0, 0], scores: nil, isBanded: false)
        #expect(throws: StatModelError.invalidCode(
            context: "BaselineCharacteristics.fit", argument: "grouping 'arm'", index: 3, value: 1, count: 1)) {
            try BaselineCharacteristics(variables: []).fit(data, by: outside)
        }
        let byID = Grouping(column: "patient_id", levels: ["P1"], codes: [0, 0, 0, 0, 0, 0], scores: nil, isBanded: false)
        #expect(throws: StatModelError.self) {
            try BaselineCharacteristics(variables: []).fit(data, by: byID)
        }
    }

    @Test func badColumnsThrow() throws {
        func data(_ column: CovariateColumn) -> SurvivalDataset {
            SurvivalDataset(
                source: Self.source(rows: 3), time: [1, 2, 3], event: [true, true, false], covariates: [column])
        }
        let infinite = data(CovariateColumn(name: "x", columnNumber: 1, values: .numeric([1, .infinity, 2])))
        #expect(throws: StatModelError.nonFiniteValue(context: "BaselineCharacteristics.fit", argument: "x", index: 1)) {
            try BaselineCharacteristics(variables: ["x"]).fit(infinite, by: nil)
        }
        let badCode = data(CovariateColumn(name: "x", columnNumber: 1, values: .categorical(levels: ["u"], codes: [0, 1, 0])))
        #expect(throws: StatModelError.invalidCode(
            context: "BaselineCharacteristics.fit", argument: "x", index: 1, value: 1, count: 1)) {
            try BaselineCharacteristics(variables: ["x"]).fit(badCode, by: nil)
        }
        let short = data(CovariateColumn(name: "x", columnNumber: 1, values: .numeric([1, 2])))
        #expect(throws: StatModelError.lengthMismatch(
            context: "BaselineCharacteristics.fit", argument: "x", expected: 3, found: 2)) {
            try BaselineCharacteristics(variables: ["x"]).fit(short, by: nil)
        }
        let badPatients = SurvivalDataset(
            source: Self.source(rows: 3), time: [1, 2, 3], event: [true, true, false], patientCodes: [0])
        #expect(throws: StatModelError.self) {
            try BaselineCharacteristics(variables: []).fit(badPatients, by: nil)
        }
        // A column not asked for is not checked: its bad values cannot fail the table.
        #expect(throws: Never.self) { try BaselineCharacteristics(variables: []).fit(infinite, by: nil) }
    }
}
