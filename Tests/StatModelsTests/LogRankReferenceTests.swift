import Survival
import Testing

/// survdiff (plain and stratified) and the trend test against R survival 3.5-3.
/// Tolerance: 1e-8 relative for statistics, p-values, O, E and V.
@Suite("Log-rank vs R survival")
struct LogRankReferenceTests {
    @Test("survdiff and trend", arguments: KaplanMeierReferenceTests.datasets)
    func survdiff(dataset: String) throws {
        let file = try #require(try FixtureFile.load(dataset))
        for c in file.cases {
            let time = c.time.finite
            let event = c.event.integers.map { $0 == 1 }
            let group = c.group.integers
            let k = c.levels.values.count
            let strata = c.strata?.integers
            let result = try LogRankTest().test(time: time, event: event, group: group, groupCount: k,
                                                strata: strata)
            let r = c.survdiff
            #expect(result.degreesOfFreedom == r.df, "\(c.name) df")
            SurvivalTolerance.expectRelative(result.statistic, r.chisq, "\(c.name) chisq")
            SurvivalTolerance.expectRelative(result.pValue, r.p, "\(c.name) p")
            for g in 0..<k {
                SurvivalTolerance.expectRelative(result.observed[g], r.observed.finite[g], "\(c.name) O[\(g)]")
                SurvivalTolerance.expectRelative(result.expected[g], r.expected.finite[g], "\(c.name) E[\(g)]")
                for h in 0..<k {
                    SurvivalTolerance.expectRelative(result.variance[g, h], r.var[g][h], "\(c.name) V[\(g),\(h)]")
                }
            }
            #expect(result.groupSizes.reduce(0, +) == time.count)
            #expect(result.strataCount == (strata.map { Set($0).count } ?? 1))

            let trend = try LogRankTrendTest(scores: c.trend.scores.finite).test(
                time: time, event: event, group: group, groupCount: k, strata: strata)
            SurvivalTolerance.expectRelative(trend.score, c.trend.U, "\(c.name) U")
            SurvivalTolerance.expectRelative(trend.variance, c.trend.V, "\(c.name) V")
            SurvivalTolerance.expectRelative(trend.statistic, c.trend.chisq, "\(c.name) trend chisq")
            SurvivalTolerance.expectRelative(trend.pValue, c.trend.p, "\(c.name) trend p")
            #expect(trend.degreesOfFreedom == 1)
            // Default scores are 1...k; the fixtures use exactly those.
            let defaultTrend = try LogRankTrendTest().test(result)
            SurvivalTolerance.expectRelative(defaultTrend.statistic, c.trend.chisq, "\(c.name) default scores")
        }
    }
}
