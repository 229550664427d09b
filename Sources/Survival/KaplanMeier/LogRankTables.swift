/// Observed and expected events and the variance of O - E for weighted log-rank tests, accumulated
/// exactly as R's `survdiff2.c`: per stratum, backwards over the distinct times, each event time's
/// contributions multiplied by its weight (``LogRankWeight``, computed within the stratum), the variance
/// by the product of two weights. Several weights are accumulated in one pass, with the covariance of
/// every pair (what MaxCombo needs). Internal.
package struct LogRankTables: Sendable {
    /// Weighted observed events per weight (outer) and group (inner), summed over strata.
    package let weightedObserved: [[Double]]
    /// Weighted expected events per weight and group, summed over strata.
    package let weightedExpected: [[Double]]
    /// Row-major k × k covariance of the weighted O - E of weight `p` and weight `q`, at `p · W + q` for
    /// W weights, summed over strata.
    package let covariance: [[Double]]
    /// Observed events per group (of the first weight), summed over strata.
    package var observed: [Double] { weightedObserved[0] }
    /// Expected events per group (of the first weight), summed over strata.
    package var expected: [Double] { weightedExpected[0] }
    /// Row-major k × k variance of O - E (of the first weight), summed over strata.
    package var variance: [Double] { covariance[0] }
    /// Rows per group.
    package let groupSizes: [Int]
    /// Observed per stratum and group (of the first weight).
    package let observedByStratum: [[Double]]
    /// Expected per stratum and group (of the first weight).
    package let expectedByStratum: [[Double]]

    /// Validates the input and accumulates the tables. With `start` (counting-process rows
    /// `(start, stop]`, delayed entry) a row is in the risk set at `t` when `start < t ≤ stop`, and the
    /// pooled Kaplan–Meier estimate of the weights uses that risk set.
    /// - Parameter weights: the weights to accumulate (at least one; default the log-rank weight).
    /// - Complexity: one sort of the times (and of the starts) plus O(n + T k² W²) for W weights.
    package init(context: String, time: [Double], event: [Bool], start: [Double]? = nil, group: [Int], groupCount: Int,
                 strata: [Int]?, timeFix: Bool, weights: [LogRankWeight] = [.logRank]) throws(StatModelError) {
        let n = time.count
        guard n > 0 else { throw .emptyInput(context: context) }
        guard !weights.isEmpty else { throw .invalidArgument(context: context, message: "no test weight was given.") }
        guard event.count == n else {
            throw .lengthMismatch(context: context, argument: "event", expected: n, found: event.count)
        }
        guard group.count == n else {
            throw .lengthMismatch(context: context, argument: "group", expected: n, found: group.count)
        }
        guard groupCount >= 1, groupCount <= 1 << 15 else {
            throw .invalidArgument(context: context,
                                   message: "groupCount must lie in 1...32768, got \(groupCount).")
        }
        for (index, value) in time.enumerated() where !value.isFinite {
            throw .nonFiniteValue(context: context, argument: "time", index: index)
        }
        let k = groupCount
        var sizes = [Int](repeating: 0, count: k)
        for (index, code) in group.enumerated() {
            guard code >= 0, code < k else {
                throw .invalidCode(context: context, argument: "group", index: index, value: code, count: k)
            }
            sizes[code] += 1
        }
        let nonEmpty = sizes.filter { $0 > 0 }.count
        guard nonEmpty >= 2 else { throw .tooFewGroups(context: context, found: nonEmpty) }
        guard event.contains(true) else {
            throw .undefinedStatistic(context: context,
                                      message: "there are no events, so the log-rank test is undefined.")
        }

        // Stratum index per row: the distinct codes in increasing order (R's as.factor).
        var stratumOfRow = [Int](repeating: 0, count: n)
        var strataCount = 1
        if let strata {
            guard strata.count == n else {
                throw .lengthMismatch(context: context, argument: "strata", expected: n, found: strata.count)
            }
            for (index, code) in strata.enumerated() where code < 0 {
                throw .invalidArgument(
                    context: context,
                    message: "'strata' has code \(code) at row \(index) (0-based); stratum codes must be >= 0.")
            }
            let largest = strata.max() ?? 0
            if largest < 1 << 20 {
                // Dense codes: a lookup table instead of hashing every row.
                var used = [Int](repeating: -1, count: largest + 1)
                for code in strata { used[code] = 0 }
                var next = 0
                for code in 0...largest where used[code] == 0 {
                    used[code] = next
                    next += 1
                }
                for i in 0..<n { stratumOfRow[i] = used[strata[i]] }
                strataCount = next
            } else {
                let levels = Array(Set(strata)).sorted()
                var position: [Int: Int] = [:]
                for (i, level) in levels.enumerated() { position[level] = i }
                for i in 0..<n { stratumOfRow[i] = position[strata[i]] ?? 0 }
                strataCount = levels.count
            }
        }

        // One sort by time carrying (stratum, group, event) packed in the payload, so the accumulation
        // below reads memory sequentially. groupCount <= 2^15 keeps group << 1 | event in 16 bits.
        var packed = [UInt64](repeating: 0, count: n)
        for row in 0..<n {
            packed[row] = UInt64(truncatingIfNeeded: stratumOfRow[row]) << 32
                | UInt64(truncatingIfNeeded: group[row]) << 1 | (event[row] ? 1 : 0)
        }
        let sorted = SurvivalOrder.sorted(time, payload: packed)
        var sortedTimes = sorted.values
        if timeFix {
            // R's aeqSurv over all rows (before stratifying): replace each time by its run's first value.
            var distinct: [Double] = []
            for t in sortedTimes where distinct.last != t { distinct.append(t) }
            let representative = TimeFix().representatives(ofSortedDistinct: distinct)
            var position = -1
            var previous = Double.nan
            for i in 0..<n {
                let t = sortedTimes[i]
                if position < 0 || t != previous {
                    position += 1
                    previous = t
                }
                sortedTimes[i] = representative[position]
            }
        }
        // Stable bucketing by stratum keeps each stratum ascending in time.
        var stratumStart = [Int](repeating: 0, count: strataCount + 1)
        for row in 0..<n { stratumStart[stratumOfRow[row] + 1] += 1 }
        for s in 0..<strataCount { stratumStart[s + 1] += stratumStart[s] }
        let (times, codes) = Self.bucketed(sortedTimes, payload: sorted.payload, stratumStart: stratumStart)

        // The entries, sorted by start and bucketed by stratum like the stops: removed from the risk set
        // once the backward walk reaches their start.
        var entryTimes: [Double] = []
        var entryGroups: [Int] = []
        if let start {
            _ = try KaplanMeier.entries(start, stop: time, weights: nil, context: context)
            var groupCodes = [UInt64](repeating: 0, count: n)
            for row in 0..<n {
                groupCodes[row] = UInt64(truncatingIfNeeded: stratumOfRow[row]) << 32 | UInt64(truncatingIfNeeded: group[row])
            }
            let byStart = SurvivalOrder.sorted(start, payload: groupCodes)
            let bucketed = Self.bucketed(byStart.values, payload: byStart.payload, stratumStart: stratumStart)
            entryTimes = bucketed.values
            entryGroups = bucketed.codes.map { Int(truncatingIfNeeded: $0) }
        }

        let weightCount = weights.count
        var observedTotal = [[Double]](repeating: [Double](repeating: 0, count: k), count: weightCount)
        var expectedTotal = observedTotal
        var covariance = [[Double]](repeating: [Double](repeating: 0, count: k * k), count: weightCount * weightCount)
        var observedByStratum: [[Double]] = []
        var expectedByStratum: [[Double]] = []
        var risk = [Double](repeating: 0, count: k)
        var dead = [Double](repeating: 0, count: k)
        var w = [Double](repeating: 1, count: weightCount)
        let needsSurvival = weights.contains { $0.needsSurvival }

        /// Walks stratum `s` backwards over its distinct times, keeping `risk` (at risk per group) and
        /// `dead` (events per group at the time) and calling `visit(deaths, nRisk)` at each event time.
        func walk(_ s: Int, _ visit: (Double, Double) -> Void) {
            let start = stratumStart[s], end = stratumStart[s + 1]
            for g in 0..<k { risk[g] = 0 }
            var i = end - 1
            var entry = end - 1        // the next entry to remove (starts descending), with `start`
            var removed = 0
            while i >= start {
                let t = times[i]
                var deaths = 0.0
                var j = i
                while j >= start, times[j] == t {
                    let code = codes[j]
                    let g = Int(truncatingIfNeeded: code >> 1)
                    risk[g] += 1
                    if code & 1 == 1 {
                        deaths += 1
                        dead[g] += 1
                    }
                    j -= 1
                }
                if !entryTimes.isEmpty {
                    while entry >= start, entryTimes[entry] >= t {
                        risk[entryGroups[entry]] -= 1
                        removed += 1
                        entry -= 1
                    }
                }
                let nRisk = Double(end - (j + 1) - removed)
                i = j
                guard deaths > 0 else { continue }
                visit(deaths, nRisk)
                for g in 0..<k { dead[g] = 0 }
            }
        }

        for s in 0..<strataCount {
            // The pooled S(t-) within the stratum at each event time (backward order), as survdiff2.c.
            var survivalBefore: [Double] = []
            if needsSurvival {
                var atRisk: [Double] = [], died: [Double] = []
                walk(s) { deaths, nRisk in
                    atRisk.append(nRisk)
                    died.append(deaths)
                }
                survivalBefore = [Double](repeating: 1, count: atRisk.count)
                var km = 1.0
                for index in atRisk.indices.reversed() {
                    survivalBefore[index] = km
                    km *= (atRisk[index] - died[index]) / atRisk[index]
                }
            }
            var obs = [[Double]](repeating: [Double](repeating: 0, count: k), count: weightCount)
            var exp = obs
            var eventIndex = 0
            walk(s) { deaths, nRisk in
                let survival = needsSurvival ? survivalBefore[eventIndex] : 1
                eventIndex += 1
                for (index, weight) in weights.enumerated() {
                    w[index] = weight.value(survivalBefore: survival, atRisk: nRisk)
                    for g in 0..<k {
                        obs[index][g] += w[index] * dead[g]
                        exp[index][g] += w[index] * (deaths * risk[g] / nRisk)
                    }
                }
                guard nRisk > 1 else { return }
                for a in 0..<k {
                    let term = deaths * risk[a] * (nRisk - deaths) / (nRisk * (nRisk - 1))
                    guard term != 0 else { continue }
                    for p in 0..<weightCount {
                        for q in 0..<weightCount {
                            let scaled = w[p] * w[q] * term
                            covariance[p * weightCount + q][a * k + a] += scaled
                            for b in 0..<k { covariance[p * weightCount + q][a * k + b] -= scaled * risk[b] / nRisk }
                        }
                    }
                }
            }
            for index in 0..<weightCount {
                for g in 0..<k {
                    observedTotal[index][g] += obs[index][g]
                    expectedTotal[index][g] += exp[index][g]
                }
            }
            observedByStratum.append(obs[0])
            expectedByStratum.append(exp[0])
        }
        self.weightedObserved = observedTotal
        self.weightedExpected = expectedTotal
        self.covariance = covariance
        self.groupSizes = sizes
        self.observedByStratum = observedByStratum
        self.expectedByStratum = expectedByStratum
    }

    /// Time-sorted `values` with `payload` (stratum in the high 32 bits) regrouped stably by stratum
    /// (each stratum keeps its time order, at `stratumStart[s]`), the payload cut to its low 32 bits.
    /// - Complexity: O(n).
    static func bucketed(_ values: [Double], payload: [UInt64], stratumStart: [Int]) -> (values: [Double], codes: [UInt64]) {
        guard stratumStart.count > 2 else { return (values, payload.map { $0 & 0xFFFF_FFFF }) }
        var fill = stratumStart
        var result = values
        var codes = payload
        for i in values.indices {
            let s = Int(truncatingIfNeeded: payload[i] >> 32)
            let slot = fill[s]
            fill[s] = slot + 1
            result[slot] = values[i]
            codes[slot] = payload[i] & 0xFFFF_FFFF
        }
        return (result, codes)
    }
}
