import NumericCore
import Survival

/// The rows of a Cox model sorted once, by stratum (ascending label) and then by time *descending*, so
/// that every risk set is a prefix of its stratum: walking forward adds subjects as time decreases.
/// The design is stored row-major in that order. Internal.
package struct CoxSortedData: Sendable {
    /// Number of rows.
    package let n: Int
    /// Number of columns.
    package private(set) var p: Int
    /// Sorted position -> input row.
    package let order: [Int]
    /// Times (after the time fix), sorted.
    package let time: [Double]
    /// Event indicators, sorted.
    package let status: [Bool]
    /// Case weights, sorted (all 1 without weights).
    package let weight: [Double]
    /// The design, row-major `n × p`, sorted.
    package var x: [Double]
    /// Stratum `s` covers sorted positions `strataStart[s] ..< strataStart[s + 1]`.
    package let strataStart: [Int]
    /// Entry times of counting-process rows `(start, stop]` (a row is at risk at `t` when
    /// `entry < t ≤ time`), sorted like the rows; nil for plain durations.
    package let entry: [Double]?
    /// With ``entry``: the sorted positions of each stratum ordered by entry time *descending* (stratum
    /// `s` at `strataStart[s] ..< strataStart[s + 1]` here too), the order in which a backward walk over
    /// time removes rows from the risk set. Empty without entries.
    package let entryOrder: [Int]

    /// Number of strata.
    package var strataCount: Int { strataStart.count - 1 }

    /// Sorts validated input.
    ///
    /// - Parameters:
    ///   - x: `n × p` design (column-major), finite.
    ///   - time: finite times, already passed through the time fix when wanted.
    ///   - event: event indicators.
    ///   - strata: stratum labels or nil.
    ///   - weights: positive finite weights or nil.
    ///   - entry: entry times below the times (counting-process rows), or nil.
    ///   - ascending: `SurvivalOrder.ascending(time)` when the caller has it (``TimeFix/applySorting(_:)``),
    ///     or nil to sort here.
    /// - Complexity: O(n) for the time sort (radix), O(n) for the stratum pass, O(n p) for the design,
    ///   O(n log n) for the entries.
    package init(x: Matrix, time: [Double], event: [Bool], strata: [Int]?, weights: [Double]?, entry: [Double]? = nil,
                 ascending: [Int]? = nil) {
        let n = time.count
        let p = x.columns
        var order = Array((ascending ?? SurvivalOrder.ascending(time)).reversed())
        var starts = [0, n]
        if let strata {
            let (codes, count) = CoxCodes.dense(strata)
            if count > 1 {
                var counts = [Int](repeating: 0, count: count + 1)
                for code in codes { counts[code + 1] += 1 }
                for s in 0..<count { counts[s + 1] += counts[s] }
                starts = counts
                order = Self.grouped(order, starts: counts) { codes[$0] }
            }
        }
        var sortedTime = [Double](repeating: 0, count: n)
        var sortedStatus = [Bool](repeating: false, count: n)
        var sortedWeight = [Double](repeating: 1, count: n)
        for (position, row) in order.enumerated() {
            sortedTime[position] = time[row]
            sortedStatus[position] = event[row]
            if let weights { sortedWeight[position] = weights[row] }
        }
        // Column by column: each pass gathers from one column (n doubles), which stays in cache better
        // than p columns at once (a row-by-row gather profiled slower at 1,000,000 rows).
        let rowMajor = x.elements.withUnsafeBufferPointer { source in
            order.withUnsafeBufferPointer { ord in
                [Double](unsafeUninitializedCapacity: n * p) { target, initialized in
                    for j in 0..<p {
                        let column = j * n
                        for position in 0..<n { target[position * p + j] = source[column + ord[position]] }
                    }
                    initialized = n * p
                }
            }
        }
        self.n = n
        self.p = p
        self.order = order
        self.time = sortedTime
        self.status = sortedStatus
        self.weight = sortedWeight
        self.x = rowMajor
        self.strataStart = starts
        guard let entry else {
            self.entry = nil
            self.entryOrder = []
            return
        }
        let sortedEntry = order.map { entry[$0] }
        // Positions by entry descending, then stably bucketed by stratum (positions are stratum-major).
        var stratumOfPosition = [Int](repeating: 0, count: n)
        for s in 0..<(starts.count - 1) {
            for k in starts[s]..<starts[s + 1] { stratumOfPosition[k] = s }
        }
        var fill = Array(starts.dropLast())
        var entryOrder = [Int](repeating: 0, count: n)
        for position in SurvivalOrder.ascending(sortedEntry).reversed() {
            let s = stratumOfPosition[position]
            entryOrder[fill[s]] = position
            fill[s] += 1
        }
        self.entry = sortedEntry
        self.entryOrder = entryOrder
    }

    /// `rows` stably bucketed by stratum: the rows of stratum `s` fill `starts[s] ..< starts[s + 1]` in
    /// their order in `rows`.
    /// - Parameters:
    ///   - rows: Row indices (each stratum's count must match `starts`).
    ///   - starts: Cumulative stratum sizes, `starts[0] == 0`.
    ///   - stratum: The stratum of a row.
    /// - Returns: The rows grouped by stratum.
    /// - Complexity: O(n).
    package static func grouped(_ rows: [Int], starts: [Int], stratum: (Int) -> Int) -> [Int] {
        var next = Array(starts.dropLast())
        var grouped = [Int](repeating: 0, count: rows.count)
        for row in rows {
            let s = stratum(row)
            grouped[next[s]] = row
            next[s] += 1
        }
        return grouped
    }

    /// Hands `leave` each row of a stratum whose entry is at or after `t` and that has not left yet: a
    /// backward walk over time calls this at each distinct time before using its risk set (a row is at
    /// risk at `t` when `entry < t ≤ time`). `next` walks ``entryOrder``, starting at the stratum's
    /// first position; nothing happens without entries.
    /// - Parameters:
    ///   - t: The current time.
    ///   - next: The position in ``entryOrder`` of the next row to leave.
    ///   - end: The end of the stratum's positions.
    ///   - leave: Called with the sorted position of each row that leaves.
    /// - Returns: How many rows left.
    /// - Complexity: O(rows that leave), each row once over the walk.
    package func leaving(atOrAfter t: Double, next: inout Int, end: Int, _ leave: (Int) -> Void) -> Int {
        guard let entry else { return 0 }
        var count = 0
        while next < end, entry[entryOrder[next]] >= t {
            leave(entryOrder[next])
            next += 1
            count += 1
        }
        return count
    }

    /// The index among `groupTimes` (distinct times of one stratum, *descending*) of the first time
    /// `≤ value`, or `groupTimes.count` when every time is above it.
    /// - Complexity: O(log m).
    package static func firstGroup(atOrBelow value: Double, in groupTimes: [Double]) -> Int {
        var low = 0, high = groupTimes.count
        while low < high {
            let middle = (low + high) / 2
            if groupTimes[middle] <= value { high = middle } else { low = middle + 1 }
        }
        return low
    }

    /// The same rows with only the design columns `kept` (in that order): the sorted data of a reduced
    /// model, without sorting again. Columns are centred and scaled one by one, so a reduced copy of
    /// centred data is the centred reduced data.
    /// - Parameter kept: Column indices below ``p``.
    /// - Returns: The reduced data, or nil for an index outside the design.
    /// - Complexity: O(n × kept.count).
    package func keepingColumns(_ kept: [Int]) -> CoxSortedData? {
        guard kept.allSatisfy({ $0 >= 0 && $0 < p }) else { return nil }
        let width = kept.count
        var reduced = [Double](repeating: 0, count: n * width)
        x.withUnsafeBufferPointer { source in
            reduced.withUnsafeMutableBufferPointer { target in
                for i in 0..<n {
                    for (k, j) in kept.enumerated() { target[i * width + k] = source[i * p + j] }
                }
            }
        }
        var copy = self
        copy.x = reduced
        copy.p = width
        return copy
    }
}
