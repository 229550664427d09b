import Foundation
import NumericCore
import Regression
import Testing

/// Cox predicted survival curves against R's `survfit(coxph_fit, newdata = profile)` (survival 3.5-3):
/// the whole curve (cumulative hazard, its SE with the variance of β, survival, log-type interval),
/// `summary(curve, times)`, the median with its interval and `print(curve, rmean = tau)`.
/// Tolerance: 1e-6 relative (plus 1e-12 absolute for values that are 0 in R).
@Suite struct CoxPredictReferenceTests {
    static let tolerance = 1e-6

    static func close(_ actual: Double?, _ expected: Double?, _ what: String,
                      sourceLocation: SourceLocation = #_sourceLocation) {
        guard let expected else {
            #expect(actual == nil, "\(what): expected NA, got \(String(describing: actual))", sourceLocation: sourceLocation)
            return
        }
        guard let actual else {
            Issue.record("\(what): expected \(expected), got nil", sourceLocation: sourceLocation)
            return
        }
        #expect(abs(actual - expected) <= tolerance * abs(expected) + 1e-12,
                "\(what): expected \(expected), got \(actual)", sourceLocation: sourceLocation)
    }

    static func fit(_ fixture: CoxPredictFixture) throws -> (CoxPHFit, CoxBaselineHazard) {
        let n = fixture.time.count
        let x = try Matrix(rows: n, columns: fixture.x.count, columnMajor: fixture.x.flatMap(\.finite))
        let event = fixture.status.finite.map { $0 > 0.5 }
        let strata = fixture.strata.map(\.integers)
        let ties: CoxPH.Ties = fixture.ties == "breslow" ? .breslow : .efron
        var data = RegressionData(x: x, termNames: fixture.columns.values, time: fixture.time.finite, event: event, strata: strata)
        data.start = fixture.start?.finite
        let fit = try CoxPH(ties: ties, termNames: fixture.columns.values).fit(data)
        let baseline = try fit.baselineHazard(x: x, time: fixture.time.finite, event: event, strata: strata,
                                              start: data.start)
        return (fit, baseline)
    }

    /// The counting-process fixture (R's heart data, `(start, stop]` rows) is `cp_cox_predict_heart`.
    @Test(arguments: CoxPredictFixture.names + ["cp:heart"])
    func curvesMatchR(name: String) throws {
        let fixture = try #require(
            try name.hasPrefix("cp:") ? CoxPredictFixture.load(String(name.dropFirst(3)), prefix: "cp_cox_predict_")
                : CoxPredictFixture.load(name), "missing fixture \(name)")
        let (fit, baseline) = try Self.fit(fixture)
        for (j, b) in fixture.coef.finite.enumerated() { Self.close(fit.coefficients[j], b, "\(name) coef \(j)") }
        #expect(fixture.profiles.count == fixture.curves.count)
        for (i, (profile, r)) in zip(fixture.profiles, fixture.curves).enumerated() {
            let label = "\(name) profile \(i)"
            let ours = try baseline.predict(profile: profile.x.finite, stratum: profile.stratum,
                                            times: fixture.times.finite, tau: fixture.tau)
            // R's predict(type = "lp") centres within each stratum for strata models; ours (and survfit's
            // relative risk) use the overall means, so lp is compared without strata only.
            if profile.stratum == nil { Self.close(ours.linearPredictor, r.lp, "\(label) lp") }
            #expect(ours.n == r.n, "\(label) n")
            try #require(ours.times.count == r.time.count, "\(label): \(ours.times.count) times, R \(r.time.count)")
            for k in ours.times.indices {
                Self.close(ours.times[k], r.time.finite[k], "\(label) time[\(k)]")
                Self.close(ours.atRisk[k], r.nRisk.finite[k], "\(label) n.risk[\(k)]")
                Self.close(ours.events[k], r.nEvent.finite[k], "\(label) n.event[\(k)]")
                Self.close(ours.cumulativeHazard[k], r.cumhaz.finite[k], "\(label) cumhaz[\(k)]")
                Self.close(ours.cumulativeHazardStandardError[k], r.stdErr.finite[k], "\(label) std.err[\(k)]")
                Self.close(ours.survival[k], r.surv.finite[k], "\(label) surv[\(k)]")
                Self.close(ours.lower[k], r.lower.finite[k], "\(label) lower[\(k)]")
                Self.close(ours.upper[k], r.upper.finite[k], "\(label) upper[\(k)]")
            }
            try #require(ours.survivalAtTimes.count == r.atTimes.time.count)
            for (k, row) in ours.survivalAtTimes.enumerated() {
                Self.close(row.estimate, r.atTimes.surv.finite[k], "\(label) S(\(row.time))")
                Self.close(row.standardError, r.atTimes.stdErr.finite[k], "\(label) se S(\(row.time))")
                Self.close(row.lower, r.atTimes.lower.finite[k], "\(label) lower S(\(row.time))")
                Self.close(row.upper, r.atTimes.upper.finite[k], "\(label) upper S(\(row.time))")
            }
            Self.close(ours.median.estimate, r.median, "\(label) median")
            Self.close(ours.median.lower, r.medianLower, "\(label) median lower")
            Self.close(ours.median.upper, r.medianUpper, "\(label) median upper")
            let rmst = try #require(ours.restrictedMean)
            Self.close(rmst.estimate, r.rmean, "\(label) rmean")
            Self.close(rmst.standardError, r.seRmean, "\(label) se(rmean)")
        }
    }
}
