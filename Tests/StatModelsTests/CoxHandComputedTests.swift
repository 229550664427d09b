import Foundation
import NumericCore
import Regression
import Testing

/// Tiny data sets whose partial likelihood can be maximized by hand. Tolerance 1e-9 relative for fitted
/// quantities (Newton stops at R's rule, |ΔlogL / logL| <= 1e-9, which leaves β within about 1e-10 of
/// the root on these problems); quantities at β = 0 are exact to rounding (1e-14).
@Suite("Cox PH hand-computed")
struct CoxHandComputedTests {
    static let tolerance = 1e-9

    /// Times 1, 2, 3 (all events), x = 1, 0, 1:
    /// `L(β) = e^β / (2e^β + 1) · 1 / (e^β + 1)`; the score `1 − 2u/(2u+1) − u/(u+1) = 0` gives
    /// `u = e^β = 1/√2`, `β = −ln 2 / 2`; information `2√2 / (1 + √2)²`;
    /// `log L(β̂) = −2 log(1 + √2)`, `log L(0) = −log 6`; score test `U(0)² / I(0) = (1/36)/(17/36) = 1/17`.
    @Test("three events, no ties")
    func threeEvents() throws {
        let x = try Matrix(rows: 3, columns: 1, columnMajor: [1, 0, 1])
        for ties in CoxPH.Ties.allCases {
            let fit = try CoxPH(ties: ties).fit(x: x, time: [1, 2, 3], event: [true, true, true])
            let root2 = 2.0.squareRoot()
            SurvivalTolerance.expectRelative(fit.coefficients[0], -log(2) / 2, tolerance: Self.tolerance, "beta")
            SurvivalTolerance.expectRelative(fit.variance[0, 0], (1 + root2) * (1 + root2) / (2 * root2),
                                             tolerance: Self.tolerance, "variance")
            SurvivalTolerance.expectRelative(fit.logLikelihood, -2 * log(1 + root2), tolerance: Self.tolerance, "logL")
            SurvivalTolerance.expectRelative(fit.nullLogLikelihood, -log(6), tolerance: 1e-15, "logL0")
            SurvivalTolerance.expectRelative(fit.scoreTest.statistic, 1.0 / 17, tolerance: 1e-14, "score test")
            SurvivalTolerance.expectRelative(fit.likelihoodRatioTest.statistic, 2 * (log(6) - 2 * log(1 + root2)),
                                             tolerance: Self.tolerance, "LR")
            SurvivalTolerance.expectRelative(fit.waldTest.statistic, (log(2) / 2) * (log(2) / 2) / fit.variance[0, 0],
                                             tolerance: 1e-14, "Wald")
            // Pairs (1,2) discordant (the lower score failed first), (1,3) tied on x, (2,3) concordant.
            #expect(fit.concordance.concordant == 1)
            #expect(fit.concordance.discordant == 1)
            #expect(fit.concordance.tiedX == 1)
            SurvivalTolerance.expectRelative(fit.concordance.concordance, 0.5, tolerance: 1e-15, "C")
            #expect(fit.isConverged)
            #expect(fit.warnings.isEmpty)
        }
    }

    /// Times 1, 1, 2 (all events), x = 1, 0, 0. Breslow: `log L = β − 2 log(e^β + 2)`, so `e^β = 2`.
    /// Efron: `log L = β − log(e^β + 2) − log((e^β + 3)/2)`, so `e^{2β} = 6`, `β = ln 6 / 2`.
    @Test("two tied events: Breslow and Efron differ as derived")
    func tiedEvents() throws {
        let x = try Matrix(rows: 3, columns: 1, columnMajor: [1, 0, 0])
        let time: [Double] = [1, 1, 2]
        let event = [true, true, true]
        let breslow = try CoxPH(ties: .breslow).fit(x: x, time: time, event: event)
        SurvivalTolerance.expectRelative(breslow.coefficients[0], log(2), tolerance: Self.tolerance, "Breslow beta")
        SurvivalTolerance.expectRelative(breslow.logLikelihood, log(2) - 2 * log(4), tolerance: Self.tolerance,
                                         "Breslow logL")
        // Information 2 · 2u/(u+2)² at u = 2: 1/2.
        SurvivalTolerance.expectRelative(breslow.variance[0, 0], 2, tolerance: Self.tolerance, "Breslow variance")
        let efron = try CoxPH(ties: .efron).fit(x: x, time: time, event: event)
        let u = 6.0.squareRoot()
        SurvivalTolerance.expectRelative(efron.coefficients[0], log(6) / 2, tolerance: Self.tolerance, "Efron beta")
        SurvivalTolerance.expectRelative(efron.logLikelihood, log(u) - log(u + 2) - log((u + 3) / 2),
                                         tolerance: Self.tolerance, "Efron logL")
        // Information 2u/(u+2)² + 3u/(u+3)².
        let information = 2 * u / ((u + 2) * (u + 2)) + 3 * u / ((u + 3) * (u + 3))
        SurvivalTolerance.expectRelative(efron.variance[0, 0], 1 / information, tolerance: Self.tolerance,
                                         "Efron variance")
    }

    /// Case weights: under Breslow ties a row of weight 2 is the same as that row twice (naive variance,
    /// no robust). (Under Efron it is not: the two copies would be tied events.)
    @Test("integer weights equal duplicated rows")
    func weightsAreReplicates() throws {
        let time: [Double] = [4, 2, 7, 5, 9, 3, 8]
        let event = [true, true, false, true, true, true, false]
        let x1: [Double] = [0.5, 1.5, 2.0, 0.1, 1.1, 2.4, 0.7]
        let w: [Double] = [1, 2, 1, 3, 1, 1, 2]
        var tD: [Double] = [], eD: [Bool] = [], xD: [Double] = []
        for i in 0..<time.count {
            for _ in 0..<Int(w[i]) {
                tD.append(time[i])
                eD.append(event[i])
                xD.append(x1[i])
            }
        }
        let weighted = try CoxPH(ties: .breslow).fit(x: Matrix(rows: 7, columns: 1, columnMajor: x1), time: time, event: event,
                                       weights: w)
        let duplicated = try CoxPH(ties: .breslow).fit(x: Matrix(rows: xD.count, columns: 1, columnMajor: xD), time: tD, event: eD)
        #expect(weighted.robustVariance == nil)
        SurvivalTolerance.expectRelative(weighted.coefficients[0], duplicated.coefficients[0], tolerance: 1e-10, "beta")
        SurvivalTolerance.expectRelative(weighted.variance[0, 0], duplicated.variance[0, 0], tolerance: 1e-10, "var")
        SurvivalTolerance.expectRelative(weighted.logLikelihood, duplicated.logLikelihood, tolerance: 1e-12, "logL")
        SurvivalTolerance.expectRelative(weighted.concordance.concordance, duplicated.concordance.concordance,
                                         tolerance: 1e-12, "C")
    }
}
