import ReliefTestSupport
@testable import Reporting
import Testing

@Suite struct AxisScaleTests {
    /// Ticks agree to 1e-9 relative, 1e-9 absolute near zero.
    static func expectTicks(_ actual: [Double], _ expected: [Double],
                            sourceLocation: SourceLocation = #_sourceLocation) {
        Tolerance(relative: 1e-9, absolute: 1e-9).expect(actual, expected, "ticks \(actual)", sourceLocation: sourceLocation)
    }

    @Test func dayAxesUseWeekMultiples() {
        let ninety = AxisScale(lower: 0, upper: 90, rangeStart: 0, rangeEnd: 600, prefersWeeks: true)
        Self.expectTicks(ninety.ticks(targetCount: 7), [0, 14, 28, 42, 56, 70, 84])
        let month = AxisScale(lower: 0, upper: 28, rangeStart: 0, rangeEnd: 600, prefersWeeks: true)
        Self.expectTicks(month.ticks(targetCount: 6), [0, 7, 14, 21, 28])
        let halfYear = AxisScale(lower: 0, upper: 182, rangeStart: 0, rangeEnd: 600, prefersWeeks: true)
        Self.expectTicks(halfYear.ticks(targetCount: 7), [0, 28, 56, 84, 112, 140, 168])
        // Beyond ~26 weeks the 1-2-5 steps return.
        let year = AxisScale(lower: 0, upper: 365, rangeStart: 0, rangeEnd: 600, prefersWeeks: true)
        Self.expectTicks(year.ticks(targetCount: 7), [0, 100, 200, 300])
        let plain = AxisScale(lower: 0, upper: 90, rangeStart: 0, rangeEnd: 600)
        Self.expectTicks(plain.ticks(targetCount: 6), [0, 20, 40, 60, 80])
    }

    @Test func unitIntervalTicksAndLabels() {
        let unit = AxisScale(lower: 0, upper: 1, rangeStart: 300, rangeEnd: 0)
        let ticks = unit.ticks(targetCount: 5)
        Self.expectTicks(ticks, [0, 0.2, 0.4, 0.6, 0.8, 1])
        #expect(unit.tickLabels(ticks) == ["0.0", "0.2", "0.4", "0.6", "0.8", "1.0"])
        Tolerance.absolute(1e-9).expect(unit.position(of: 0.25), 225)
        Tolerance.absolute(1e-9).expect(unit.position(of: 1), 0)
    }

    @Test func logTicks() {
        let narrow = AxisScale(kind: .log10, lower: 0.5, upper: 3, rangeStart: 0, rangeEnd: 400)
        let ticks = narrow.ticks()
        Self.expectTicks(ticks, [0.5, 1, 2, 3])
        #expect(narrow.tickLabels(ticks) == ["0.5", "1", "2", "3"])
        let wide = AxisScale(kind: .log10, lower: 0.1, upper: 10, rangeStart: 0, rangeEnd: 400)
        Self.expectTicks(wide.ticks(), [0.1, 0.2, 0.5, 1, 2, 5, 10])
        Tolerance.absolute(1e-9).expect(wide.position(of: 1), 200)
        #expect(wide.position(of: 0) == nil)
        #expect(wide.position(of: -1) == nil)
        let huge = AxisScale(kind: .log10, lower: 1e-3, upper: 1e6, rangeStart: 0, rangeEnd: 400)
        Self.expectTicks(huge.ticks(), [0.01, 1, 100, 1e4, 1e6])
        let extended = AxisScale(kind: .log10, lower: 0.3, upper: 3.5, rangeStart: 0, rangeEnd: 400).niceExtended()
        Tolerance.absolute(1e-12).expect([extended.lower, extended.upper], [0.2, 5], "extended bounds")
    }

    @Test func niceExtensionKeepsBoundsThatAreTicks() {
        let scale = AxisScale(lower: 0, upper: 1.5, rangeStart: 0, rangeEnd: 600).niceExtended(targetCount: 7)
        Tolerance.absolute(1e-12).expect([scale.lower, scale.upper], [0, 1.5], "extended bounds")
        let ragged = AxisScale(lower: 4.9, upper: 20.6, rangeStart: 0, rangeEnd: 600).niceExtended(targetCount: 6)
        // span 15.7 / 6 = 2.6 -> step 5: 4.9 -> 0, 20.6 -> 25.
        Tolerance.absolute(1e-12).expect([ragged.lower, ragged.upper], [0, 25], "extended bounds")
    }

    @Test func degenerateDomainsDoNotTrap() {
        let same = AxisScale(lower: 5, upper: 5, rangeStart: 0, rangeEnd: 100)
        #expect(same.upper > same.lower)
        #expect(!same.ticks().isEmpty)
        let zero = AxisScale(lower: 0, upper: 0, rangeStart: 0, rangeEnd: 100)
        #expect(zero.lower == -1 && zero.upper == 1)   // exact: 0 ∓ 1
        let nonFinite = AxisScale(lower: .nan, upper: .infinity, rangeStart: 0, rangeEnd: 100)
        #expect(nonFinite.lower == 0 && nonFinite.upper == 1)   // exact: the fallback
        let swapped = AxisScale(lower: 10, upper: 2, rangeStart: 0, rangeEnd: 100)
        #expect(swapped.lower == 2 && swapped.upper == 10)   // exact: input values
        let badLog = AxisScale(kind: .log10, lower: -1, upper: 0, rangeStart: 0, rangeEnd: 100)
        #expect(badLog.lower == 0.1 && badLog.upper == 10)   // exact: the fallback
        #expect(!badLog.ticks().isEmpty)
        let extreme = AxisScale(lower: -Double.greatestFiniteMagnitude, upper: .greatestFiniteMagnitude,
                                rangeStart: 0, rangeEnd: 100)
        #expect(!extreme.ticks().isEmpty)
        let tiny = AxisScale(lower: 0, upper: 1e-300, rangeStart: 0, rangeEnd: 1).ticks()
        #expect(tiny.count > 1 && tiny.count <= 1001)
        #expect(Set(tiny).count == tiny.count)
        #expect(same.position(of: .nan) == nil)
    }
}
