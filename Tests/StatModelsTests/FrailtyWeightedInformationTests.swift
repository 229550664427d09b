import Foundation
import NumericCore
import Regression
import Testing

/// The sparse evaluation's weighted sums against the dense one (an ordinary weighted Cox information on the
/// fixed effects and the group indicators, ``CoxPartialLikelihood``): with case weights on events and Efron's
/// ties, the sparse term's log-likelihood, scores, frailty diagonal, frailty × fixed block and fixed block are
/// the dense matrix's entries (to 1e-10 relative). This is the check of the weighted frailty diagonal, where
/// R's sparse code leaves the weights out (README, "Shared frailty and case weights").
@Suite("Shared frailty: weighted sparse sums equal the dense information")
struct FrailtyWeightedInformationTests {
    @Test("kidney, weights 0.9-1.1 and 1-3, Efron and Breslow", arguments: ["w_frac", "w_int"], [true, false])
    func sparseEqualsDense(weights: String, efron: Bool) throws {
        let (c, _) = try FrailtyWeightedReferenceTests.fixture("kidney_gamma_wfrac")
        let data = try FrailtyWeightedReferenceTests.data(c, weights: weights)
        let groups = try #require(data.frailty)
        let rows = FrailtyCoxRows(x: data.x, time: data.time, event: data.event, strata: nil, group: groups.codes,
                                  groups: groups.count, weights: data.weights)
        let sparse = SparseFrailtyLikelihood(rows: rows, efron: efron)
        let dense = DenseFrailtyLikelihood(rows: rows, time: data.time, entry: nil, strata: nil, ties: efron ? .efron : .breslow)
        let beta = [0.01, -1.2]
        let frailty = (0..<groups.count).map { 0.3 * sin(Double($0)) }
        let s = sparse.evaluate(beta: beta, frailty: frailty)
        let d = dense.evaluate(beta: beta, frailty: frailty)
        func close(_ a: Double, _ b: Double, scale: Double = 1) -> Bool { abs(a - b) <= 1e-10 * max(abs(b), scale) }
        #expect(close(s.logLikelihood, d.logLikelihood))
        #expect(zip(s.score, d.score).allSatisfy { close($0, $1) })
        #expect(zip(s.frailtyScore, d.frailtyScore).allSatisfy { close($0, $1) })
        let p = 2
        for g in 0..<groups.count {
            #expect(close(s.frailtyDiagonal[g], d.matrix[p + g, p + g]), "diagonal \(g)")
            for j in 0..<p { #expect(close(s.cross[g * p + j], d.matrix[p + g, j]), "cross \(g), \(j)") }
        }
        for i in 0..<p {
            for j in 0..<p { #expect(close(s.information[i * p + j], d.matrix[i, j], scale: 100)) }
        }
    }
}
