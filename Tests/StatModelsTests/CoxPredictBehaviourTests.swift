import Foundation
import NumericCore
import Regression
import Survival
import Testing

/// Cox predictions on small hand-checkable data and bad input.
@Suite struct CoxPredictBehaviourTests {
    /// Four rows, one covariate, no ties: the Breslow baseline at β̂ by hand.
    @Test func breslowBaselineByHand() throws {
        let time = [1.0, 2, 3, 4], event = [true, true, false, true]
        let x = try Matrix(rows: 4, columns: 1, columnMajor: [0, 1, 0, 1])
        let fit = try CoxPH(ties: .breslow).fit(x: x, time: time, event: event)
        let base = try fit.baselineHazard(x: x, time: time, event: event)
        let b = fit.coefficients[0], m = fit.means[0]
        let r0 = exp((0 - m) * b), r1 = exp((1 - m) * b)
        // Risk sets: t=1 {all}, t=2 {2,3,4}, t=3 {3,4} (censored), t=4 {4}.
        let dH = [1 / (2 * r0 + 2 * r1), 1 / (r0 + 2 * r1), 0, 1 / r1]
        var cumulative = 0.0
        let stratum = try #require(base.strata.first)
        #expect(stratum.times == [1, 2, 3, 4])
        for k in 0..<4 {
            cumulative += dH[k]
            #expect(abs(stratum.cumulativeHazard[k] - cumulative) <= 1e-12 * cumulative)
        }
        // A profile at x = 1 has Λ = r1 Λ₀ and S = exp(−Λ), with the median where S first drops <= 0.5.
        let prediction = try base.predict(profile: [1], times: [0.5, 2.5, 10], tau: 4)
        #expect(abs(prediction.cumulativeHazard[3] - r1 * cumulative) <= 1e-12 * r1 * cumulative)
        #expect(prediction.survivalAtTimes[0].estimate == 1)
        #expect(prediction.survivalAtTimes[2].isBeyondLastTime)
        let s = prediction.survival
        let area = 1 * 1 + (2 - 1) * s[0] + (3 - 2) * s[1] + (4 - 3) * s[2]
        #expect(abs((prediction.restrictedMean?.estimate ?? 0) - area) <= 1e-12 * area)
        // The interval brackets S and stays in [0, 1].
        for k in s.indices { #expect(prediction.lower[k] <= s[k] && s[k] <= prediction.upper[k] && prediction.upper[k] <= 1) }
    }

    @Test func strataNeedTheProfileStratum() throws {
        let time = [1.0, 2, 3, 4, 5, 6], event = [true, true, true, true, false, true]
        let x = try Matrix(rows: 6, columns: 1, columnMajor: [0.3, 1.2, 0.1, 0.8, 1.5, 0.4])
        let strata = [7, 3, 7, 3, 7, 3]
        let fit = try CoxPH().fit(x: x, time: time, event: event, strata: strata)
        let base = try fit.baselineHazard(x: x, time: time, event: event, strata: strata)
        #expect(base.strata.map(\.label) == [3, 7])
        #expect(throws: StatModelError.self) { try base.predict(profile: [1]) }
        #expect(throws: StatModelError.self) { try base.predict(profile: [1], stratum: 5) }
        let three = try base.predict(profile: [1], stratum: 3)
        #expect(three.times == [2, 4, 6] && three.stratum == 3)
        #expect(throws: StatModelError.self) { try base.predict(profile: [1, 2], stratum: 3) }
        #expect(throws: StatModelError.self) { try base.predict(profile: [.nan], stratum: 3) }
        #expect(throws: StatModelError.self) {
            try fit.baselineHazard(x: x, time: Array(time.dropLast()), event: Array(event.dropLast()))
        }
    }
}
