import Foundation
import Survival
import Testing

/// Kaplan–Meier and log-rank with delayed entry (`(start, stop]` rows) against R survival 3.5-3:
/// `survfit(Surv(start, stop, event) ~ g)` and a risk-set log-rank checked in the fixture script against
/// `survdiff` and the exact-ties `coxph` score test (Reference/cp_km_*.json, cp_logrank_*.json, written
/// by make_counting_fixtures.R). Tolerance 1e-10 absolute.
@Suite("Counting-process Kaplan–Meier and log-rank vs R survival")
struct CountingProcessSurvivalTests {
    struct KMFile: Decodable { let cases: [KMCase] }
    struct KMCase: Decodable {
        let name: String
        let start: [Double]
        let stop: [Double]
        let event: [Int]
        let group: [Int]?
        let tau: Double
        let curves: [Curve]
    }
    struct Curve: Decodable {
        let label: String
        let time: [Double]
        let n_risk: [Double]
        let n_event: [Double]
        let n_censor: [Double]
        let surv: [Double]
        let std_err_log: [Double?]
        let lower: [Double?]
        let upper: [Double?]
        let median: Double?
        let median_lower: Double?
        let median_upper: Double?
        let rmean: Double
        let se_rmean: Double
    }
    struct LogRankFile: Decodable { let cases: [LogRankCase] }
    struct LogRankCase: Decodable {
        let name: String
        let start: [Double]
        let stop: [Double]
        let event: [Int]
        let group: [Int]
        let levels: [String]
        let strata: [Int]?
        let observed: [Double]
        let expected: [Double]
        let chisq: Double
        let df: Int
    }

    static func load<T: Decodable>(_ name: String, as type: T.Type) throws -> T {
        let url = try #require(Bundle.module.url(forResource: name, withExtension: "json", subdirectory: "Reference"))
        return try JSONDecoder().decode(T.self, from: Data(contentsOf: url))
    }

    @Test("survfit(Surv(start, stop, event) ~ g): risk sets, S, Greenwood, limits, median, rmean",
          arguments: ["heart", "synthetic", "cgd"])
    func kaplanMeier(dataset: String) throws {
        let file = try Self.load("cp_km_" + dataset, as: KMFile.self)
        for c in file.cases {
            let groups = c.group ?? [Int](repeating: 0, count: c.stop.count)
            for (g, curve) in c.curves.enumerated() {
                let rows = groups.indices.filter { groups[$0] == g }
                let fit = try KaplanMeier().fit(
                    time: rows.map { c.stop[$0] }, event: rows.map { c.event[$0] == 1 }, start: rows.map { c.start[$0] },
                    weights: nil)
                let label = "\(c.name) \(curve.label)"
                #expect(fit.times == curve.time, "\(label): times")
                guard fit.times.count == curve.time.count else { continue }
                #expect(fit.atRisk.map(Double.init) == curve.n_risk, "\(label): n.risk")
                #expect(fit.eventCounts.map(Double.init) == curve.n_event, "\(label): n.event")
                #expect(fit.censorCounts.map(Double.init) == curve.n_censor, "\(label): n.censor")
                for j in fit.times.indices {
                    let at = "\(label) t=\(fit.times[j])"
                    SurvivalTolerance.expectClose(fit.survival[j], curve.surv[j], "\(at) surv")
                    if let se = curve.std_err_log[j] { SurvivalTolerance.expectClose(fit.logStandardError[j], se, "\(at) std.err") }
                    SurvivalTolerance.expectClose(fit.lower[j], curve.lower[j], "\(at) lower")
                    SurvivalTolerance.expectClose(fit.upper[j], curve.upper[j], "\(at) upper")
                }
                let median = fit.median
                SurvivalTolerance.expectClose(median.estimate, curve.median, "\(label) median")
                SurvivalTolerance.expectClose(median.lower, curve.median_lower, "\(label) median lower")
                SurvivalTolerance.expectClose(median.upper, curve.median_upper, "\(label) median upper")
                let rmean = fit.restrictedMean(tau: c.tau)
                SurvivalTolerance.expectClose(rmean.estimate, curve.rmean, tolerance: 1e-8, "\(label) rmean")
                SurvivalTolerance.expectClose(rmean.standardError, curve.se_rmean, tolerance: 1e-8, "\(label) se(rmean)")
            }
        }
    }

    @Test("log-rank with delayed entry (stratified too)", arguments: ["heart", "synthetic", "cgd"])
    func logRank(dataset: String) throws {
        let file = try Self.load("cp_logrank_" + dataset, as: LogRankFile.self)
        for c in file.cases {
            let result = try LogRankTest(timeFix: false).test(
                time: c.stop, event: c.event.map { $0 == 1 }, start: c.start, group: c.group, groupCount: c.levels.count,
                strata: c.strata)
            for g in c.levels.indices {
                SurvivalTolerance.expectClose(result.observed[g], c.observed[g], "\(c.name) O[\(g)]")
                SurvivalTolerance.expectClose(result.expected[g], c.expected[g], "\(c.name) E[\(g)]")
            }
            SurvivalTolerance.expectClose(result.statistic, c.chisq, "\(c.name) chisq")
            #expect(result.degreesOfFreedom == c.df, "\(c.name) df")
        }
    }

    @Test("without entry times (all starts 0) the delayed-entry paths equal the plain ones")
    func zeroStartsAreThePlainCurve() throws {
        let time = [5.0, 8, 6, 9, 4, 12, 3, 10, 7, 11]
        let event = [true, false, true, true, false, true, true, false, true, true]
        let plain = try KaplanMeier().fit(time: time, event: event)
        let entered = try KaplanMeier().fit(time: time, event: event, start: time.map { _ in 0 }, weights: nil)
        #expect(plain.atRisk == entered.atRisk && plain.survival == entered.survival)
        #expect(plain.logStandardError == entered.logStandardError && plain.lower == entered.lower)
        let group = [0, 0, 0, 1, 1, 1, 0, 1, 1, 0]
        let a = try LogRankTest().test(time: time, event: event, group: group, groupCount: 2)
        let b = try LogRankTest().test(time: time, event: event, start: time.map { _ in 0 }, group: group, groupCount: 2)
        #expect(a.statistic == b.statistic && a.expected == b.expected)
        #expect(throws: StatModelError.self) {
            try KaplanMeier().fit(time: [5, 3], event: [true, true], start: [1, 3], weights: nil)
        }
    }
}
