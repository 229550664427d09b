import Foundation
import NumericCore
import Testing

/// The suprema behind the simultaneous bands, against closed forms: over almost all of [0, 1] the
/// Brownian bridge's supremum is Kolmogorov's distribution; over a short range the standardised
/// supremum is that of one standard normal.
@Suite("Brownian bridge suprema")
struct SupremumProbabilityTests {
    /// Kolmogorov's `P(sup |W⁰| ≤ k) = 1 − 2 Σ (−1)^(j−1) exp(−2j²k²)`.
    static func kolmogorov(_ k: Double) -> Double {
        var sum = 0.0
        for j in 1...100 {
            let sign: Double = j % 2 == 1 ? 1 : -1
            let jj = Double(j * j)
            sum += sign * exp(-2 * jj * k * k)
        }
        return 1 - 2 * sum
    }

    @Test func hallWellnerOverNearlyTheWholeBridgeIsKolmogorov() throws {
        for k in [0.8, 1.0, 1.3581, 1.6] {
            let p = BrownianBridgeSupremum.probability(bound: k, from: 0, to: 1 - 1e-9)
            #expect(abs(p - Self.kolmogorov(k)) < 1e-7, "k = \(k): \(p) vs \(Self.kolmogorov(k))")
        }
        let k = try #require(BrownianBridgeSupremum.criticalValue(level: 0.95, from: 0, to: 1 - 1e-9))
        #expect(abs(k - 1.3580986) < 1e-6)
    }

    @Test func equalPrecisionOverAShortRangeIsOneNormal() throws {
        // T = ½ log(b(1 − a)/(a(1 − b))) ≈ 2e-6: P(|Z| ≤ c) up to O(sqrt(T)).
        let c = try #require(StandardizedBridgeSupremum.criticalValue(level: 0.95, from: 0.5, to: 0.500001))
        #expect(abs(c - 1.959964) < 0.01)
        let wider = try #require(StandardizedBridgeSupremum.criticalValue(level: 0.95, from: 0.1, to: 0.9))
        #expect(wider > c)
    }

    @Test func invalidRangesGiveNoValue() {
        #expect(BrownianBridgeSupremum.criticalValue(level: 0.95, from: 0.5, to: 0.4) == nil)
        #expect(BrownianBridgeSupremum.criticalValue(level: 1.5, from: 0, to: 0.4) == nil)
        #expect(StandardizedBridgeSupremum.criticalValue(level: 0.95, from: 0, to: 0.4) == nil)
        #expect(BrownianBridgeSupremum.probability(bound: 1, from: 0, to: 1).isNaN)
    }
}
