@testable import NumericCore
import Testing

@Suite struct OrderStatisticsTests {
    /// Every rank of arrays that defeat naive pivots (sorted, reversed, all equal, few distinct values,
    /// organ pipe) and of seeded random ones equals the full sort's value.
    @Test func everyRankEqualsTheSortedArray() {
        var generator = SeededGenerator(seed: 20261207)
        let n = 301
        var arrays: [[Double]] = [
            (0..<n).map(Double.init), (0..<n).map { Double(n - $0) }, [Double](repeating: 2.5, count: n),
            (0..<n).map { Double($0 % 3) }, (0..<n).map { Double(min($0, n - $0)) },
        ]
        for _ in 0..<5 { arrays.append((0..<n).map { _ in Double.random(in: -1e3...1e3, using: &generator).rounded() }) }
        for values in arrays {
            let sorted = values.sorted()
            let ranks = Array(0..<n)
            #expect(OrderStatistics.values(values, at: ranks) == sorted)
            #expect(OrderStatistics.values(values, at: [n - 1, 0, 150, 150]) == [sorted[n - 1], sorted[0], sorted[150], sorted[150]])
        }
    }

    @Test func smallAndOutOfRangeInputs() {
        #expect(OrderStatistics.values([], at: [0]).allSatisfy { $0.isNaN })
        #expect(OrderStatistics.values([4], at: [0]) == [4])
        #expect(OrderStatistics.values([5, 1], at: [1, 0]) == [5, 1])
        let out = OrderStatistics.values([3, 1, 2], at: [-1, 3, 1])
        #expect(out[0].isNaN && out[1].isNaN && out[2] == 2)
    }
}
