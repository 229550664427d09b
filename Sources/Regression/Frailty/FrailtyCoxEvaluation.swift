import Foundation

/// The partial likelihood of a shared-frailty Cox model at `(β, frailties)`, its score, and the
/// information as R's `coxfit5_b` keeps it: the fixed-effect block, the frailty × fixed block, and only
/// the diagonal of the frailty block (R's "sparse" term; the off-diagonal frailty terms are dropped).
///
/// R loops over every group at every death time (O(deaths × groups)). Here each group's sums over the
/// risk sets are rewritten as sums over its rows: with `A(t) = Σₖ 1/denₖ` over the Efron steps of death
/// time `t`, a group's expected count `Σₜ S0_g(t) A(t)` is `Σ_{i∈g} rᵢ ΣA(t ≤ tᵢ)`, a cumulative sum. The one
/// term that is not linear in the rows, `Σₜ S0_g(t)² Σₖ 1/denₖ²` of the diagonal, is a step function of
/// the group's own rows times differences of one cumulative sum. One evaluation is O(n p²).
///
/// With case weights (``FrailtyCoxRows/weight``) a row's risk is `wᵢ exp(ηᵢ)` and each Efron step of a death
/// block counts with the deaths' mean weight, as R's `coxfit5` does, except that R leaves that weight out of
/// the frailty diagonal (see README, "Shared frailty and case weights"); here it is in.
///
/// With counting-process rows (``FrailtyCoxRows/entries``, R's `agfit5`) a row is at risk at `t` when
/// `start < t ≤ stop`: the descending pass removes each row at the first death block at or before its
/// entry, a row's cumulative sums become differences between its exit and its entry, and the squared
/// term follows the group's share over both its exits and its entries (``FrailtyCoxEntries``).
package struct FrailtyCoxEvaluation: Sendable {
    /// The partial log-likelihood (no penalty).
    package var logLikelihood = 0.0
    /// Score: the frailties, then the fixed effects.
    package var frailtyScore: [Double]
    package var score: [Double]
    /// Diagonal of the frailty block of the information.
    package var frailtyDiagonal: [Double]
    /// Frailty × fixed block, row-major (`cross[g * p + j]`).
    package var cross: [Double]
    /// Fixed × fixed block, `p × p` row-major (full, symmetric).
    package var information: [Double]

    /// Evaluates at `beta` (for the centred columns) and `frailty`.
    /// - Parameter efron: Efron's ties (else Breslow).
    /// - Complexity: O(n p² + blocks p²).
    package init(_ rows: FrailtyCoxRows, beta: [Double], frailty: [Double], efron: Bool) {
        let n = rows.n, p = rows.p, G = rows.groups
        frailtyScore = [Double](repeating: 0, count: G)
        score = [Double](repeating: 0, count: p)
        frailtyDiagonal = [Double](repeating: 0, count: G)
        cross = [Double](repeating: 0, count: G * p)
        information = [Double](repeating: 0, count: p * p)
        let blocks = rows.blockStart.count

        // Risk scores.
        var risk = [Double](repeating: 0, count: n)
        var eta = [Double](repeating: 0, count: n)
        for q in 0..<n {
            var z = frailty[rows.group[q]]
            for j in 0..<p { z += beta[j] * rows.x[q * p + j] }
            z = Self.safe(z)
            eta[q] = z
            risk[q] = exp(z) * rows.weight[q]
        }

        // Descending pass: per death block the Efron sums.
        var a = [Double](repeating: 0, count: blocks)
        var b = [Double](repeating: 0, count: blocks)
        var a2 = [Double](repeating: 0, count: blocks)
        var b2 = [Double](repeating: 0, count: blocks)
        var c2 = [Double](repeating: 0, count: blocks)
        var m1 = [Double](repeating: 0, count: blocks * p)
        var m2 = [Double](repeating: 0, count: blocks * p)
        var s0 = 0.0
        var s1 = [Double](repeating: 0, count: p)
        var e1 = [Double](repeating: 0, count: p)
        var m = [Double](repeating: 0, count: p)
        var q = 0
        var loglik = 0.0
        for k in 0..<blocks {
            let start = rows.blockStart[k], end = rows.blockEnd[k]
            while q <= end {
                if q == 0 || rows.stratum[q] != rows.stratum[q - 1] {
                    s0 = 0
                    for j in 0..<p { s1[j] = 0 }
                }
                s0 += risk[q]
                for j in 0..<p { s1[j] += risk[q] * rows.x[q * p + j] }
                q += 1
            }
            if let entries = rows.entries {
                // Rows whose entry is at or after this time leave the risk set (start < t ≤ stop).
                for index in entries.leavingOffsets[k]..<entries.leavingOffsets[k + 1] {
                    let r = entries.leavingRows[index]
                    s0 -= risk[r]
                    for j in 0..<p { s1[j] -= risk[r] * rows.x[r * p + j] }
                }
            }
            var e0 = 0.0, deadWeight = 0.0
            for j in 0..<p { e1[j] = 0 }
            for r in start...end {
                let w = rows.weight[r]
                e0 += risk[r]
                deadWeight += w
                loglik += w * eta[r]
                for j in 0..<p {
                    e1[j] += risk[r] * rows.x[r * p + j]
                    score[j] += w * rows.x[r * p + j]
                }
            }
            let d = end - start + 1
            // Each Efron step carries the deaths' mean weight (R's `wtave`), the frailty diagonal's included.
            let wtave = deadWeight / Double(d)
            for step in 0..<d {
                let f = efron ? Double(step) / Double(d) : 0
                let den = s0 - f * e0
                loglik -= wtave * log(den)
                a[k] += wtave / den
                b[k] += wtave * f / den
                a2[k] += wtave / (den * den)
                b2[k] += wtave * f / (den * den)
                c2[k] += wtave * f * f / (den * den)
                for j in 0..<p {
                    m[j] = (s1[j] - f * e1[j]) / den
                    score[j] -= wtave * m[j]
                    m1[k * p + j] += wtave * m[j] / den
                    m2[k * p + j] += wtave * f * m[j] / den
                }
                for i in 0..<p {
                    for j in 0...i { information[i * p + j] -= wtave * m[i] * m[j] }
                }
            }
        }
        logLikelihood = loglik

        // Ascending pass: cumulative sums over death times at or before each row's time.
        var cumA = [Double](repeating: 0, count: n)
        var cumA2 = [Double](repeating: 0, count: n)
        var cumM1 = [Double](repeating: 0, count: n * p)
        var runA = 0.0, runA2 = 0.0
        var runM1 = [Double](repeating: 0, count: p)
        var r = n - 1
        while r >= 0 {
            if r == n - 1 || rows.stratum[r] != rows.stratum[r + 1] {
                runA = 0
                runA2 = 0
                for j in 0..<p { runM1[j] = 0 }
            }
            // The time block ending at r (positions lo...r share the time).
            var lo = r
            while lo > 0, !rows.endsTime[lo - 1] { lo -= 1 }
            let k = rows.blockAtTime[r]
            if k >= 0 {
                runA += a[k]
                runA2 += a2[k]
                for j in 0..<p { runM1[j] += m1[k * p + j] }
            }
            for t in lo...r {
                cumA[t] = runA
                cumA2[t] = runA2
                for j in 0..<p { cumM1[t * p + j] = runM1[j] }
            }
            r = lo - 1
        }

        // Row sums, in sorted order (sequential), gathered per group below.
        var expected = [Double](repeating: 0, count: n)
        var crossRow = [Double](repeating: 0, count: n * p)
        for q in 0..<n {
            let k = rows.blockAtTime[q]
            let dead = rows.event[q]
            // With an entry: only the death blocks after it (the cumulative sums at the block where it leaves).
            let left = rows.entries.map { $0.entryBlock[q] >= 0 ? rows.blockEnd[$0.entryBlock[q]] : -1 } ?? -1
            let e = risk[q] * (cumA[q] - (left >= 0 ? cumA[left] : 0)) - (dead && k >= 0 ? risk[q] * b[k] : 0)
            expected[q] = e
            for j in 0..<p {
                let xj = rows.x[q * p + j]
                var c = e * xj - risk[q] * (cumM1[q * p + j] - (left >= 0 ? cumM1[left * p + j] : 0))
                if dead, k >= 0 { c += risk[q] * m2[k * p + j] }
                crossRow[q * p + j] = c
                for i in j..<p { information[i * p + j] += e * rows.x[q * p + i] * xj }
            }
        }
        for i in 0..<p {
            for j in 0..<i { information[j * p + i] = information[i * p + j] }
        }

        // Per group: the linear sums, and the squared term of the frailty diagonal (a step function of the
        // group's rows: its share of the risk set is constant between two of its own times).
        var crossSum = [Double](repeating: 0, count: p)
        let squares = rows.entries.map {
            Self.squaredTerms($0, rows: rows, risk: risk, cumA2: cumA2, b2: b2, c2: c2)
        }
        for g in 0..<G {
            var score = 0.0, linear = 0.0, sumSquares = 0.0, running = 0.0, deaths = 0.0
            for j in 0..<p { crossSum[j] = 0 }
            for index in rows.groupOffsets[g]..<rows.groupOffsets[g + 1] {
                let q = rows.groupRows[index]
                let e = expected[q]
                score += rows.groupEventWeight[index] - e
                linear += e
                for j in 0..<p { crossSum[j] += crossRow[q * p + j] }
                running += risk[q]
                if rows.groupEvent[index] { deaths += risk[q] }
                if squares == nil, rows.groupCloses[index] {
                    let next = rows.groupNext[index]
                    sumSquares += running * running * (cumA2[q] - (next >= 0 ? cumA2[next] : 0))
                    let k = rows.groupBlock[index]
                    if deaths > 0, k >= 0 { sumSquares += -2 * running * deaths * b2[k] + deaths * deaths * c2[k] }
                    deaths = 0
                    if next < 0 { running = 0 }
                }
            }
            frailtyScore[g] = score
            frailtyDiagonal[g] = linear - (squares?[g] ?? sumSquares)
            for j in 0..<p { cross[g * p + j] = crossSum[j] }
        }
    }

    /// Per group with entry times, `Σₖ Σ_steps S0_g(k, f)² / denₖ²` of the frailty diagonal: the group's
    /// share of the risk set `S0_g` changes only at blocks where one of its rows joins (its exit) or leaves
    /// (its entry), so between two such blocks it multiplies a difference of the cumulative `Σ 1/den²`;
    /// at a block with the group's deaths Efron's steps add `−2 S0_g d_g Σ f/den² + d_g² Σ f²/den²`.
    /// - Complexity: O(n).
    private static func squaredTerms(_ entries: FrailtyCoxEntries, rows: FrailtyCoxRows, risk: [Double],
                                     cumA2: [Double], b2: [Double], c2: [Double]) -> [Double] {
        func cumulative(_ block: Int) -> Double { block >= 0 ? cumA2[rows.blockEnd[block]] : 0 }
        var result = [Double](repeating: 0, count: rows.groups)
        for g in 0..<rows.groups {
            let end = entries.changeOffsets[g + 1]
            var index = entries.changeOffsets[g]
            var running = 0.0, total = 0.0
            while index < end {
                let stratum = rows.stratum[entries.changeRow[index]], block = entries.changeBlock[index]
                var deaths = 0.0
                var next = index
                while next < end, entries.changeBlock[next] == block, rows.stratum[entries.changeRow[next]] == stratum {
                    let q = entries.changeRow[next]
                    if entries.changeJoins[next] {
                        running += risk[q]
                        if rows.event[q] { deaths += risk[q] }
                    } else {
                        running -= risk[q]
                    }
                    next += 1
                }
                let sameStratum = next < end && rows.stratum[entries.changeRow[next]] == stratum
                if block >= 0 {
                    let following = sameStratum ? entries.changeBlock[next] : -1
                    total += running * running * (cumulative(block) - cumulative(following))
                    if deaths > 0 { total += -2 * running * deaths * b2[block] + deaths * deaths * c2[block] }
                }
                if !sameStratum { running = 0 }
                index = next
            }
            result[g] = total
        }
        return result
    }

    /// R's `coxsafe`: keeps exp(η) finite.
    private static func safe(_ z: Double) -> Double {
        min(max(z, -200), 22)
    }
}
