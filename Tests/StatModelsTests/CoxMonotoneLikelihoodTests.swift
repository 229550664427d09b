import NumericCore
import Regression
import Testing

/// Monotone likelihood (a binary column with no events in one level): the coefficient runs off to
/// −∞, R warns "Loglik converged before variable 2; coefficient may be infinite", and so must we, naming
/// the term. Tolerance 1e-6 relative against R for the numbers R reports (log-likelihoods, LR and score
/// tests, and also the finite-iteration coefficients, which follow R's iteration path exactly).
@Suite("Cox PH monotone likelihood")
struct CoxMonotoneLikelihoodTests {
    @Test("fixture: warning names the term, LR and score match R")
    func fixture() throws {
        let c = try #require(try CoxFixture.load("monotone"))
        let (fit, _) = try CoxReferenceTests.fit(c)
        let tol = CoxReferenceTests.tolerance
        #expect(c.warnings.values.count == 1 && c.warnings.values[0].contains("variable  2"))
        #expect(fit.warnings == [.infiniteCoefficient(index: 1, term: "flag")])
        let message = try #require(fit.warningMessages.first)
        #expect(message.contains("'flag'"))
        #expect(message.contains("Wald test"))
        #expect(message.contains("likelihood-ratio and score tests still are"))
        #expect(fit.isConverged)
        #expect(fit.iterations == c.iter)
        #expect(fit.coefficients[1] < -15, "the flagged coefficient diverges")
        SurvivalTolerance.expectRelative(fit.nullLogLikelihood, c.loglik.finite[0], tolerance: tol, "loglik0")
        SurvivalTolerance.expectRelative(fit.logLikelihood, c.loglik.finite[1], tolerance: tol, "loglik")
        CoxReferenceTests.expectTest(fit.likelihoodRatioTest, c.tests.likelihood_ratio, "LR")
        CoxReferenceTests.expectTest(fit.scoreTest, c.tests.score, "score")
        for j in 0..<2 {
            SurvivalTolerance.expectRelative(fit.coefficients[j], c.coef.finite[j], tolerance: tol, "coef[\(j)]")
        }
    }

    @Test("no events in the treated arm: warning, finite LR, no crash")
    func noEventsInOneArm() throws {
        // Arm 1 is all censored; arm 0 has every event.
        let time: [Double] = [2, 3, 5, 7, 11, 13, 4, 6, 8, 10, 12, 14]
        let event: [Bool] = [true, true, true, true, true, true, false, false, false, false, false, false]
        let arm: [Double] = [0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1]
        let x = try Matrix(rows: 12, columns: 1, columnMajor: arm)
        let fit = try CoxPH(termNames: ["dose_high"]).fit(x: x, time: time, event: event)
        #expect(fit.warnings.contains(.infiniteCoefficient(index: 0, term: "dose_high")))
        #expect(fit.coefficients[0] < -10)
        #expect(fit.likelihoodRatioTest.statistic.isFinite && fit.likelihoodRatioTest.statistic > 0)
        #expect(fit.scoreTest.statistic.isFinite && fit.scoreTest.statistic > 0)
    }
}
