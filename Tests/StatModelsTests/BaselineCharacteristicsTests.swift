import DataIO
import Foundation
import Survival
import Testing

/// BaselineCharacteristics on data/ketamine_trial.csv by dose_group against base R
/// (`Reference/make_baseline_fixtures.R`: mean, sd, median, quantile type 7, min, max, table).
@Suite struct BaselineCharacteristicsTests {
    static let tolerance = 1e-10

    static func fitTrial() throws -> (BaselineTable, BaselineReferenceFixture, SurvivalDataset) {
        let fixture = try BaselineReferenceFixture.load()
        let data = try BaselineReferenceFixture.readTrial(covariates: fixture.variableNames)
        let grouping = try #require(data.groupings.first)
        let table = try BaselineCharacteristics(variables: fixture.variableNames).fit(data, by: grouping)
        return (table, fixture, data)
    }

    static func expectSummary(_ actual: NumericSummary, _ expected: BaselineReferenceFixture.Summary, _ what: String,
                              sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(actual.n == expected.n, "\(what): n", sourceLocation: sourceLocation)
        let pairs: [(String, Double?, Double?)] = [
            ("mean", actual.mean, expected.mean), ("sd", actual.standardDeviation, expected.sd),
            ("median", actual.median, expected.median), ("q1", actual.lowerQuartile, expected.q1),
            ("q3", actual.upperQuartile, expected.q3), ("min", actual.minimum, expected.min),
            ("max", actual.maximum, expected.max),
        ]
        for (name, a, e) in pairs {
            SurvivalTolerance.expectClose(a, e, tolerance: tolerance, "\(what) \(name)", sourceLocation: sourceLocation)
        }
    }

    @Test func groupsMatchR() throws {
        let (table, fixture, data) = try Self.fitTrial()
        #expect(table.groupColumn == fixture.group_column)
        #expect(table.groups.map(\.label) == fixture.groups.map(\.label))
        #expect(table.groups.map(\.episodes) == fixture.groups.map(\.episodes))
        #expect(table.groups.map(\.patients) == fixture.groups.map { Optional($0.patients) })
        #expect(table.groups.map(\.events) == fixture.groups.map(\.events))
        #expect(table.groups.map(\.isOverall) == [false, false, true])
        #expect(table.overall?.patients == data.patients)
        #expect(table.overall?.episodes == data.rowsUsed)
        #expect(table.withheld.isEmpty)
        #expect(table.rows.map(\.name) == fixture.variableNames)
    }

    @Test func numericSummariesMatchR() throws {
        let (table, fixture, _) = try Self.fitTrial()
        for expected in fixture.numeric {
            let row = try #require(table.rows.first { $0.name == expected.name })
            guard case .numeric(let summaries) = row.kind else {
                Issue.record("\(expected.name) is not numeric")
                continue
            }
            #expect(summaries.count == expected.summaries.count)
            #expect(row.missing == [0, 0, 0])
            for (g, (actual, reference)) in zip(summaries, expected.summaries).enumerated() {
                Self.expectSummary(actual, reference, "\(expected.name) group \(fixture.groups[g].label)")
            }
        }
    }

    @Test func categoricalCountsMatchR() throws {
        let (table, fixture, _) = try Self.fitTrial()
        for expected in fixture.categorical {
            let row = try #require(table.rows.first { $0.name == expected.name })
            guard case .categorical(let levels, let counts) = row.kind else {
                Issue.record("\(expected.name) is not categorical")
                continue
            }
            #expect(levels == expected.levels, "\(expected.name) levels")
            #expect(counts == expected.counts, "\(expected.name) counts")
            #expect(row.missing == [0, 0, 0])
            for g in expected.percent.indices {
                #expect(row.nonMissing(group: g) == table.groups[g].episodes)
                let percentages = row.percentages(group: g)
                #expect(percentages.count == expected.levels.count)
                for (l, reference) in expected.percent[g].enumerated() {
                    SurvivalTolerance.expectClose(
                        row.percent(level: l, group: g), reference, tolerance: Self.tolerance,
                        "\(expected.name) \(expected.levels[l]) group \(g) percent")
                    SurvivalTolerance.expectClose(
                        percentages[l], reference, tolerance: Self.tolerance, "\(expected.name) percentages[\(l)]")
                }
            }
        }
    }

    @Test func overallOnlyMatchesROverall() throws {
        let fixture = try BaselineReferenceFixture.load()
        let data = try BaselineReferenceFixture.readTrial(covariates: fixture.variableNames)
        let table = try BaselineCharacteristics(variables: fixture.variableNames).fit(data, by: nil)
        let overall = try #require(fixture.groups.last)
        #expect(table.groupColumn == nil)
        #expect(table.groups == [
            BaselineGroup(label: "Overall", isOverall: true, episodes: overall.episodes, patients: overall.patients,
                          events: overall.events),
        ])
        for expected in fixture.numeric {
            let row = try #require(table.rows.first { $0.name == expected.name })
            guard case .numeric(let summaries) = row.kind, summaries.count == 1,
                  let reference = expected.summaries.last else {
                Issue.record("\(expected.name): expected one numeric summary")
                continue
            }
            Self.expectSummary(summaries[0], reference, "\(expected.name) overall")
        }
        for expected in fixture.categorical {
            let row = try #require(table.rows.first { $0.name == expected.name })
            guard case .categorical(_, let counts) = row.kind else {
                Issue.record("\(expected.name) is not categorical")
                continue
            }
            #expect(counts == [try #require(expected.counts.last)])
        }
    }

    /// The patient id column, read as a covariate, is withheld and none of its ids reaches the table.
    @Test func patientIDColumnIsWithheldOnTheTrial() throws {
        let data = try BaselineReferenceFixture.readTrial(covariates: ["patient_id", "site", "condition"])
        let grouping = try #require(data.groupings.first)
        let table = try BaselineCharacteristics(variables: ["patient_id", "site", "condition", "sex"])
            .fit(data, by: grouping)
        #expect(table.rows.map(\.name) == ["site", "condition"])
        #expect(table.withheld == [
            WithheldColumn(name: "patient_id", kind: .patientIdentifier),
            WithheldColumn(name: "sex", kind: .notRead),
        ])
        #expect(table.withheld.map(\.reason) == ["patient identifier", "not read"])
        var dumped = ""
        dump(table, to: &dumped)
        #expect(!dumped.contains("P0000"))
        #expect(dumped.contains("S04"))  // the 12 sites are a category, shown
        // Opting in (idColumn nil): 400 distinct ids are still free text, withheld without values.
        let optedIn = try BaselineCharacteristics(variables: ["patient_id"], idColumn: nil).fit(data, by: grouping)
        #expect(optedIn.withheld == [WithheldColumn(name: "patient_id", kind: .freeText(distinctValues: 400))])
        #expect(optedIn.withheld.first?.reason == "free text or an identifier (400 distinct values)")
        var optedInDump = ""
        dump(optedIn, to: &optedInDump)
        #expect(!optedInDump.contains("P0000"))
    }
}
