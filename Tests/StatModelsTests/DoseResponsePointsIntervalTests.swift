import DoseResponse
import NumericCore
import Testing

/// Wald intervals of the stage-1 dose-response points: estimate ± z·SE, by hand.
@Suite struct DoseResponsePointsIntervalTests {
    @Test func intervalsAreEstimatePlusMinusZTimesSE() throws {
        // Variances 0.25 and 4 (SEs 0.5 and 2); z(0.975) = 1.959963984540054 (R: qnorm(0.975)).
        let covariance = try Matrix(rowMajor: [[0.25, 0.1], [0.1, 4]])
        let points = DoseResponsePoints(
            doses: [0.5, 1], estimates: [10, 14], covariance: covariance, counts: [20, 25], events: [15, 18],
            summary: .median, dropped: [])
        let intervals = points.waldIntervals(level: 0.95)
        let z = 1.959963984540054
        #expect(intervals.count == 2)
        #expect(abs((intervals[0].lower ?? .nan) - (10 - 0.5 * z)) < 1e-12)
        #expect(abs((intervals[0].upper ?? .nan) - (10 + 0.5 * z)) < 1e-12)
        #expect(abs((intervals[1].lower ?? .nan) - (14 - 2 * z)) < 1e-12)
        #expect(abs((intervals[1].upper ?? .nan) - (14 + 2 * z)) < 1e-12)
    }

    @Test func aNegativeVarianceGivesNoLimits() throws {
        let covariance = try Matrix(rowMajor: [[-1]])
        let points = DoseResponsePoints(
            doses: [1], estimates: [3], covariance: covariance, counts: [5], events: [4], summary: .median, dropped: [])
        let intervals = points.waldIntervals(level: 0.9)
        #expect(intervals.first?.lower == nil)
        #expect(intervals.first?.upper == nil)
    }
}
