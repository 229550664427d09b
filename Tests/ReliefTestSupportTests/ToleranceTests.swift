import ReliefTestSupport
import Testing

/// The documented rule of `Tolerance`: relative to the larger magnitude with an absolute floor, NaN never
/// passes, infinities only pass against themselves, `nil` is R's `NA`.
@Suite struct ToleranceTests {
    @Test func relativeScalesWithTheLargerMagnitude() {
        let tolerance = Tolerance.relative(1e-10)
        #expect(tolerance.accepts(1e6, 1e6 + 1e-5))        // 1e-11 relative
        #expect(!tolerance.accepts(1e6, 1e6 + 1e-3))       // 1e-9 relative
        #expect(tolerance.accepts(1e-300, 1e-300 * (1 + 1e-11)))
        #expect(!tolerance.accepts(1e-300, 2e-300))
        // Symmetric: the larger magnitude is the scale, whichever argument it is.
        #expect(tolerance.accepts(1, 1 + 0.9e-10) && tolerance.accepts(1 + 0.9e-10, 1))
        #expect(!tolerance.accepts(1, 1 + 1.1e-10) && !tolerance.accepts(1 + 1.1e-10, 1))
    }

    @Test func aZeroReferenceNeedsAnAbsoluteFloor() {
        #expect(!Tolerance.relative(1e-10).accepts(1e-17, 0))   // default floor: relative · leastNormalMagnitude
        #expect(Tolerance.relative(1e-10).accepts(0, 0))
        #expect(Tolerance.relative(1e-10).accepts(-0.0, 0))
        #expect(Tolerance.relative(1e-10, floor: 1e-13).accepts(1e-17, 0))
        #expect(!Tolerance.relative(1e-10, floor: 1e-13).accepts(1e-12, 0))
        #expect(Tolerance(relative: 1e-9, absolute: 1e-9).accepts(5e-10, 0))
    }

    @Test func absoluteIgnoresMagnitude() {
        #expect(Tolerance.absolute(1e-10).accepts(0.3, 0.1 + 0.2))
        #expect(!Tolerance.absolute(1e-10).accepts(1e6, 1e6 + 1e-5))
        #expect(Tolerance.absolute(0.01).accepts(15.795, 15.79))
        #expect(!Tolerance.absolute(0.01).accepts(15.81, 15.79))
    }

    @Test func nanNeverPassesAndInfinityOnlyAgainstItself() {
        for tolerance in [Tolerance.relative(1), .absolute(.greatestFiniteMagnitude)] {
            #expect(!tolerance.accepts(.nan, .nan))
            #expect(!tolerance.accepts(.nan, 1))
            #expect(!tolerance.accepts(1, .nan))
            #expect(tolerance.accepts(.infinity, .infinity))
            #expect(!tolerance.accepts(.infinity, -.infinity))
            #expect(!tolerance.accepts(.infinity, .greatestFiniteMagnitude))
            #expect(!tolerance.accepts(1, .infinity))
        }
    }

    @Test func nilIsRsNA() {
        let tolerance = Tolerance.absolute(1e-10)
        #expect(tolerance.accepts(nil as Double?, nil))
        #expect(tolerance.accepts(Double.nan as Double?, nil))       // Relief's NaN where R says NA
        #expect(tolerance.accepts(Double.infinity as Double?, nil))  // an infinite limit where R says NA
        #expect(!tolerance.accepts(0.5 as Double?, nil))
        #expect(!tolerance.accepts(nil as Double?, 0.5))
        #expect(tolerance.accepts(0.5 as Double?, 0.5))
        #expect(!tolerance.accepts(Double.nan as Double?, Double.nan))   // NaN is a value, not NA
    }

    @Test func arraysNeedTheSameCount() {
        let tolerance = Tolerance.absolute(1e-12)
        #expect(tolerance.accepts([0, 0.2, 1], [0, 0.2 + 1e-13, 1]))
        #expect(!tolerance.accepts([0, 0.2], [0, 0.2, 1]))
        #expect(!tolerance.accepts([0, 0.3], [0, 0.2]))
        #expect(tolerance.accepts([], []))
    }

    @Test func negativeOrNaNPartsCountAsZero() {
        let tolerance = Tolerance(relative: -1, absolute: .nan)
        #expect(tolerance.relative == 0 && tolerance.absolute == 0)
        #expect(tolerance.accepts(2, 2) && !tolerance.accepts(2, 2.000000000000001))
    }

    @Test func expectRecordsAnIssueOnlyWhenNotAccepted() {
        Tolerance.relative(1e-8).expect(1, 1 + 1e-9, "close")
        Tolerance.absolute(1e-10).expect(nil, nil, "both NA")
        Tolerance.absolute(1e-10).expect([1, 2], [1, 2], "arrays")
        withKnownIssue { Tolerance.absolute(1e-10).expect(1, 1.1, "far") }
        withKnownIssue { Tolerance.absolute(1e-10).expect(nil, 1, "missing") }
        withKnownIssue { Tolerance.absolute(1e-10).expect([1, 2], [1, 2.5], "arrays") }
        withKnownIssue { Tolerance.absolute(1e-10).expect([1], [1, 2], "counts") }
    }

    @Test func descriptionNamesTheParts() {
        #expect(Tolerance.relative(1e-10).description == "1e-10 relative")
        #expect(Tolerance.absolute(1e-10).description == "1e-10 absolute")
        #expect(Tolerance(relative: 1e-06, absolute: 1e-09).description == "1e-06 relative, 1e-09 absolute floor")
        #expect(Tolerance.relativeDifference(2, 1) == 0.5)   // exact: 1 / 2
        #expect(Tolerance.relativeDifference(3, 3) == 0)
    }
}
