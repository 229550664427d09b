import Survival

extension CoxConcordance {
    /// Harrell's C of `risk` (higher = earlier failure) on sorted Cox data, with R's
    /// infinitesimal-jackknife standard error (`concordancefit(..., reverse = TRUE)`, `timewt = "n"`).
    ///
    /// Each stratum is walked in time-descending order with two Fenwick-tree tallies over the
    /// within-stratum ranks of the risk score: everyone already passed (a longer time, or censored at
    /// the current time), and the events already passed. An event is compared with the first tree; the influence of a
    /// subject as the longer-lived member of pairs is the event weight below/at/above its rank among all
    /// the stratum's events (a prefix sum) minus what the event tree held when the subject was passed.
    ///
    /// - Parameters:
    ///   - data: sorted data (only time, status, weight, strata and entries are read). With entries
    ///     (counting-process rows) a row is compared only with the events in its window `(start, stop]`.
    ///   - risk: the linear predictor per sorted row.
    ///   - cluster: dense cluster code per sorted row, or nil (one per row).
    ///   - clusterCount: number of clusters.
    /// - Complexity: O(n log n) time, O(n) memory.
    package static func compute(_ data: CoxSortedData, risk: [Double], cluster: [Int32]?, clusterCount: Int)
        -> CoxConcordance {
        let n = data.n
        // Rows of each stratum in ascending risk order (one radix sort, then a stable pass by stratum),
        // then 1-based ranks within the stratum; equal scores share a rank.
        var byStratum = SurvivalOrder.ascending(risk)
        if data.strataCount > 1 {
            var stratumOf = [Int](repeating: 0, count: n)
            for s in 0..<data.strataCount {
                for k in data.strataStart[s]..<data.strataStart[s + 1] { stratumOf[k] = s }
            }
            byStratum = CoxSortedData.grouped(byStratum, starts: data.strataStart) { stratumOf[$0] }
        }
        var rank = [Int](repeating: 0, count: n)
        var distinct = [Int](repeating: 0, count: data.strataCount)
        var largest = 1
        for s in 0..<data.strataCount {
            var current = 0
            var previous = 0.0
            for position in data.strataStart[s]..<data.strataStart[s + 1] {
                let k = byStratum[position]
                let value = risk[k] + 0.0
                if current == 0 || value != previous {
                    current += 1
                    previous = value
                }
                rank[k] = current
            }
            distinct[s] = current
            largest = max(largest, current)
        }
        byStratum = []  // (n integers) the peak memory comes below, so free what is done with first
        var trees = PairedRankTrees(capacity: largest)
        var eventsAtRank = [Double](repeating: 0, count: largest + 2)
        var below = [Double](repeating: 0, count: largest + 2)
        // Influence per row, raw (not yet reversed), from the concordant (C), discordant (D) and tied-on-x
        // (T) partner weights: the dfbeta needs only C − D and C + D + T, kept side by side per row.
        var influence = [Double](repeating: 0, count: 2 * n)
        var concordant = 0.0, discordant = 0.0, tiedX = 0.0, tiedY = 0.0, tiedXY = 0.0
        var deathRows: [Int] = []
        var left = [Bool](repeating: false, count: data.entry == nil ? 0 : n)   // rows past their entry
        data.time.withUnsafeBufferPointer { time in
        data.status.withUnsafeBufferPointer { status in
        data.weight.withUnsafeBufferPointer { weight in
        rank.withUnsafeBufferPointer { rank in
        influence.withUnsafeMutableBufferPointer { influence in
        eventsAtRank.withUnsafeMutableBufferPointer { eventsAtRank in
        // Adds (C, D, T) partner weights to row k's influence (negative weights take them away).
        func credit(_ k: Int, concordant c: Double, discordant d: Double, tied t: Double) {
            influence[2 * k] += c - d
            influence[2 * k + 1] += c + d + t
        }
        for s in 0..<data.strataCount {
            let begin = data.strataStart[s]
            let end = data.strataStart[s + 1]
            trees.reset(size: distinct[s])
            var i = begin
            var nextEntry = begin
            while i < end {
                let t = time[i]
                // Counting-process rows leave at their entry; the events passed so far are those in their window.
                _ = data.leaving(atOrAfter: t, next: &nextEntry, end: end) { k in
                    let q = trees.query(rank[k], in: .events)
                    credit(k, concordant: q.less, discordant: q.greater, tied: q.equal)
                    trees.add(-weight[k], at: rank[k], to: .everyone)
                    left[k] = true
                }
                var j = i
                deathRows.removeAll(keepingCapacity: true)
                while j < end, time[j] == t {
                    if status[j] { deathRows.append(j) } else {
                        let q = trees.query(rank[j], in: .events)
                        credit(j, concordant: -q.less, discordant: -q.greater, tied: -q.equal)
                        trees.add(weight[j], at: rank[j], to: .everyone)
                    }
                    j += 1
                }
                if !deathRows.isEmpty {
                    var deadWeight = 0.0
                    for k in deathRows {
                        let w = weight[k]
                        let q = trees.query(rank[k], in: .everyone)
                        concordant += w * q.greater
                        discordant += w * q.less
                        tiedX += w * q.equal
                        credit(k, concordant: q.greater, discordant: q.less, tied: q.equal)
                        tiedY += w * deadWeight
                        deadWeight += w
                        trees.add(w, at: rank[k], to: .events)
                    }
                    if deathRows.count > 1 {
                        deathRows.sort { rank[$0] < rank[$1] }
                        var g = 0
                        while g < deathRows.count {
                            var h = g
                            var sum = 0.0
                            while h < deathRows.count, rank[deathRows[h]] == rank[deathRows[g]] {
                                tiedXY += weight[deathRows[h]] * sum
                                sum += weight[deathRows[h]]
                                h += 1
                            }
                            g = h
                        }
                    }
                    for k in deathRows {
                        let q = trees.query(rank[k], in: .events)
                        credit(k, concordant: -q.less, discordant: -q.greater, tied: -q.equal)
                        trees.add(weight[k], at: rank[k], to: .everyone)
                    }
                }
                i = j
            }
            // All of the stratum's events: weight at each rank, then the cumulative weight below it.
            let m = distinct[s]
            for r in 0...(m + 1) { eventsAtRank[r] = 0 }
            for k in begin..<end where status[k] { eventsAtRank[rank[k]] += weight[k] }
            let totalEvents = trees.total(.events)
            // below[r] = event weight at ranks < r.
            var running = 0.0
            for r in 1...m {
                below[r] = running
                running += eventsAtRank[r]
            }
            for k in begin..<end where left.isEmpty || !left[k] {
                let r = rank[k]
                let less = below[r]
                let equal = eventsAtRank[r]
                credit(k, concordant: less, discordant: totalEvents - less - equal, tied: equal)
            }
        }
        }}}}}}
        // Free the scratch of the pass (about 5n words) before the per-cluster sums allocate theirs.
        (trees, eventsAtRank, below, rank, left) = (PairedRankTrees(capacity: 0), [], [], [], [])
        tiedY -= tiedXY
        let pairs = concordant + discordant + tiedX
        let somers = (concordant - discordant) / pairs
        var dfbeta = [Double](repeating: 0, count: clusterCount)
        for k in 0..<n {
            let value = data.weight[k] * (influence[2 * k] / pairs - (somers / pairs) * influence[2 * k + 1])
            dfbeta[cluster.map { Int($0[k]) } ?? k] += value
        }
        var variance = 0.0
        for value in dfbeta { variance += value * value }
        variance /= 4
        // R reverses: a higher risk score should go with a shorter time.
        return CoxConcordance(concordant: discordant, discordant: concordant, tiedX: tiedX, tiedY: tiedY,
                              tiedXY: tiedXY, concordance: 1 - (somers + 1) / 2,
                              standardError: variance.squareRoot())
    }
}
