/// The entry times of counting-process rows `(start, stop]` in a shared-frailty Cox fit, as R's `agfit5`
/// uses them: a row is at risk at a death time `t` when `start < t ≤ stop`. Every quantity of
/// ``FrailtyCoxEvaluation`` is kept linear in the rows by mapping each row's entry and exit to death
/// blocks once:
///
/// - ``entryBlock``: the first death block of the row's stratum (blocks run in descending time) at or
///   before its entry (`t_k ≤ start`), or -1. The row leaves the risk set there, so its sums over death
///   blocks are the cumulative sums at its exit minus those at ``entryBlock``.
/// - ``leavingRows``: the rows leaving at each block (by ``entryBlock``), for the descending pass.
/// - Per group, its rows' exits (added) and entries (removed) sorted by stratum and block: the group's
///   share of the risk set is constant between two of its blocks, which gives the squared term of the
///   frailty diagonal in O(rows of the group).
///
/// - Complexity: O(n log n) to build (a binary search per row and a sort per group).
package struct FrailtyCoxEntries: Sendable {
    /// Per sorted position, the block where the row leaves (or -1: it never does).
    package let entryBlock: [Int]
    /// Rows leaving at each block, concatenated (`leavingOffsets` has blocks + 1).
    package let leavingRows: [Int]
    package let leavingOffsets: [Int]
    /// Per group (`changeOffsets` has groups + 1), its changes sorted by stratum then block (-1 last): the
    /// sorted position, whether the row joins (its exit) or leaves (its entry), and the block.
    package let changeOffsets: [Int]
    package let changeRow: [Int]
    package let changeJoins: [Bool]
    package let changeBlock: [Int]

    /// Maps the entries of `rows` to death blocks.
    /// - Parameters:
    ///   - rows: The sorted rows (blocks, strata, groups).
    ///   - time: Exit (stop) time per sorted position.
    ///   - entry: Entry (start) time per sorted position, each below its exit.
    package init(rows: FrailtyCoxRows, time: [Double], entry: [Double]) {
        let n = rows.n, blocks = rows.blockStart.count
        // Each stratum's blocks: a contiguous range of block indices, times descending.
        var stratumBlocks: [Range<Int>] = []
        var k = 0
        while k < blocks {
            let s = rows.stratum[rows.blockStart[k]]
            var e = k
            while e < blocks, rows.stratum[rows.blockStart[e]] == s { e += 1 }
            while stratumBlocks.count < s { stratumBlocks.append(k..<k) }
            stratumBlocks.append(k..<e)
            k = e
        }
        func firstBlock(atOrBefore value: Double, stratum s: Int) -> Int {
            guard s < stratumBlocks.count else { return -1 }
            var lo = stratumBlocks[s].lowerBound, hi = stratumBlocks[s].upperBound
            while lo < hi {
                let mid = (lo + hi) / 2
                if time[rows.blockStart[mid]] <= value { hi = mid } else { lo = mid + 1 }
            }
            return lo < stratumBlocks[s].upperBound ? lo : -1
        }
        var entryBlock = [Int](repeating: -1, count: n)
        var exitBlock = [Int](repeating: -1, count: n)
        var leavingCounts = [Int](repeating: 0, count: blocks + 1)
        for q in 0..<n {
            entryBlock[q] = firstBlock(atOrBefore: entry[q], stratum: rows.stratum[q])
            exitBlock[q] = firstBlock(atOrBefore: time[q], stratum: rows.stratum[q])
            if entryBlock[q] >= 0 { leavingCounts[entryBlock[q] + 1] += 1 }
        }
        for b in 0..<blocks { leavingCounts[b + 1] += leavingCounts[b] }
        var fill = leavingCounts
        var leaving = [Int](repeating: 0, count: leavingCounts[blocks])
        for q in 0..<n where entryBlock[q] >= 0 {
            leaving[fill[entryBlock[q]]] = q
            fill[entryBlock[q]] += 1
        }
        self.entryBlock = entryBlock
        leavingRows = leaving
        leavingOffsets = leavingCounts

        var offsets = [Int](repeating: 0, count: rows.groups + 1)
        var changeRow: [Int] = [], changeJoins: [Bool] = [], changeBlock: [Int] = []
        changeRow.reserveCapacity(2 * n)
        changeJoins.reserveCapacity(2 * n)
        changeBlock.reserveCapacity(2 * n)
        for g in 0..<rows.groups {
            var changes: [(row: Int, joins: Bool, block: Int)] = []
            for index in rows.groupOffsets[g]..<rows.groupOffsets[g + 1] {
                let q = rows.groupRows[index]
                changes.append((q, true, exitBlock[q]))
                changes.append((q, false, entryBlock[q]))
            }
            changes.sort { a, b in
                let sa = rows.stratum[a.row], sb = rows.stratum[b.row]
                if sa != sb { return sa < sb }
                let ka = a.block < 0 ? Int.max : a.block, kb = b.block < 0 ? Int.max : b.block
                if ka != kb { return ka < kb }
                return a.row < b.row
            }
            for change in changes {
                changeRow.append(change.row)
                changeJoins.append(change.joins)
                changeBlock.append(change.block)
            }
            offsets[g + 1] = changeRow.count
        }
        changeOffsets = offsets
        self.changeRow = changeRow
        self.changeJoins = changeJoins
        self.changeBlock = changeBlock
    }
}
