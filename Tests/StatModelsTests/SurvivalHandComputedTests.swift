import Foundation
import NumericCore
import Survival
import Testing

/// Tiny cases with values derived by hand (no R), and edge cases. Tolerance 1e-12 absolute unless noted.
@Suite("Survival: hand-computed and edge cases")
struct SurvivalHandComputedTests {
    static let tolerance = 1e-12
    /// qnorm(0.975).
    static let z975 = 1.959963984540054

    // times 1, 2, 2, 3+, 4 (events 1 1 1 0 1):
    //   t=1: n=5 d=1  S=4/5            Σ=1/20           SE(S)=0.8·sqrt(0.05)
    //   t=2: n=4 d=2  S=2/5            Σ=1/20+2/8=0.3   SE(S)=0.4·sqrt(0.3)
    //   t=3: n=2 d=0 c=1  S=2/5        Σ=0.3
    //   t=4: n=1 d=1  S=0              Σ=inf            SE(S)=NaN (R: Inf·0)
    static let time = [1.0, 2, 2, 3, 4]
    static let event = [true, true, true, false, true]

    @Test func kaplanMeierByHand() throws {
        let fit = try KaplanMeier().fit(time: Self.time, event: Self.event)
        #expect(fit.times == [1, 2, 3, 4])   // exact: input values
        #expect(fit.atRisk == [5, 4, 2, 1])
        #expect(fit.eventCounts == [1, 2, 0, 1])
        #expect(fit.censorCounts == [0, 0, 1, 0])
        #expect((fit.n, fit.events, fit.censored) == (5, 4, 1))
        let s = [0.8, 0.4, 0.4, 0.0]
        let se = [0.8 * 0.05.squareRoot(), 0.4 * 0.3.squareRoot(), 0.4 * 0.3.squareRoot()]
        for j in 0..<4 { #expect(abs(fit.survival[j] - s[j]) <= Self.tolerance) }
        for j in 0..<3 { #expect(abs(fit.standardError[j] - se[j]) <= Self.tolerance) }
        #expect(fit.standardError[3].isNaN)
        #expect(fit.logStandardError[3] == .infinity)
        // log CI at t=1: 0.8·exp(∓z·sqrt(0.05)), upper capped at 1.
        let lower1 = 0.8 * exp(-Self.z975 * 0.05.squareRoot())
        #expect(abs((fit.lower[0] ?? .nan) - lower1) <= Self.tolerance)
        #expect(fit.upper[0] == 1)
        #expect(fit.lower[3] == nil && fit.upper[3] == nil)
    }

    @Test func confidenceTransformsByHand() throws {
        let plain = try KaplanMeier(confidenceTransform: .plain).fit(time: Self.time, event: Self.event)
        let half = Self.z975 * 0.4 * 0.3.squareRoot()
        #expect(0.4 - half < 0 && plain.lower[1] == 0)     // clipped at 0 (R's pmax)
        #expect(abs((plain.upper[1] ?? .nan) - min(0.4 + half, 1)) <= Self.tolerance)
        #expect(plain.lower[3] == nil)
        let logLog = try KaplanMeier(confidenceTransform: .logLog).fit(time: Self.time, event: Self.event)
        let c = log(-log(0.8)), h = Self.z975 * 0.05.squareRoot() / log(0.8)
        #expect(abs((logLog.lower[0] ?? .nan) - exp(-exp(c - h))) <= Self.tolerance)
        #expect(abs((logLog.upper[0] ?? .nan) - exp(-exp(c + h))) <= Self.tolerance)
        #expect(logLog.lower[3] == nil)
    }

    @Test func estimatesQuantilesAndRestrictedMeanByHand() throws {
        let fit = try KaplanMeier().fit(time: Self.time, event: Self.event)
        let before = fit.estimate(at: 0.5)
        #expect(before.estimate == 1 && before.standardError == 0 && before.atRisk == 5)
        #expect(before.lower == 1 && before.upper == 1)
        let mid = fit.estimate(at: 3.5)
        #expect(abs(mid.estimate - 0.4) <= Self.tolerance)
        #expect(mid.atRisk == 1)                     // the risk set at t=4
        let after = fit.estimate(at: 10)
        #expect(after.isBeyondLastTime && after.atRisk == 0 && after.estimate == 0)
        // quantile.survfit: 1 - S = 0, .2, .6, .6, 1 at 0, 1, 2, 3, 4.
        #expect(fit.quantile(0.25).estimate == 2)
        #expect(fit.quantile(0.5).estimate == 2)
        #expect(fit.quantile(0.75).estimate == 4)
        #expect(fit.quantile(0).estimate == 0)
        #expect(fit.median.estimate == 2)
        // rmean to 4: 1·1 + 1·0.8 + 1·0.4 + 1·0.4 = 2.6;
        // var = (0.8+0.4+0.4)²·1/20 + (0.4+0.4)²·2/8 = 0.128 + 0.16 = 0.288.
        let rmean = fit.restrictedMean(tau: 4)
        #expect(abs(rmean.estimate - 2.6) <= Self.tolerance)
        #expect(abs(rmean.standardError - 0.288.squareRoot()) <= Self.tolerance)
        #expect(fit.lastTimeAtRisk == 4)
    }

    @Test func flatSegmentAtOneHalfUsesMidpoint() throws {
        // 1, 2, 3+, 4 (events 1 1 0 1): t=1 S=3/4, t=2 S=1/2, t=3 censored, t=4 S=0,
        // so S sits exactly at 0.5 on [2, 4).
        let fit = try KaplanMeier().fit(time: [1, 2, 3, 4], event: [true, true, false, true])
        #expect(fit.median.estimate == 3)                 // (2 + 4) / 2
        #expect(fit.quantile(0.5).estimate == 3)
        // Curve ending at exactly 0.5: print.survfit takes the time, quantile averages with the last time.
        let flatEnd = try KaplanMeier().fit(time: [1, 2, 3, 4], event: [true, true, false, false])
        #expect(flatEnd.median.estimate == 2)
        #expect(flatEnd.quantile(0.5).estimate == 3)      // (2 + 4) / 2
    }

    @Test func quantileFastPathAgreesWithRsGeneralSteps() {
        // Nondecreasing sequences with flats, values exactly at p, and NA (nil) runs at head and tail.
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<300 {
            let m = Int.random(in: 1...12, using: &generator)
            var y: [Double?] = [0]
            var level = 0.0
            for _ in 0..<m {
                if Bool.random(using: &generator) { level = min(1, level + Double(Int.random(in: 0...2, using: &generator)) * 0.25) }
                y.append(level)
            }
            if Bool.random(using: &generator) { y[y.count - 1] = nil }
            if y.count > 2, Bool.random(using: &generator) { y[1] = nil }
            let x = (0..<y.count).map { Double($0) * 1.5 }
            for p in [0, 0.25, 0.5, 0.75, 1.0] {
                var maxY = -Double.infinity
                for case let v? in y where v > maxY { maxY = v }
                guard maxY >= p, let xmax = x.last else { continue }
                let fast = KaplanMeierFit.findQuantileMonotone(count: y.count, x: { x[$0] }, y: { y[$0] }, p: p,
                                                               tolerance: 1.4901161193847656e-08)
                let general = KaplanMeierFit.findQuantileGeneral(x: x, y: y, p: p,
                                                                 tolerance: 1.4901161193847656e-08, xmax: xmax)
                #expect(fast == .some(general), "y=\(y) p=\(p)")
            }
        }
        // A decreasing step sends findq down the general path.
        let decreasing: [Double?] = [0, 0.6, 0.4]
        #expect(KaplanMeierFit.findQuantileMonotone(count: 3, x: { Double($0) }, y: { decreasing[$0] }, p: 0.5,
                                                    tolerance: 1e-8) == nil)
        #expect(KaplanMeierFit.findQuantile(x: [0, 1, 2], y: [0, 0.6, 0.4], p: 0.5, tolerance: 1e-8) == 1)
    }

    @Test func logRankByHand() throws {
        // A: 1, 3 (events); B: 2, 4 (events).
        // t=1: n=4 (2,2) d=1 → E_A=1/2, V_AA += (1·3/(4·3))·2·(1-2/4) = 1/4
        // t=2: n=3 (1,2) d=1 → E_A=1/3, V_AA += (1·2/(3·2))·1·(1-1/3) = 2/9
        // t=3: n=2 (1,1) d=1 → E_A=1/2, V_AA += (1·1/(2·1))·1·(1-1/2) = 1/4
        // t=4: n=1 (0,1) d=1 → E_B=1, no variance.   E_A = 4/3, V_AA = 13/18, χ² = (2/3)²/(13/18) = 8/13.
        let result = try LogRankTest().test(time: [1, 3, 2, 4], event: [true, true, true, true],
                                            group: [0, 0, 1, 1], groupCount: 2)
        #expect(abs(result.expected[0] - 4.0 / 3) <= Self.tolerance)
        #expect(abs(result.expected[1] - 8.0 / 3) <= Self.tolerance)
        #expect(result.observed == [2, 2])
        #expect(abs(result.variance[0, 0] - 13.0 / 18) <= Self.tolerance)
        #expect(abs(result.variance[0, 1] + 13.0 / 18) <= Self.tolerance)
        #expect(abs(result.statistic - 8.0 / 13) <= Self.tolerance)
        #expect(result.degreesOfFreedom == 1)
        // P(χ²₁ > x) = erfc(sqrt(x/2)).
        #expect(abs(result.pValue - erfc((4.0 / 13).squareRoot())) <= 1e-12)
        let trend = try LogRankTrendTest().test(result)
        #expect(abs(trend.score + 2.0 / 3) <= Self.tolerance)     // 1·(2-4/3) + 2·(2-8/3) = -2/3
        #expect(abs(trend.variance - 13.0 / 18) <= Self.tolerance)  // (1, 2) V (1, 2)' = 13/18·(1-4+4)
        #expect(abs(trend.statistic - 8.0 / 13) <= Self.tolerance)
    }

    @Test func singularVarianceFallsBackToGeneralizedInverse() throws {
        // [[1, 1], [1, 1]] is singular (R's solve stops); V⁺ = J/4, so z'V⁺z = 1 for z = (1, 1), rank 1.
        let v = try Matrix(rowMajor: [[1, 1], [1, 1]])
        let form = try #require(LogRankTest.quadraticForm(v, [1, 1]))
        #expect(abs(form.value - 1) <= 1e-12)
        #expect(form.rank == 1)
        let regular = try #require(LogRankTest.quadraticForm(try Matrix(rowMajor: [[2, 0], [0, 4]]), [2, 2]))
        #expect(abs(regular.value - 3) <= 1e-12 && regular.rank == 2)     // 4/2 + 4/4
    }

    @Test func stratifiedLogRankSumsOverStrata() throws {
        // Two copies of the hand case in two strata: O, E and V double, χ² = (4/3)²/(13/9) = 16/13.
        let result = try LogRankTest().test(
            time: [1, 3, 2, 4, 1, 3, 2, 4], event: Array(repeating: true, count: 8),
            group: [0, 0, 1, 1, 0, 0, 1, 1], groupCount: 2, strata: [5, 5, 5, 5, 9, 9, 9, 9])
        #expect(result.strataCount == 2)
        #expect(abs(result.expected[0] - 8.0 / 3) <= Self.tolerance)
        #expect(abs(result.variance[0, 0] - 13.0 / 9) <= Self.tolerance)
        #expect(abs(result.statistic - 16.0 / 13) <= Self.tolerance)
        #expect(abs(result.expectedByStratum[1][0] - 4.0 / 3) <= Self.tolerance)
        // Pooled (unstratified) differs: the strata share a time axis there.
        let pooled = try LogRankTest().test(
            time: [1, 3, 2, 4, 1, 3, 2, 4], event: Array(repeating: true, count: 8),
            group: [0, 0, 1, 1, 0, 0, 1, 1], groupCount: 2)
        #expect(pooled.strataCount == 1)
    }

    @Test func timeFixByHand() throws {
        let tol = TimeFix.defaultTolerance
        #expect(tol == 1.4901161193847656e-08)
        // Distinct values 1, 1+1e-7, 3, 3+2e-8, 3+4e-8: mean |t| = 2.2, so steps up to 2.2·tol = 3.3e-8
        // are tied. The chain 3 → 3+2e-8 → 3+4e-8 collapses onto 3 although its ends differ by 4e-8;
        // 1e-7 stays separate.
        let fixed = try TimeFix().apply(to: [3 + 2e-8, 3, 1, 3 + 4e-8, 1 + 1e-7])
        #expect(fixed == [3, 3, 1, 3, 1 + 1e-7])   // exact: input values are returned
        // Absolute rule alone: 1e-8 apart ties even when the relative step is large (values near 0).
        #expect(try TimeFix().apply(to: [0, 1e-8, 1]) == [0, 0, 1])
        #expect(try TimeFix(tolerance: 0).apply(to: [1, 1 + 1e-12]) == [1, 1 + 1e-12])
        #expect(throws: StatModelError.self) { try TimeFix().apply(to: [1, .nan]) }
    }

    @Test func radixOrderMatchesComparisonSort() {
        var generator = SystemRandomNumberGenerator()
        var values: [Double] = (0..<5_000).map { _ in Double(Int.random(in: -50...400, using: &generator)) / 4 }
        values += [0.0, -0.0, 1e300, -1e300, Double.leastNonzeroMagnitude]
        let order = SurvivalOrder.ascending(values)
        #expect(order.count == values.count)
        #expect(Set(order).count == values.count)
        let sorted = order.map { values[$0] }
        #expect(zip(sorted, sorted.dropFirst()).allSatisfy { $0 <= $1 })
        // Stable: equal values keep input order.
        for i in 1..<order.count where sorted[i] == sorted[i - 1] { #expect(order[i] > order[i - 1]) }
        // Without a payload the same passes give the same values (exact: a permutation of the input).
        #expect(SurvivalOrder.sortedValues(values) == values.map { $0 + 0.0 }.sorted())
        let carried = SurvivalOrder.sorted(values, payload: values.indices.map { UInt64($0) })
        #expect(carried.values == sorted.map { $0 + 0.0 })
        #expect(carried.payload.map { Int($0) } == order)
    }

    @Test func largeInputUsesRadixPathAndMatchesSmallPath() throws {
        let n = 3_000
        let time = (0..<n).map { Double(($0 * 7_919) % 997) / 10 }
        let event = (0..<n).map { $0 % 3 != 0 }
        let fit = try KaplanMeier().fit(time: time, event: event)
        #expect(fit.atRisk.first == n)
        #expect(fit.eventCounts.reduce(0, +) + fit.censorCounts.reduce(0, +) == n)
        #expect(zip(fit.times, fit.times.dropFirst()).allSatisfy { $0 < $1 })
        #expect(zip(fit.survival, fit.survival.dropFirst()).allSatisfy { $0 >= $1 })
    }

    /// Exact equality (identical counts give identical arithmetic), with NaN standard errors matching NaN.
    static func identical(_ a: KaplanMeierFit, _ b: KaplanMeierFit) -> Bool {
        a.n == b.n && a.events == b.events && a.censored == b.censored && a.times == b.times
            && a.atRisk == b.atRisk && a.eventCounts == b.eventCounts && a.censorCounts == b.censorCounts
            && a.survival == b.survival && a.logStandardError == b.logStandardError && a.lower == b.lower
            && a.upper == b.upper
            && zip(a.standardError, b.standardError).allSatisfy { $0 == $1 || ($0.isNaN && $1.isNaN) }
    }

    @Test func frequencyWeightsEqualReplicatedRows() throws {
        // R: survfit(Surv(t, e) ~ 1, weights = w) equals the fit on rep(t, w) for integer w.
        let time = [1.0, 2, 2, 3, 4, 5], event = [true, true, false, true, false, true], weights = [2, 1, 3, 1, 2, 1]
        var repTime: [Double] = [], repEvent: [Bool] = []
        for i in time.indices {
            repTime += Array(repeating: time[i], count: weights[i])
            repEvent += Array(repeating: event[i], count: weights[i])
        }
        for transform in KaplanMeier.ConfidenceTransform.allCases {
            let km = KaplanMeier(confidenceTransform: transform)
            let weighted = try km.fit(time: time, event: event, weights: weights)
            let replicated = try km.fit(time: repTime, event: repEvent)
            #expect(Self.identical(weighted, replicated))
        }
        // Radix path (>= 2,048 rows) too.
        let many = (0..<3_000).map { Double($0 % 37) }
        let manyEvents = (0..<3_000).map { $0 % 4 != 0 }
        let manyWeights = (0..<3_000).map { 1 + $0 % 3 }
        var manyRepTime: [Double] = [], manyRepEvent: [Bool] = []
        for i in many.indices {
            manyRepTime += Array(repeating: many[i], count: manyWeights[i])
            manyRepEvent += Array(repeating: manyEvents[i], count: manyWeights[i])
        }
        #expect(Self.identical(try KaplanMeier().fit(time: many, event: manyEvents, weights: manyWeights),
                               try KaplanMeier().fit(time: manyRepTime, event: manyRepEvent)))
        #expect(throws: StatModelError.self) {
            try KaplanMeier().fit(time: [1, 2], event: [true, true], weights: [1, 0])
        }
        #expect(throws: StatModelError.self) {
            try KaplanMeier().fit(time: [1, 2], event: [true, true], weights: [1, -2])
        }
        #expect(throws: StatModelError.self) {
            try KaplanMeier().fit(time: [1, 2], event: [true, true], weights: [Int.max, 1])
        }
        #expect(throws: StatModelError.self) {
            try KaplanMeier().fit(time: [1, 2], event: [true, true], weights: [1])
        }
    }

    // MARK: Edge cases

    @Test func allCensored() throws {
        let fit = try KaplanMeier().fit(time: [1, 2, 3], event: [false, false, false])
        #expect(fit.survival == [1, 1, 1])
        #expect(fit.standardError == [0, 0, 0])
        #expect(fit.median.estimate == nil && fit.median.lower == nil && fit.median.upper == nil)
        #expect(fit.quantile(0.5).estimate == nil)
        #expect(fit.lower.allSatisfy { $0 == 1 } && fit.upper.allSatisfy { $0 == 1 })
        let logLog = try KaplanMeier(confidenceTransform: .logLog).fit(time: [1, 2], event: [false, false])
        #expect(logLog.lower == [nil, nil])
        #expect(fit.restrictedMean(tau: 3).estimate == 3)
        #expect(throws: StatModelError.self) {
            try LogRankTest().test(time: [1, 2], event: [false, false], group: [0, 1], groupCount: 2)
        }
    }

    @Test func allEvents() throws {
        let fit = try KaplanMeier().fit(time: [2, 1, 3], event: [true, true, true])
        #expect(fit.survival.last == 0)
        #expect(fit.median.estimate == 2)
        #expect(abs(fit.survival[0] - 2.0 / 3) <= Self.tolerance)
    }

    @Test func singleRow() throws {
        let event = try KaplanMeier().fit(time: [5], event: [true])
        #expect(event.times == [5] && event.survival == [0] && event.standardError[0].isNaN)
        #expect(event.median.estimate == 5)
        let censored = try KaplanMeier().fit(time: [5], event: [false])
        #expect(censored.survival == [1] && censored.median.estimate == nil)
        #expect(censored.restrictedMean(tau: 5).estimate == 5)
    }

    @Test func invalidInputsThrow() {
        #expect(throws: StatModelError.emptyInput(context: "KaplanMeier.fit")) {
            try KaplanMeier().fit(time: [], event: [])
        }
        #expect(throws: StatModelError.self) { try KaplanMeier().fit(time: [1, 2], event: [true]) }
        #expect(throws: StatModelError.self) { try KaplanMeier().fit(time: [1, .infinity], event: [true, true]) }
        #expect(throws: StatModelError.self) {
            try KaplanMeier(confidenceLevel: 1.5).fit(time: [1], event: [true])
        }
        #expect(throws: StatModelError.tooFewGroups(context: "LogRankTest.test", found: 1)) {
            try LogRankTest().test(time: [1, 2, 3], event: [true, true, false], group: [0, 0, 0], groupCount: 2)
        }
        #expect(throws: StatModelError.self) {
            try LogRankTest().test(time: [], event: [], group: [], groupCount: 2)
        }
        #expect(throws: StatModelError.self) {
            try LogRankTest().test(time: [1, 2], event: [true, true], group: [0, 2], groupCount: 2)
        }
        #expect(throws: StatModelError.self) {
            try LogRankTrendTest(scores: [1, 2, 3]).test(
                time: [1, 2], event: [true, true], group: [0, 1], groupCount: 2)
        }
        #expect(throws: StatModelError.self) {
            try LogRankTrendTest(scores: [1, 1]).test(
                time: [1, 2, 3], event: [true, true, true], group: [0, 1, 1], groupCount: 2)
        }
    }

    @Test func errorMessagesSayWhereAndWhat() {
        let error = StatModelError.nonFiniteValue(context: "KaplanMeier.fit", argument: "time", index: 3)
        #expect(error.description.contains("KaplanMeier.fit") && error.description.contains("row 3"))
    }
}
