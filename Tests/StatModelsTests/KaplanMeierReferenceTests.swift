import Survival
import Testing

/// Kaplan–Meier, summary, quantile, median and rmean against R survival 3.5-3 (Reference/*.json).
/// Tolerance 1e-10 absolute throughout.
@Suite("Kaplan–Meier vs R survival")
struct KaplanMeierReferenceTests {
    static let datasets = ["lung", "veteran", "ovarian", "aml", "ketamine_trial", "timefix"]

    /// Fits each group as `survfit(Surv ~ g)`: the near-tie rule on all rows once, then per group.
    static func fits(_ c: FixtureCase, transform: KaplanMeier.ConfidenceTransform) throws -> [KaplanMeierFit] {
        let time = try TimeFix().apply(to: c.time.finite)
        let event = c.event.integers.map { $0 == 1 }
        let group = c.group.integers
        let km = KaplanMeier(confidenceTransform: transform, timeFix: false)
        return try (0..<c.levels.values.count).map { g in
            let rows = group.indices.filter { group[$0] == g }
            return try km.fit(time: rows.map { time[$0] }, event: rows.map { event[$0] })
        }
    }

    static func compare(_ fit: KaplanMeierFit, _ curve: FixtureCurve, _ label: String) {
        #expect(fit.times.count == curve.time.count, "\(label): number of times")
        guard fit.times.count == curve.time.count else { return }
        for j in fit.times.indices {
            let where_ = "\(label) t=\(fit.times[j])"
            SurvivalTolerance.expectClose(fit.times[j], curve.time.values[j], "\(where_) time")
            #expect(Double(fit.atRisk[j]) == curve.n_risk.values[j], "\(where_) n.risk")
            #expect(Double(fit.eventCounts[j]) == curve.n_event.values[j], "\(where_) n.event")
            #expect(Double(fit.censorCounts[j]) == curve.n_censor.values[j], "\(where_) n.censor")
            SurvivalTolerance.expectClose(fit.survival[j], curve.surv.values[j], "\(where_) surv")
            SurvivalTolerance.expectClose(fit.logStandardError[j], curve.std_err_log.values[j], "\(where_) std.err")
            SurvivalTolerance.expectClose(fit.lower[j], curve.lower.values[j], "\(where_) lower")
            SurvivalTolerance.expectClose(fit.upper[j], curve.upper.values[j], "\(where_) upper")
        }
    }

    @Test("survfit curves, every conf.type (log, log-log, plain, logit, arcsin)", arguments: datasets)
    func curves(dataset: String) throws {
        let file = try #require(try FixtureFile.load(dataset), "Reference/\(dataset).json missing")
        for c in file.cases {
            for transform in KaplanMeier.ConfidenceTransform.allCases {
                let expected = try #require(c.km[transform.rawValue])
                let fits = try Self.fits(c, transform: transform)
                #expect(fits.count == expected.count)
                for (g, fit) in fits.enumerated() where g < expected.count {
                    Self.compare(fit, expected[g], "\(c.name) [\(c.levels.values[g])] \(transform.rawValue)")
                    #expect(fit.n == Int(expected[g].n_risk.values.first.flatMap { $0 } ?? -1))
                }
            }
        }
    }

    @Test("summary(fit, censored = TRUE): SE of S", arguments: datasets)
    func summaryStandardErrors(dataset: String) throws {
        let file = try #require(try FixtureFile.load(dataset))
        for c in file.cases {
            let fits = try Self.fits(c, transform: .log)
            for (g, fit) in fits.enumerated() {
                let rows = c.summary_censored[g]
                #expect(rows.time.count == fit.times.count)
                for j in 0..<min(rows.time.count, fit.times.count) {
                    SurvivalTolerance.expectClose(fit.standardError[j], rows.std_err.values[j],
                                                  "\(c.name) g\(g) t=\(fit.times[j]) std.err")
                }
            }
        }
    }

    @Test("summary(fit, times = , extend = TRUE)", arguments: datasets)
    func estimatesAtTimes(dataset: String) throws {
        let file = try #require(try FixtureFile.load(dataset))
        for c in file.cases {
            for transform in KaplanMeier.ConfidenceTransform.allCases {
                let fits = try Self.fits(c, transform: transform)
                let expected = try #require(c.summary_times[transform.rawValue])
                for (g, fit) in fits.enumerated() {
                    let rows = expected[g]
                    let probes = c.probe_times.finite.sorted()
                    #expect(rows.time.count == probes.count)
                    for (i, t) in probes.enumerated() where i < rows.time.count {
                        let e = fit.estimate(at: t)
                        let label = "\(c.name) g\(g) \(transform.rawValue) at \(t)"
                        SurvivalTolerance.expectClose(e.estimate, rows.surv.values[i], "\(label) surv")
                        SurvivalTolerance.expectClose(e.standardError, rows.std_err.values[i], "\(label) std.err")
                        SurvivalTolerance.expectClose(e.lower, rows.lower.values[i], "\(label) lower")
                        SurvivalTolerance.expectClose(e.upper, rows.upper.values[i], "\(label) upper")
                        #expect(Double(e.atRisk) == rows.n_risk.values[i], "\(label) n.risk")
                        #expect(e.isBeyondLastTime == (t > fit.lastTimeAtRisk))
                    }
                }
            }
        }
    }

    @Test("quantile.survfit quartiles with CIs", arguments: datasets)
    func quantiles(dataset: String) throws {
        let file = try #require(try FixtureFile.load(dataset))
        for c in file.cases {
            for transform in KaplanMeier.ConfidenceTransform.allCases {
                let fits = try Self.fits(c, transform: transform)
                let expected = try #require(c.quantile[transform.rawValue])
                for (g, fit) in fits.enumerated() {
                    for (i, p) in c.probs.finite.enumerated() {
                        let q = fit.quantile(p)
                        let label = "\(c.name) g\(g) \(transform.rawValue) p=\(p)"
                        SurvivalTolerance.expectClose(q.estimate, expected[g].quantile.values[i], "\(label) quantile")
                        SurvivalTolerance.expectClose(q.lower, expected[g].lower.values[i], "\(label) lower")
                        SurvivalTolerance.expectClose(q.upper, expected[g].upper.values[i], "\(label) upper")
                    }
                }
            }
        }
    }

    @Test("print.survfit median, LCL, UCL and rmean / se(rmean) at two taus", arguments: datasets)
    func printTable(dataset: String) throws {
        let file = try #require(try FixtureFile.load(dataset))
        for c in file.cases {
            for transform in KaplanMeier.ConfidenceTransform.allCases {
                let fits = try Self.fits(c, transform: transform)
                let byTau = try #require(c.table[transform.rawValue])
                for (k, tau) in c.taus.finite.enumerated() {
                    for (g, fit) in fits.enumerated() {
                        let row = byTau[k][g]
                        let label = "\(c.name) g\(g) \(transform.rawValue) tau=\(tau)"
                        let median = fit.median
                        SurvivalTolerance.expectClose(median.estimate, row.median, "\(label) median")
                        SurvivalTolerance.expectClose(median.lower, row.lcl, "\(label) LCL")
                        SurvivalTolerance.expectClose(median.upper, row.ucl, "\(label) UCL")
                        let rmean = fit.restrictedMean(tau: tau)
                        SurvivalTolerance.expectClose(rmean.estimate, row.rmean, "\(label) rmean")
                        SurvivalTolerance.expectClose(rmean.standardError, row.se_rmean, "\(label) se(rmean)")
                    }
                }
            }
        }
    }

    @Test("timefix: aeqSurv times and survfit with and without the rule")
    func timeFix() throws {
        let file = try #require(try FixtureFile.load("timefix"))
        let c = try #require(file.cases.first)
        let raw = c.time.finite
        let fixed = try TimeFix().apply(to: raw)
        let expected = try #require(c.aeq_time).finite
        // Exact by construction: TimeFix returns input values, parsed from the same decimal text as R's.
        #expect(fixed == expected)
        let event = c.event.integers.map { $0 == 1 }
        let withFix = try KaplanMeier().fit(time: raw, event: event)
        Self.compare(withFix, try #require(c.km_one_group), "timefix on")
        let withoutFix = try KaplanMeier(timeFix: false).fit(time: raw, event: event)
        Self.compare(withoutFix, try #require(c.km_no_timefix), "timefix off")
        #expect(withFix.times.count < withoutFix.times.count)
    }
}
