import NumericCore
@testable import Regression
import Survival
import Testing

/// The shortcuts that make `CoxPH.fit` fast on large data (issue 15) give what the direct computations
/// give: one sort for the time fix and the order, the rank check without a centred copy, the blocked
/// information, the robust variance's two score passes side by side, then the concordance.
@Suite("Cox large-data paths")
struct CoxLargeDataPathTests {
    /// Seeded data with near-tied times (so that the time fix merges runs) and `p` covariates, the last
    /// one a factor-like 0/1 column.
    static func data(n: Int, p: Int, seed: UInt64) -> (x: Matrix, time: [Double], event: [Bool], cluster: [Int]) {
        var random = SeededGenerator(seed: seed)
        var columns = [Double]()
        for j in 0..<p {
            for _ in 0..<n {
                columns.append(j == p - 1 ? Double(Int.random(in: 0...1, using: &random))
                                          : Double.random(in: -2...3, using: &random).rounded(toPlaces: 2))
            }
        }
        let time = (0..<n).map { _ -> Double in
            let base = Double(Int.random(in: 1...40, using: &random)) / 8
            // A third of the times sit a rounding step away from a neighbour.
            return Int.random(in: 0...2, using: &random) == 0 ? base + 1e-12 * base : base
        }
        let event = (0..<n).map { _ in Int.random(in: 0...3, using: &random) != 0 }
        let cluster = (0..<n).map { $0 / 3 }
        let x = (try? Matrix(rows: n, columns: p, columnMajor: columns)) ?? Matrix(rows: n, columns: p)
        return (x, time, event, cluster)
    }

    @Test("TimeFix.applySorting is apply(to:) and the stable order of its result", arguments: [50, 5_000])
    func timeFixSorting(n: Int) throws {
        let times = Self.data(n: n, p: 1, seed: 7).time
        let (fixed, order) = try TimeFix().applySorting(times)
        let expected = try TimeFix().apply(to: times)
        #expect(fixed == expected)                                  // the same values, exactly
        #expect(order == SurvivalOrder.ascending(expected))
        #expect(Set(times).count > Set(fixed).count)                // near ties were merged
    }

    @Test("the blocked cross product equals one dsyrk to rounding, and repeats exactly")
    func blockedCrossProduct() throws {
        let n = 2 * BlockedCrossProduct.blockRows + 123, p = 5
        let x = Self.data(n: n, p: p, seed: 3).x
        func blocked() -> Matrix {
            BlockedCrossProduct.compute(rows: n, columns: p) { first, count, block in
                for r in 0..<count {
                    for j in 0..<p { block[r * p + j] = x[first + r, j] }
                }
            }
        }
        let direct = try x.crossProduct()
        let once = blocked()
        for i in 0..<p {
            for j in 0..<p {
                #expect(abs(once[i, j] - direct[i, j]) <= 1e-12 * max(1, abs(direct[i, j])))
            }
        }
        #expect(blocked().elements == once.elements)               // deterministic: same blocks, same sums
    }

    @Test("a nearly collinear design is fitted and an exactly collinear one refused, as by the QR")
    func rankCheck() throws {
        let n = 3_000
        let d = Self.data(n: n, p: 3, seed: 11)
        let a = (0..<n).map { d.x[$0, 0] }, b = (0..<n).map { d.x[$0, 1] }
        var random = SeededGenerator(seed: 5)
        // a + b + small noise: λ_min of the Gram matrix is below the shortcut's 1e-8, the QR's |R_jj| is not.
        let near = zip(a, b).map { $0 + $1 + 1e-5 * Double.random(in: -1...1, using: &random) }
        let nearX = try Matrix(rows: n, columns: 3, columnMajor: a + b + near)
        let fit = try CoxPH().fit(x: nearX, time: d.time, event: d.event)
        #expect(fit.coefficients.count == 3)
        let exact = try Matrix(rows: n, columns: 3, columnMajor: a + b + zip(a, b).map { 2 * $0 - $1 })
        #expect(throws: StatModelError.self) { try CoxPH().fit(x: exact, time: d.time, event: d.event) }
    }

    @Test("the concurrent concordance and robust variance equal the single-threaded passes exactly")
    func concurrentPieces() throws {
        let n = 4_000, p = 4
        let d = Self.data(n: n, p: p, seed: 21)
        let model = CoxPH()
        let input = RegressionData(x: d.x, termNames: nil, time: d.time, event: d.event, weights: nil, strata: nil,
                                   cluster: d.cluster)
        let fit = try model.fit(input)
        var (sorted, _) = try model.sortedRows(input)
        let scales = CoxPH.centreAndScale(&sorted).scales
        let dense = CoxCodes.dense(d.cluster)
        let codes = sorted.order.map { Int32(dense.codes[$0]) }
        let eta = sorted.order.map { fit.linearPredictors[$0] }
        let concordance = CoxConcordance.compute(sorted, risk: eta, cluster: codes, clusterCount: dense.count)
        #expect(fit.concordance == concordance)
        var sums = CoxScoreResiduals.clusterSums(sorted, eta: eta, ties: .efron, cluster: codes, clusterCount: dense.count)
        let robust = CoxPH.sandwich(&sums, scales: scales, variance: fit.variance, clusters: dense.count)
        #expect(fit.robustVariance?.elements == robust.elements)
        // No linear predictor is the linear predictor 0 (the robust score test's sums), to the last bit.
        let zero = [Double](repeating: 0, count: n)
        #expect(CoxScoreResiduals.clusterSums(sorted, eta: nil, ties: .efron, cluster: codes, clusterCount: dense.count)
                == CoxScoreResiduals.clusterSums(sorted, eta: zero, ties: .efron, cluster: codes, clusterCount: dense.count))
    }

    @Test("the linear predictors from the sorted, centred rows are X β − Σ mean β, with strata, weights and entry")
    func linearPredictors() throws {
        let n = 3_000, p = 4
        let d = Self.data(n: n, p: p, seed: 33)
        let weights = (0..<n).map { 0.5 + Double($0 % 7) / 4 }
        let strata = (0..<n).map { $0 % 3 }
        let entry = d.time.enumerated().map { $1 * Double($0 % 4) / 5 }
        for start in [nil, entry] {
            var input = RegressionData(x: d.x, termNames: nil, time: d.time, event: d.event, weights: weights,
                                       strata: strata, cluster: d.cluster)
            input.start = start
            let fit = try CoxPH().fit(input)
            let offset = zip(fit.coefficients, fit.means).reduce(0.0) { $0 + $1.0 * $1.1 }
            var worst = 0.0
            for i in 0..<n {
                var direct = -offset
                for j in 0..<p { direct += d.x[i, j] * fit.coefficients[j] }
                worst = max(worst, abs(fit.linearPredictors[i] - direct))
            }
            #expect(worst < 1e-12)
            #expect(fit.means.contains { $0 != 0 })     // the centring is exercised
            // Handing over the design gives the same fit.
            let released = try CoxPH().fit(releasing: input)
            #expect(released.linearPredictors == fit.linearPredictors)
            #expect(released.robustVariance?.elements == fit.robustVariance?.elements)
        }
    }
}

private extension Double {
    func rounded(toPlaces places: Int) -> Double {
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        return (self * scale).rounded() / scale
    }

    @Test("dense codes: labels already 0..<k are returned as they are; others are renumbered as before")
    func denseCodes() {
        // CoxCodes keeps the labels' ascending order; already 0..<k with every value present: unchanged.
        #expect(CoxCodes.dense([2, 0, 1, 1]).codes == [2, 0, 1, 1])
        #expect(CoxCodes.dense([5, 3, 9, 3]).codes == [1, 0, 2, 0])
        #expect(CoxCodes.dense([0, 2, 2]).codes == [0, 1, 1])
        #expect(CoxCodes.dense([0, 2, 2]).count == 2)
        // The AFT's codes follow first appearance; codes already numbered that way are returned as they are.
        #expect(AFTRobustVariance.denseCodes([0, 1, 0, 2, 1]).codes == [0, 1, 0, 2, 1])
        #expect(AFTRobustVariance.denseCodes([0, 1, 0, 2, 1]).count == 3)
        #expect(AFTRobustVariance.denseCodes([1, 0, 1]).codes == [0, 1, 0])
        #expect(AFTRobustVariance.denseCodes([0, 2, 1]).codes == [0, 1, 2])
        #expect(AFTRobustVariance.denseCodes([0, -1, 0]).codes == [0, 1, 0])
        #expect(AFTRobustVariance.denseCodes([]).count == 0)
    }
}
