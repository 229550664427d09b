import Foundation
@testable import NumericCore
import Testing

/// The binomial sampler (inversion below np = 10, BTRS above, reflected above p = 1/2) against the exact
/// probability mass by a chi-squared goodness-of-fit test, and the multinomial built from it.
@Suite("Binomial and multinomial variates")
struct BinomialVariatesTests {
    static let draws = 200_000

    /// log P(K = k) for K ~ Binomial(n, p).
    static func logMass(_ k: Int, n: Int, p: Double) -> Double {
        let (kd, nd) = (Double(k), Double(n))
        return lgamma(nd + 1) - lgamma(kd + 1) - lgamma(nd - kd + 1) + kd * log(p) + (nd - kd) * log1p(-p)
    }

    /// Pearson's statistic over the support, neighbouring cells pooled until each expects at least 20.
    static func chiSquared(_ sample: [Int], n: Int, p: Double) -> (statistic: Double, cells: Int) {
        var observed = [Int: Int]()
        for k in sample { observed[k, default: 0] += 1 }
        var statistic = 0.0, cells = 0
        var expectedPool = 0.0, observedPool = 0
        for k in 0...n {
            expectedPool += exp(logMass(k, n: n, p: p)) * Double(draws)
            observedPool += observed[k] ?? 0
            if expectedPool >= 20 || k == n {
                statistic += (Double(observedPool) - expectedPool) * (Double(observedPool) - expectedPool) / max(expectedPool, 1e-300)
                cells += 1
                expectedPool = 0
                observedPool = 0
            }
        }
        return (statistic, cells)
    }

    @Test("matches the binomial mass (chi-squared p > 1e-6, fixed seed)",
          arguments: [(1, 0.5), (5, 0.3), (30, 0.2), (19, 0.5), (100, 0.15), (1_000, 0.5), (60, 0.9), (1_000_000, 0.00004), (400_000, 0.37)])
    func goodnessOfFit(n: Int, p: Double) throws {
        var rng = SeededGenerator(seed: 4242)
        let sample = try (0..<Self.draws).map { _ in try RandomVariates.binomial(count: n, probability: p, using: &rng) }
        #expect(sample.allSatisfy { (0...n).contains($0) })
        let (statistic, cells) = Self.chiSquared(sample, n: n, p: p)
        #expect(cells > 1)
        let pValue = ChiSquared(degreesOfFreedom: Double(cells - 1)).survival(statistic)
        #expect(pValue > 1e-6, "n \(n) p \(p): chi-squared \(statistic) on \(cells - 1) df, p \(pValue)")
    }

    @Test("a wrong probability is detected by the same check")
    func detectsWrongProbability() throws {
        var rng = SeededGenerator(seed: 4242)
        let sample = try (0..<Self.draws).map { _ in try RandomVariates.binomial(count: 100, probability: 0.155, using: &rng) }
        let (statistic, cells) = Self.chiSquared(sample, n: 100, p: 0.15)
        #expect(ChiSquared(degreesOfFreedom: Double(cells - 1)).survival(statistic) < 1e-6)
    }

    @Test("edges: p = 0, p = 1, n = 0; invalid arguments throw")
    func edges() throws {
        var rng = SeededGenerator(seed: 1)
        let zero = try RandomVariates.binomial(count: 10, probability: 0, using: &rng)
        #expect(zero == 0)
        let all = try RandomVariates.binomial(count: 10, probability: 1, using: &rng)
        #expect(all == 10)
        let empty = try RandomVariates.binomial(count: 0, probability: 0.4, using: &rng)
        #expect(empty == 0)
        // Counts near Int.max draw without trapping (both algorithms) and stay in range.
        let huge = try RandomVariates.binomial(count: Int.max, probability: 0.5, using: &rng)
        #expect(huge >= 0)
        let tiny = try RandomVariates.binomial(count: Int.max, probability: 1e-19, using: &rng)
        #expect(tiny >= 0 && tiny < 100)
        #expect(throws: RandomVariatesError.self) { try RandomVariates.binomial(count: -1, probability: 0.5, using: &rng) }
        #expect(throws: RandomVariatesError.self) { try RandomVariates.binomial(count: 3, probability: .nan, using: &rng) }
        #expect(throws: RandomVariatesError.self) { try RandomVariates.binomial(count: 3, probability: 1.5, using: &rng) }
    }

    @Test("multinomial counts sum to the draws, zero-size cells stay empty, and proportions follow the sizes")
    func multinomial() throws {
        var rng = SeededGenerator(seed: 77)
        let sizes = [5, 0, 1, 30, 0, 64]
        var totals = [Int](repeating: 0, count: sizes.count)
        for _ in 0..<20_000 {
            let counts = try RandomVariates.multinomial(count: 100, sizes: sizes, using: &rng)
            #expect(counts.reduce(0, +) == 100)
            for i in totals.indices { totals[i] += counts[i] }
        }
        #expect(totals[1] == 0 && totals[4] == 0)
        for (i, size) in sizes.enumerated() where size > 0 {
            let p = Double(size) / 100, expected = p * 2_000_000
            // Each total is Binomial(2,000,000, p): within 5 SE.
            #expect(abs(Double(totals[i]) - expected) < 5 * (expected * (1 - p)).squareRoot(), "cell \(i): \(totals[i]) vs \(expected)")
        }
        #expect(throws: RandomVariatesError.self) { try RandomVariates.multinomial(count: 3, sizes: [0, 0], using: &rng) }
        #expect(throws: RandomVariatesError.self) { try RandomVariates.multinomial(count: 3, sizes: [1, -1], using: &rng) }
        let none = try RandomVariates.multinomial(count: 0, sizes: [], using: &rng)
        #expect(none.isEmpty)
    }
}
