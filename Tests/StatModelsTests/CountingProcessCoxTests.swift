import Foundation
import NumericCore
import Regression
import Survival
import Testing

/// `CoxPH` on counting-process rows `(start, stop]` against R survival 3.5-3
/// `coxph(Surv(start, stop, event) ~ ...)` (Reference/cp_cox_*.json from make_counting_fixtures.R): heart
/// (jasa1, time-varying transplant) Efron, Breslow, clustered and weighted; cgd with cluster(id), and
/// stratified; bladder2 Andersen–Gill and PWP total time (strata(enum)). Tolerance 1e-6 relative (variance
/// entries relative to sqrt(V_ii V_jj)), as ``CoxReferenceTests``, the concordance (pairs, C and its
/// jackknife SE) and `cox.zph(transform = "km")` (Kaplan–Meier of the (start, stop] rows) too.
@Suite("Counting-process Cox vs R survival")
struct CountingProcessCoxTests {
    static let names = ["heart_efron", "heart_breslow", "heart_cluster", "heart_weights", "cgd", "cgd_strata",
                        "bladder2_ag", "bladder2_pwp_total"]

    @Test("coefficients, naive and robust variances, log-likelihoods, tests", arguments: names)
    func reference(name: String) throws {
        let c = try #require(try CoxFixture.load(name, prefix: "cp_cox_"))
        let input = try CoxReferenceTests.inputs(c)
        var data = RegressionData(x: input.x, termNames: c.columns.values, time: input.time, event: input.event,
                                  weights: input.weights, strata: input.strata, cluster: input.cluster)
        data.start = try #require(c.start).finite
        let fit = try input.spec.fit(data)
        let tol = CoxReferenceTests.tolerance
        #expect(fit.n == c.n && fit.events == c.nevent)
        for (j, expected) in c.coef.finite.enumerated() {
            SurvivalTolerance.expectRelative(fit.coefficients[j], expected, tolerance: tol, "\(name) coef[\(j)]")
        }
        CoxReferenceTests.expectMatrix(fit.variance, c.naive_var, "\(name) naive var")
        if c.robust {
            let robust = try #require(fit.robustVariance, "\(name): robust variance expected")
            CoxReferenceTests.expectMatrix(robust, c.var, "\(name) robust var")
            let rscore = try #require(fit.robustScoreTest)
            SurvivalTolerance.expectRelative(rscore.statistic, try #require(c.rscore), tolerance: tol, "\(name) rscore")
        }
        SurvivalTolerance.expectRelative(fit.nullLogLikelihood, c.loglik.finite[0], tolerance: tol, "\(name) loglik0")
        SurvivalTolerance.expectRelative(fit.logLikelihood, c.loglik.finite[1], tolerance: tol, "\(name) loglik")
        CoxReferenceTests.expectTest(fit.likelihoodRatioTest, c.tests.likelihood_ratio, "\(name) LR")
        CoxReferenceTests.expectTest(fit.waldTest, c.tests.wald, "\(name) Wald")
        CoxReferenceTests.expectTest(fit.scoreTest, c.tests.score, "\(name) score")
        #expect(fit.iterations == c.iter, "\(name) iterations: R \(c.iter), got \(fit.iterations)")
        let k = fit.concordance
        for (ours, r, what) in [(k.concordant, c.concordance.concordant, "concordant"), (k.discordant, c.concordance.discordant, "discordant"),
                                (k.tiedX, c.concordance.tied_x, "tied.x"), (k.tiedY, c.concordance.tied_y, "tied.y"),
                                (k.tiedXY, c.concordance.tied_xy, "tied.xy")] {
            #expect(abs(ours - r) <= tol * max(1, r), "\(name) \(what): R \(r), got \(ours)")
        }
        SurvivalTolerance.expectRelative(k.concordance, c.concordance.concordance, tolerance: tol, "\(name) C")
        SurvivalTolerance.expectRelative(k.standardError, c.concordance.std, tolerance: tol, "\(name) C std")
        if let zph = c.zph {
            let ours = try CoxZPH().test(fit, x: input.x, time: input.time, event: input.event, strata: input.strata,
                                         weights: input.weights, start: data.start)
            let rows = ours.terms + [ours.global]
            #expect(rows.count == zph.rows.values.count, "\(name) zph rows")
            for (j, row) in rows.enumerated() where j < zph.chisq.finite.count {
                SurvivalTolerance.expectRelative(row.chiSquare, zph.chisq.finite[j], tolerance: tol, "\(name) zph chisq \(row.term)")
                SurvivalTolerance.expectRelative(row.pValue, zph.p.finite[j], tolerance: tol, "\(name) zph p \(row.term)")
            }
        }
    }

    @Test("entry times of 0 give the plain fit; a start at or after its stop is refused")
    func plainAndRefused() throws {
        let c = try #require(try CoxFixture.load("lung"))
        let input = try CoxReferenceTests.inputs(c)
        var data = RegressionData(x: input.x, termNames: c.columns.values, time: input.time, event: input.event)
        let plain = try CoxPH().fit(data)
        data.start = input.time.map { _ in 0 }
        let entered = try CoxPH().fit(data)
        for j in plain.coefficients.indices {
            SurvivalTolerance.expectRelative(entered.coefficients[j], plain.coefficients[j], tolerance: 1e-12, "coef[\(j)]")
            SurvivalTolerance.expectRelative(entered.variance[j, j], plain.variance[j, j], tolerance: 1e-12, "var[\(j)]")
        }
        data.start = input.time
        #expect(throws: StatModelError.self) { try CoxPH().fit(data) }
    }
}
