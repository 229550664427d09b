import Foundation
import Survival
import Testing

/// SurvivalSummary: crossing, tau rule, tests chosen, median table and warnings, on small hand-made data.
@Suite struct SummaryTests {
    // Group a: times 1, 2, 3 (all events). Group b: 4, 5 (events), 6 (censored).
    static let time: [Double] = [1, 2, 3, 4, 5, 6]
    static let event = [true, true, true, true, true, false]
    static let dose = SurvivalSummaryFactor(column: "dose", levels: ["a", "b"], codes: [0, 0, 0, 1, 1, 1])

    @Test func oneFactorHandComputed() throws {
        let result = try SurvivalSummary(times: [2, 10]).fit(time: Self.time, event: Self.event, by: [Self.dose])
        #expect(result.groups.count == 2)
        #expect(result.groups.map(\.by) == [[ByLevel(column: "dose", level: "a")], [ByLevel(column: "dose", level: "b")]])
        #expect(result.groups.map(\.n) == [3, 3])
        #expect(result.groups.map(\.events) == [3, 2])
        #expect(result.groups.map(\.censored) == [0, 1])
        // a: S = 2/3, 1/3, 0 -> median 2. b: S(4) = 2/3, S(5) = 1/3 -> median 5.
        #expect(result.groups[0].median.estimate == 2)
        #expect(result.groups[1].median.estimate == 5)
        #expect(result.groups[0].quantiles.map(\.probability) == [0.25, 0.5, 0.75])
        // Survival at 2: a = 2/3 - exact ratios of small integers, compared within 1e-15.
        #expect(abs(result.groups[0].survival[0].estimate - 1.0 / 3.0) < 1e-15)
        #expect(abs(result.groups[1].survival[0].estimate - 1.0) < 1e-15)
        #expect(result.groups[1].survival[1].isBeyondLastTime)
        // tau = min(3, 6) = 3; RMST_a = 1 + 2/3 + 1/3 = 2, RMST_b = 3.
        #expect(result.tau == 3)
        #expect(result.tauRule == .commonFollowUp)
        #expect(abs(result.groups[0].restrictedMean.estimate - 2) < 1e-12)
        #expect(abs(result.groups[1].restrictedMean.estimate - 3) < 1e-12)
        #expect(!result.warnings.contains { $0.contains("tau = 3") })  // the tau rule is stated in the output, not warned
        #expect(result.warnings.contains { $0.contains("time 10 is beyond the last time of group dose=a") })
        // One log-rank test with observed events per group.
        #expect(result.tests.count == 1)
        let test = try #require(result.tests.first)
        #expect(test.kind == .logRank)
        #expect(test.name == "log-rank")
        #expect(test.by == ["dose"])
        #expect(test.degreesOfFreedom == 1)
        #expect(test.groups.map(\.observed) == [3, 2])
        #expect(abs(test.groups.map(\.expected).reduce(0, +) - 5) < 1e-12)   // sum E = sum O
        #expect(test.pValue > 0 && test.pValue < 1)
        #expect(result.medianTable == nil)
    }

    @Test func groupFitsEqualDirectFits() throws {
        let km = KaplanMeier(confidenceTransform: .logLog, confidenceLevel: 0.9)
        let result = try SurvivalSummary(km: km).fit(time: Self.time, event: Self.event, by: [Self.dose])
        let direct = try km.fit(time: [4, 5, 6], event: [true, true, false])
        let fit = result.groups[1].fit
        #expect(fit.times == direct.times)
        #expect(fit.atRisk == direct.atRisk)
        for (x, y) in zip(fit.survival, direct.survival) { #expect(abs(x - y) < 1e-15) }
        for (x, y) in zip(fit.lower, direct.lower) { #expect(abs((x ?? -1) - (y ?? -1)) < 1e-15) }
        #expect(result.confidenceTransform == .logLog)
        #expect(result.confidenceLevel == 0.9)
    }

    @Test func withoutByThereIsOneGroupAndNoTest() throws {
        let result = try SurvivalSummary(tau: 4).fit(time: Self.time, event: Self.event)
        #expect(result.groups.count == 1)
        #expect(result.groups[0].by.isEmpty)
        #expect(result.groups[0].n == 6)
        #expect(result.tests.isEmpty)
        #expect(result.tau == 4)
        #expect(result.tauRule == .specified)
        #expect(!result.warnings.contains { $0.contains("RMST uses tau") })
    }

    @Test func crossedFactorsOmitEmptyCellsAndFirstVariesSlowest() throws {
        // dose x band with the cell (b, late) empty.
        let band = SurvivalSummaryFactor(
            column: "band", levels: ["early", "mid", "late"], codes: [0, 1, 2, 0, 1, 1], scores: [1, 2, 3])
        let result = try SurvivalSummary().fit(time: Self.time, event: Self.event, by: [Self.dose, band])
        #expect(result.groups.map { $0.by.map(\.level) } == [["a", "early"], ["a", "mid"], ["a", "late"], ["b", "early"], ["b", "mid"]])
        #expect(result.groups.map(\.n) == [1, 1, 1, 1, 2])
        // Tests: dose log-rank; band log-rank and trend (3 ordered levels); crossed log-rank over 5 groups.
        let summary = result.tests.map { "\($0.name) \($0.by.joined(separator: "+"))" }
        #expect(summary == ["log-rank dose", "log-rank band", "trend band", "log-rank dose+band"])
        #expect(result.tests[2].scores == [1, 2, 3])
        #expect(result.tests[2].degreesOfFreedom == 1)
        #expect(result.tests[3].groups.count == 5)
        // Median table: rows dose (a, b), columns band (early, mid, late), (b, late) empty.
        let table = try #require(result.medianTable)
        #expect(table.rowColumn == "dose")
        #expect(table.columnColumn == "band")
        #expect(table.rowLevels == ["a", "b"])
        #expect(table.columnLevels == ["early", "mid", "late"])
        #expect(table.cells[1][2] == nil)
        #expect(table.cells[0][0]?.median.estimate == 1)
        #expect(table.cells[1][1]?.n == 2)
    }

    @Test func warningsForNoEventsAndMedianNotReached() throws {
        // all: 1, 2, 3 events; none: 4, 5, 6 censored; few: 7 event then 8, 9, 10 censored (S = 0.75).
        let time: [Double] = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]
        let event = [true, true, true, false, false, false, true, false, false, false]
        let group = SurvivalSummaryFactor(
            column: "g", levels: ["none", "few", "all"], codes: [2, 2, 2, 0, 0, 0, 1, 1, 1, 1])
        let result = try SurvivalSummary().fit(time: time, event: event, by: [group])
        #expect(result.groups.map { $0.by.first?.level } == ["none", "few", "all"])
        #expect(result.warnings.contains { $0.contains("no events in group g=none") })
        #expect(result.warnings.contains { $0.contains("median not reached in group g=few") })
        #expect(result.groups[0].median.estimate == nil)
        #expect(result.groups[1].median.estimate == nil)
        // Unordered levels: no trend test.
        #expect(result.tests.map(\.kind) == [.logRank])
        #expect(result.tests[0].degreesOfFreedom == 2)
    }

    @Test func stratifiedTestsAndSingleGroupStrata() throws {
        let strata = SurvivalSummaryFactor(column: "site", levels: ["x", "y", "z"], codes: [0, 1, 0, 1, 0, 2])
        let result = try SurvivalSummary().fit(time: Self.time, event: Self.event, by: [Self.dose], strata: strata)
        #expect(result.strataColumn == "site")
        #expect(result.tests.first?.kind == .stratifiedLogRank)
        #expect(result.tests.first?.strata == "site")
        #expect(result.warnings.contains { $0.contains("'site' (z)") && $0.contains("single 'dose' level") })
    }

    @Test func singleLevelFactorGivesAWarningNotATest() throws {
        let one = SurvivalSummaryFactor(column: "route", levels: ["IV", "intranasal"], codes: [0, 0, 0, 0, 0, 0])
        let result = try SurvivalSummary().fit(time: Self.time, event: Self.event, by: [one])
        #expect(result.groups.count == 1)
        #expect(result.tests.isEmpty)
        #expect(result.warnings.contains { $0.contains("'route' has a single level (IV)") })
    }

    @Test func invalidInputsThrowTypedErrors() {
        #expect(throws: StatModelError.self) { try SurvivalSummary().fit(time: [], event: []) }
        #expect(throws: StatModelError.self) { try SurvivalSummary().fit(time: [1, 2], event: [true]) }
        let bad = SurvivalSummaryFactor(column: "g", levels: ["a"], codes: [0, 1])
        #expect(throws: StatModelError.self) { try SurvivalSummary().fit(time: [1, 2], event: [true, true], by: [bad]) }
        #expect(throws: StatModelError.self) { try SurvivalSummary(tau: -1).fit(time: [1, 2], event: [true, true]) }
        #expect(throws: StatModelError.self) {
            try SurvivalSummary(quantiles: [1.5]).fit(time: [1, 2], event: [true, true])
        }
    }

    @Test func nearTiedTimesAreMergedAcrossGroupsAsR() throws {
        // 2 and 2 + 1e-12 are one time under R's timefix, even though they fall in different groups.
        let time: [Double] = [2, 2 + 1e-12, 3, 4]
        let group = SurvivalSummaryFactor(column: "g", levels: ["a", "b"], codes: [0, 1, 0, 1])
        let result = try SurvivalSummary().fit(time: time, event: [true, true, true, true], by: [group])
        #expect(result.groups[1].fit.times.first == 2)
    }
}
