import NumericCore
import Survival
import Testing

/// The bootstrap's fast median (counts drawn per time, stopping at the median) against fitting the resample
/// a full multinomial draw with the same bits builds: the same median, to the last bit, including medians
/// at exactly 0.5 (R's midpoint rule), ties, censoring and not-reached medians.
@Suite("Bootstrap median without building the resample")
struct BootstrapMedianSamplerTests {
    /// The median of the resample holding the counts a full multinomial draw over the sampler's cells
    /// gives (events then censored rows at each time, the sampler's order), fitted as rows.
    static func fitted(_ sampler: BootstrapMedianSampler, count: Int, generator: inout SeededGenerator) throws -> Double? {
        let counts = try RandomVariates.multinomial(count: count, sizes: sampler.sizes, using: &generator)
        var time: [Double] = [], event: [Bool] = []
        for (cell, drawn) in counts.enumerated() {
            time += repeatElement(sampler.time[cell / 2], count: drawn)
            event += repeatElement(cell % 2 == 0, count: drawn)
        }
        return try KaplanMeier().fit(time: time, event: event, start: nil, weights: nil).median.estimate
    }

    @Test("equal to the fitted resample's median over 3,000 resamples of small tied and censored groups")
    func sameAsFitting() throws {
        var data = SeededGenerator(seed: 20261207)
        var compared = 0, midpoints = 0, notReached = 0
        for size in [1, 2, 3, 4, 5, 6, 8, 11, 17, 40] {
            for _ in 0..<10 {
                // Integer times (many ties) or 2-decimal times, a third censored; rows 0..<size of a larger set.
                let integer = Bool.random(using: &data)
                let time = (0..<(size + 3)).map { _ in
                    integer ? Double(Int.random(in: 1...6, using: &data)) : Double(Int.random(in: 1...2000, using: &data)) / 100
                }
                let event = time.indices.map { _ in Int.random(in: 0..<3, using: &data) > 0 }
                let members = Array(3..<(size + 3))
                let sampler = try #require(BootstrapMedianSampler(time: time, event: event, members: members, kaplanMeier: KaplanMeier()))
                for replicate in 0..<30 {
                    var a = SeededGenerator(seed: UInt64(replicate * 7919 + size))
                    var b = a
                    let fast = sampler.median(using: &a)
                    let slow = try Self.fitted(sampler, count: size, generator: &b)
                    #expect(fast == slow, "size \(size) replicate \(replicate): \(String(describing: fast)) vs \(String(describing: slow))")
                    compared += 1
                    if let fast, fast != fast.rounded(), integer { midpoints += 1 }
                    if fast == nil { notReached += 1 }
                }
            }
        }
        #expect(compared == 3_000)
        #expect(midpoints > 0, "the midpoint rule was exercised")
        #expect(notReached > 0, "a not-reached median was exercised")
    }

    @Test("times the time fix could merge in some resample take the fitting path; without the time fix they need not")
    func declines() {
        let members = [0, 1, 2]
        #expect(BootstrapMedianSampler(time: [1, 1 + 1e-9, 2], event: [true, true, false], members: members, kaplanMeier: KaplanMeier()) == nil)
        #expect(BootstrapMedianSampler(time: [1e9, 1e9 + 1, 2e9], event: [true, true, false], members: members, kaplanMeier: KaplanMeier()) == nil)
        var noFix = KaplanMeier()
        noFix.timeFix = false
        #expect(BootstrapMedianSampler(time: [1, 1 + 1e-9, 2], event: [true, true, false], members: members, kaplanMeier: noFix) != nil)
    }

    @Test("the fitting path (entry times) and the cell path give the same bootstrap distribution")
    func pathsAgree() throws {
        // Two groups of 300 with 2-decimal times (ties), a third censored; entry at 0 takes the fitting path
        // (a multinomial over rows, each resample fitted), no entry the cell path: different draws, so the
        // SEs agree within sampling error (about 4% each at 600 replicates; 20% is 3.5 SDs of the difference).
        var data = SeededGenerator(seed: 99)
        let n = 600
        let groups = (0..<n).map { $0 % 2 }
        let time = groups.map { g in (RandomVariates.uniform(using: &data) * (g == 0 ? 30 : 45) * 100).rounded(.up) / 100 }
        let event = (0..<n).map { _ in RandomVariates.uniform(using: &data) > 0.33 }
        let comparison = KaplanMeierComparison(reference: "a", bootstrapReplicates: 600, seed: 5)
        let cells = try comparison.compare(time: time, event: event, start: nil, groups: groups, levels: ["a", "b"])
        let fitted = try comparison.compare(time: time, event: event, start: [Double](repeating: 0, count: n), groups: groups,
                                            levels: ["a", "b"])
        let a = try #require(cells.contrasts.first?.medianDifference?.contrast)
        let b = try #require(fitted.contrasts.first?.medianDifference?.contrast)
        #expect(a.estimate == b.estimate)
        #expect(a.standardError != b.standardError, "different draws")
        #expect(abs(a.standardError / b.standardError - 1) < 0.2, "SE \(a.standardError) vs \(b.standardError)")
        #expect(abs(a.lower - b.lower) < a.standardError && abs(a.upper - b.upper) < a.standardError,
                "intervals [\(a.lower), \(a.upper)] vs [\(b.lower), \(b.upper)]")
    }
}

