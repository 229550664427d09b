import Foundation
@testable import NumericCore
import Testing

/// A generator that replays fixed outputs, to hit the edges of the samplers.
private struct ReplayGenerator: RandomNumberGenerator {
    var values: [UInt64]
    var position = 0
    mutating func next() -> UInt64 {
        let value = values[position % values.count]
        position += 1
        return value
    }
}

/// Sample mean and variance (n − 1 denominator).
private func moments(_ x: [Double]) -> (mean: Double, variance: Double) {
    let n = Double(x.count)
    let mean = x.reduce(0, +) / n
    let variance = x.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / (n - 1)
    return (mean, variance)
}

/// Checks a sample's mean and variance against the true values within `z` standard errors.
///
/// SE(mean) = σ/√n; SE(variance) = √((μ₄ − σ⁴)/n) with μ₄ the true fourth central moment. With z = 5
/// a correct sampler fails with probability below 1e-6 per check; the seed is fixed, so each run
/// is exactly reproducible, but a wrong sampler (wrong mean, scale or shape) is far outside.
private func expectMoments(
    _ x: [Double], mean: Double, variance: Double, fourthCentral: Double, z: Double = 5,
    sourceLocation: SourceLocation = #_sourceLocation
) {
    let n = Double(x.count)
    let sample = moments(x)
    let seMean = (variance / n).squareRoot()
    let seVariance = ((fourthCentral - variance * variance) / n).squareRoot()
    #expect(abs(sample.mean - mean) < z * seMean, "mean \(sample.mean) vs \(mean) (SE \(seMean))",
            sourceLocation: sourceLocation)
    #expect(abs(sample.variance - variance) < z * seVariance,
            "variance \(sample.variance) vs \(variance) (SE \(seVariance))", sourceLocation: sourceLocation)
}

@Suite("RandomVariates")
struct RandomVariatesTests {
    static let n = 200_000

    @Test func uniformIsOpenAtBothEnds() {
        var low = ReplayGenerator(values: [0])
        var high = ReplayGenerator(values: [UInt64.max])
        let u0 = RandomVariates.uniform(using: &low)
        let u1 = RandomVariates.uniform(using: &high)
        #expect(u0 > 0 && u0 == 0x1.0p-53)
        #expect(u1 < 1 && u1 == 1 - 0x1.0p-53)
        #expect(log(u0).isFinite && log(u1).isFinite)
        var extremes = ReplayGenerator(values: [0, UInt64.max])
        #expect(RandomVariates.standardNormal(using: &extremes).isFinite)
    }

    @Test func uniformMoments() {
        var rng = SeededGenerator(seed: 101)
        let x = (0..<Self.n).map { _ in RandomVariates.uniform(using: &rng) }
        #expect(x.allSatisfy { $0 > 0 && $0 < 1 })
        expectMoments(x, mean: 0.5, variance: 1.0 / 12, fourthCentral: 1.0 / 80)
    }

    @Test func standardNormalMomentsAndTails() {
        var rng = SeededGenerator(seed: 102)
        let x = (0..<Self.n).map { _ in RandomVariates.standardNormal(using: &rng) }
        expectMoments(x, mean: 0, variance: 1, fourthCentral: 3)
        // P(Z < −1.959964) = 0.025 and P(Z > 1.959964) = 0.025; binomial SE √(p(1−p)/n) ≈ 3.5e-4.
        let se = (0.025 * 0.975 / Double(Self.n)).squareRoot()
        let lower = Double(x.filter { $0 < -1.959964 }.count) / Double(Self.n)
        let upper = Double(x.filter { $0 > 1.959964 }.count) / Double(Self.n)
        #expect(abs(lower - 0.025) < 5 * se)
        #expect(abs(upper - 0.025) < 5 * se)
        // Third moment of N(0,1) is 0 with SE √(15/n).
        let skew = x.reduce(0) { $0 + $1 * $1 * $1 } / Double(Self.n)
        #expect(abs(skew) < 5 * (15 / Double(Self.n)).squareRoot())
    }

    @Test func normalShiftsAndScales() throws {
        var rng = SeededGenerator(seed: 103)
        let x = try (0..<Self.n).map { _ in try RandomVariates.normal(mean: 6.4, standardDeviation: 1.2, using: &rng) }
        expectMoments(x, mean: 6.4, variance: 1.44, fourthCentral: 3 * 1.44 * 1.44)
    }

    @Test func exponentialMoments() throws {
        var rng = SeededGenerator(seed: 104)
        let x = try (0..<Self.n).map { _ in try RandomVariates.exponential(mean: 120, using: &rng) }
        #expect(x.allSatisfy { $0 > 0 })
        let m = 120.0
        expectMoments(x, mean: m, variance: m * m, fourthCentral: 9 * m * m * m * m)
    }

    @Test func minimumExtremeValueMoments() {
        // Gumbel-min: mean −γ, variance π²/6, excess kurtosis 12/5, so μ₄ = 5.4 σ⁴.
        var rng = SeededGenerator(seed: 105)
        let x = (0..<Self.n).map { _ in RandomVariates.minimumExtremeValue(using: &rng) }
        let variance = Double.pi * Double.pi / 6
        expectMoments(x, mean: -0.577_215_664_901_532_9, variance: variance, fourthCentral: 5.4 * variance * variance)
    }

    @Test(arguments: [(2.0, 12.0), (0.5, 2.0), (1.0, 1.0), (9.5, 0.25), (0.05, 1.0)])
    func gammaMoments(shape: Double, scale: Double) throws {
        var rng = SeededGenerator(seed: 106)
        let x = try (0..<Self.n).map { _ in try RandomVariates.gamma(shape: shape, scale: scale, using: &rng) }
        #expect(x.allSatisfy { $0 >= 0 && $0.isFinite })
        let variance = shape * scale * scale
        expectMoments(x, mean: shape * scale, variance: variance, fourthCentral: (3 + 6 / shape) * variance * variance)
    }

    @Test(arguments: [0.3, 3.0, 9.9, 10.0, 50.0, 1234.5])
    func poissonMoments(mean: Double) throws {
        var rng = SeededGenerator(seed: 107)
        let k = try (0..<Self.n).map { _ in try RandomVariates.poisson(mean: mean, using: &rng) }
        #expect(k.allSatisfy { $0 >= 0 })
        let x = k.map(Double.init)
        expectMoments(x, mean: mean, variance: mean, fourthCentral: 3 * mean * mean + mean)
        // P(K = ⌊λ⌋) against the exact probability mass, binomial SE.
        let mode = mean.rounded(.down)
        let p = exp(-mean + mode * log(mean) - (lgamma(mode + 1) as Double))
        let observed = Double(k.filter { Double($0) == mode }.count) / Double(Self.n)
        #expect(abs(observed - p) < 5 * (p * (1 - p) / Double(Self.n)).squareRoot(), "P(K=\(mode)) \(observed) vs \(p)")
    }

    @Test func poissonZeroMeanIsZero() throws {
        var rng = SeededGenerator(seed: 1)
        #expect(try RandomVariates.poisson(mean: 0, using: &rng) == 0)
    }

    @Test func logFactorialMatchesLogGamma() {
        for k in [0.0, 1, 2, 5, 15, 16, 17, 30, 100, 1e4, 1e8] {
            let expected: Double = lgamma(k + 1)
            #expect(abs(RandomVariates.logFactorial(k) - expected) <= 1e-13 * max(1, abs(expected)), "k = \(k)")
        }
    }

    @Test func categoricalFrequencies() throws {
        var rng = SeededGenerator(seed: 108)
        let weights = [0.30, 0.0, 0.50, 0.20]
        var counts = [0, 0, 0, 0]
        for _ in 0..<Self.n {
            counts[try RandomVariates.categorical(probabilities: weights, using: &rng)] += 1
        }
        #expect(counts[1] == 0)
        for (i, p) in weights.enumerated() where p > 0 {
            let observed = Double(counts[i]) / Double(Self.n)
            #expect(abs(observed - p) < 5 * (p * (1 - p) / Double(Self.n)).squareRoot())
        }
        // Unnormalised weights give the same stream as the normalised ones.
        var a = SeededGenerator(seed: 3)
        var b = SeededGenerator(seed: 3)
        for _ in 0..<1000 {
            let i = try RandomVariates.categorical(probabilities: [3, 0, 5, 2], using: &a)
            let j = try RandomVariates.categorical(probabilities: weights, using: &b)
            #expect(i == j)
        }
        var top = ReplayGenerator(values: [UInt64.max])
        #expect(try RandomVariates.categorical(probabilities: [0.5, 0.5, 0], using: &top) == 1)
    }

    @Test func dirichletMeansAndVariances() throws {
        var rng = SeededGenerator(seed: 109)
        let alpha = [4.0, 4.0, 2.0, 0.5]
        let a0 = alpha.reduce(0, +)
        let draws = try (0..<Self.n).map { _ in try RandomVariates.dirichlet(concentrations: alpha, using: &rng) }
        #expect(draws.allSatisfy { abs($0.reduce(0, +) - 1) < 1e-12 && $0.allSatisfy { $0 >= 0 } })
        for i in alpha.indices {
            let x = draws.map { $0[i] }
            let mean = alpha[i] / a0
            let variance = mean * (1 - mean) / (a0 + 1)
            // Marginal is Beta(αᵢ, α₀ − αᵢ); only the mean is checked against its exact SE here, the
            // variance against a 3% relative tolerance (its SE is below 1% for these α).
            let sample = moments(x)
            #expect(abs(sample.mean - mean) < 5 * (variance / Double(Self.n)).squareRoot())
            #expect(abs(sample.variance / variance - 1) < 0.03)
        }
    }

    @Test func dirichletWithTinyConcentrationsIsStillASimplexPoint() throws {
        var rng = SeededGenerator(seed: 110)
        for _ in 0..<1000 {
            let w = try RandomVariates.dirichlet(concentrations: [1e-3, 1e-3, 1e-3], using: &rng)
            #expect(abs(w.reduce(0, +) - 1) < 1e-12)
        }
    }

    @Test func invalidParametersThrowWithoutDrawing() {
        var rng = SeededGenerator(seed: 11)
        let before = rng
        #expect(throws: RandomVariatesError.self) { try RandomVariates.gamma(shape: 0, scale: 1, using: &rng) }
        #expect(throws: RandomVariatesError.self) { try RandomVariates.gamma(shape: 1, scale: -.infinity, using: &rng) }
        #expect(throws: RandomVariatesError.self) { try RandomVariates.exponential(mean: -1, using: &rng) }
        #expect(throws: RandomVariatesError.self) { try RandomVariates.poisson(mean: .nan, using: &rng) }
        #expect(throws: RandomVariatesError.self) { try RandomVariates.poisson(mean: 1e16, using: &rng) }
        #expect(throws: RandomVariatesError.self) { try RandomVariates.normal(mean: 0, standardDeviation: -1, using: &rng) }
        #expect(throws: RandomVariatesError.self) { try RandomVariates.categorical(probabilities: [], using: &rng) }
        #expect(throws: RandomVariatesError.self) { try RandomVariates.categorical(probabilities: [0, 0], using: &rng) }
        #expect(throws: RandomVariatesError.self) { try RandomVariates.categorical(probabilities: [1, -0.1], using: &rng) }
        #expect(throws: RandomVariatesError.self) { try RandomVariates.dirichlet(concentrations: [1, 0], using: &rng) }
        #expect(rng == before)
        let error = RandomVariatesError(distribution: "gamma", parameter: "shape", value: -1, requirement: "a finite number > 0")
        #expect(error.description == "gamma: shape = -1.0 is invalid; it must be a finite number > 0")
    }
}
