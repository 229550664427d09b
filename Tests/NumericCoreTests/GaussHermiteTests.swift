import Foundation
import NumericCore
import Testing

/// The Gauss–Hermite rule against closed forms: the moments `∫ x^{2m} e^{−x²} dx = Γ(m + ½)` are exact for
/// `2m ≤ 2n − 1`, the weights sum to `√π`, and the 2- and 3-point rules are known exactly
/// (Abramowitz and Stegun, table 25.10).
@Suite("Gauss–Hermite rule (Golub–Welsch)")
struct GaussHermiteTests {
    @Test("2- and 3-point rules equal the closed forms")
    func smallRules() throws {
        let two = try GaussHermite(nodes: 2)
        #expect(abs(two.nodes[1] - 0.5.squareRoot()) < 1e-14 && abs(two.nodes[0] + 0.5.squareRoot()) < 1e-14)
        #expect(two.weights.allSatisfy { abs($0 - Double.pi.squareRoot() / 2) < 1e-14 })
        let three = try GaussHermite(nodes: 3)
        #expect(three.nodes[1] == 0)
        #expect(abs(three.nodes[2] - 1.5.squareRoot()) < 1e-14)
        #expect(abs(three.weights[1] - 2 * Double.pi.squareRoot() / 3) < 1e-14)
        #expect(abs(three.weights[0] - Double.pi.squareRoot() / 6) < 1e-14)
        let one = try GaussHermite(nodes: 1)
        #expect(one.nodes == [0] && abs(one.weights[0] - Double.pi.squareRoot()) < 1e-15)
    }

    @Test("even moments exact up to degree 2n − 1", arguments: [4, 9, 20, 40])
    func moments(count: Int) throws {
        let rule = try GaussHermite(nodes: count)
        for m in 0..<min(count, 12) {
            let sum = zip(rule.nodes, rule.weights).reduce(0.0) { $0 + $1.1 * pow($1.0, Double(2 * m)) }
            let exact = tgamma(Double(m) + 0.5)
            #expect(abs(sum - exact) <= 1e-10 * exact, "n = \(count), m = \(m): \(sum) vs \(exact)")
        }
    }

    @Test("bad counts are typed errors")
    func badCounts() {
        #expect(throws: LinearAlgebraError.self) { try GaussHermite(nodes: 0) }
        #expect(throws: LinearAlgebraError.self) { try GaussHermite(nodes: GaussHermite.maximumNodes + 1) }
    }
}
