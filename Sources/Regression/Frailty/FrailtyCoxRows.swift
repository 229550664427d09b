import NumericCore

/// The rows of a shared-frailty Cox fit, sorted once as R's `coxpenal.fit` sorts them (by stratum, time
/// descending, censored before events at a tie), with the covariates centred (R's `coxfit5_a`), the
/// death blocks (tied events of one stratum and time) and, per group, its rows in that order.
///
/// Everything a Newton step needs is a sum over rows or over death blocks (``FrailtyCoxEvaluation``), so
/// one evaluation costs O(n p² + blocks p²) whatever the number of groups.
package struct FrailtyCoxRows: Sendable {
    /// Rows and columns.
    package let n: Int
    package let p: Int
    /// Centred covariates in sorted order, row-major (`x[q * p + j]`).
    package let x: [Double]
    /// The column means subtracted.
    package let means: [Double]
    /// Event indicator, case weight (1 without weights), group code (0..<groups) and stratum (0-based run)
    /// per sorted position.
    package let event: [Bool]
    package let weight: [Double]
    package let group: [Int]
    package let stratum: [Int]
    /// Per sorted position, the death block at its own time and stratum (or -1).
    package let blockAtTime: [Int]
    /// Per sorted position, whether the next position (same stratum) has a smaller time.
    package let endsTime: [Bool]
    /// Per sorted position, the last position with its stratum and time.
    package let timeEnd: [Int]
    /// Death blocks: first and last sorted position of the tied events.
    package let blockStart: [Int]
    package let blockEnd: [Int]
    /// Number of groups, and each group's sorted positions (concatenated; `groupOffsets` has groups + 1).
    package let groups: Int
    package let groupRows: [Int]
    package let groupOffsets: [Int]
    /// In ``groupRows`` order: the sorted position of the group's next row in the same stratum (or -1), whether
    /// the row is the group's last at its time in its stratum, its event, and its death block at its time.
    package let groupNext: [Int]
    package let groupCloses: [Bool]
    package let groupEvent: [Bool]
    package let groupBlock: [Int]
    /// In ``groupRows`` order, the row's weight when it is an event, else 0 (read in order by the evaluation).
    package let groupEventWeight: [Double]
    /// Events per group (R's `tapply(status, group, sum)`).
    package let groupEvents: [Int]
    /// The original row of each sorted position.
    package let order: [Int]
    /// The entries of counting-process rows `(start, stop]`, nil for plain durations (every row at risk
    /// from time 0).
    package private(set) var entries: FrailtyCoxEntries?

    /// Sorts and centres the rows.
    /// - Parameters:
    ///   - x: the `n × p` design (column-major).
    ///   - time: times (time-fixed already).
    ///   - event: event indicators.
    ///   - strata: stratum per row or nil.
    ///   - group: frailty group per row, 0..<groups.
    ///   - groups: the number of groups.
    ///   - entry: entry times of `(start, stop]` rows (time-fixed with `time`, each below its time), or nil.
    ///   - weights: positive case weights, or nil for 1.
    /// - Complexity: O(n log n + n p).
    package init(x: Matrix, time: [Double], event: [Bool], strata: [Int]?, group: [Int], groups: Int,
                 entry: [Double]? = nil, weights: [Double]? = nil) {
        let n = time.count
        let p = x.columns
        self.n = n
        self.p = p
        let order = (0..<n).sorted { a, b in
            let sa = strata?[a] ?? 0, sb = strata?[b] ?? 0
            if sa != sb { return sa < sb }
            if time[a] != time[b] { return time[a] > time[b] }
            if event[a] != event[b] { return !event[a] }
            return a < b
        }
        self.order = order
        var means = [Double](repeating: 0, count: p)
        for j in 0..<p {
            var s = 0.0
            for i in 0..<n { s += x.elements[i + j * n] }
            means[j] = n > 0 ? s / Double(n) : 0
        }
        self.means = means
        var xs = [Double](repeating: 0, count: n * p)
        var ev = [Bool](repeating: false, count: n)
        var gr = [Int](repeating: 0, count: n)
        var st = [Int](repeating: 0, count: n)
        var stratumIndex = 0
        for (q, i) in order.enumerated() {
            for j in 0..<p { xs[q * p + j] = x.elements[i + j * n] - means[j] }
            ev[q] = event[i]
            gr[q] = group[i]
            if q > 0, (strata?[i] ?? 0) != (strata?[order[q - 1]] ?? 0) { stratumIndex += 1 }
            st[q] = stratumIndex
        }
        self.x = xs
        self.event = ev
        self.weight = weights.map { w in order.map { w[$0] } } ?? [Double](repeating: 1, count: n)
        self.group = gr
        self.stratum = st

        var blockAtTime = [Int](repeating: -1, count: n)
        var endsTime = [Bool](repeating: true, count: n)
        var timeEnd = [Int](repeating: 0, count: n)
        var starts: [Int] = []
        var ends: [Int] = []
        var q = 0
        while q < n {
            var e = q
            while e + 1 < n, st[e + 1] == st[q], time[order[e + 1]] == time[order[q]] { e += 1 }
            // Positions q...e share stratum and time; the events are last.
            var firstDeath = e + 1
            while firstDeath > q, ev[firstDeath - 1] { firstDeath -= 1 }
            if firstDeath <= e {
                starts.append(firstDeath)
                ends.append(e)
                for r in q...e { blockAtTime[r] = starts.count - 1 }
            }
            for r in q..<e { endsTime[r] = false }
            for r in q...e { timeEnd[r] = e }
            q = e + 1
        }
        self.blockAtTime = blockAtTime
        self.endsTime = endsTime
        self.timeEnd = timeEnd
        self.blockStart = starts
        self.blockEnd = ends

        self.groups = groups
        var counts = [Int](repeating: 0, count: groups + 1)
        var events = [Int](repeating: 0, count: groups)
        for q in 0..<n {
            counts[gr[q] + 1] += 1
            if ev[q] { events[gr[q]] += 1 }
        }
        for g in 0..<groups { counts[g + 1] += counts[g] }
        var next = counts
        var rows = [Int](repeating: 0, count: n)
        for q in 0..<n {
            rows[next[gr[q]]] = q
            next[gr[q]] += 1
        }
        self.groupRows = rows
        var groupNext = [Int](repeating: -1, count: n)
        var groupCloses = [Bool](repeating: true, count: n)
        var groupEvent = [Bool](repeating: false, count: n)
        var groupBlock = [Int](repeating: -1, count: n)
        var groupEventWeight = [Double](repeating: 0, count: n)
        for g in 0..<groups {
            for index in counts[g]..<counts[g + 1] {
                let q = rows[index]
                groupEvent[index] = ev[q]
                groupEventWeight[index] = ev[q] ? weight[q] : 0
                groupBlock[index] = blockAtTime[q]
                if index + 1 < counts[g + 1], st[rows[index + 1]] == st[q] {
                    groupNext[index] = rows[index + 1]
                    groupCloses[index] = timeEnd[q] < rows[index + 1]
                }
            }
        }
        self.groupNext = groupNext
        self.groupCloses = groupCloses
        self.groupEvent = groupEvent
        self.groupBlock = groupBlock
        self.groupEventWeight = groupEventWeight
        self.groupOffsets = counts
        self.groupEvents = events
        if let entry {
            entries = FrailtyCoxEntries(rows: self, time: order.map { time[$0] }, entry: order.map { entry[$0] })
        }
    }
}
