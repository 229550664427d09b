import Foundation

/// Cox score residuals summed within clusters, in O(n p) after the sort (R's `coxscore2` is O(n²)).
/// Internal.
///
/// The score residual of subject i is `r_i = ∫ (x_i − x̄(t)) dM_i(t)`. With per event time `t` the
/// hazard increment `h(t)` and `h(t) x̄(t)` accumulated in time order,
/// `r_i = δ_i (x_i − m̄(t_i)) − e^{η_i} [x_i H(t_i) − HX(t_i)]`, where `H` and `HX` are cumulative sums
/// over the event times the subject was at risk for. Under Efron ties the k-th of the `d` tied events
/// uses the risk set `R − (k/d) R_d`; a subject who fails at `t` carries weight `(1 − k/d)` in those
/// terms and `m̄(t)` is the average of the `d` means, exactly as `coxscore2`.
package enum CoxScoreResiduals {
    /// `Σ_{i ∈ c} w_i r_i` for every cluster `c`, row-major `clusterCount × p`.
    ///
    /// - Parameters:
    ///   - data: sorted data; `x` in the coordinates the residuals are wanted in.
    ///   - eta: linear predictor per sorted row (any constant shift gives the same residuals), or nil for 0
    ///     (the residuals at β = 0).
    ///   - ties: the tie method.
    ///   - cluster: dense cluster code per sorted row, or nil for one cluster per row (sorted position).
    ///   - clusterCount: the number of clusters (n without `cluster`).
    /// - Complexity: O(n p) time, O(clusterCount p + (time groups) p) memory: the risk scores `e^η` are
    ///   computed where they are used (no array of n).
    package static func clusterSums(_ data: CoxSortedData, eta: [Double]?, ties: CoxPH.Ties, cluster: [Int32]?,
                            clusterCount: Int) -> [Double] {
        let p = data.p
        var sums = [Double](repeating: 0, count: clusterCount * p)
        let efron = ties == .efron
        let risk = RiskScores(eta: eta)
        // Per time group (within a stratum, time descending): start index, and for groups with events
        // the index into the hazard tables.
        var groupStart: [Int] = []
        var groupEvent: [Int] = []
        var h1: [Double] = [], h2: [Double] = []
        var hx1: [Double] = [], hx2: [Double] = [], mbar: [Double] = []
        var a = [Double](repeating: 0, count: p)
        var a2 = [Double](repeating: 0, count: p)
        var cumulativeX = [Double](repeating: 0, count: p)
        data.x.withUnsafeBufferPointer { xs in
        data.time.withUnsafeBufferPointer { time in
        data.status.withUnsafeBufferPointer { status in
        data.weight.withUnsafeBufferPointer { weight in
            for s in 0..<data.strataCount {
                let begin = data.strataStart[s]
                let end = data.strataStart[s + 1]
                groupStart.removeAll(keepingCapacity: true)
                groupEvent.removeAll(keepingCapacity: true)
                h1.removeAll(keepingCapacity: true)
                h2.removeAll(keepingCapacity: true)
                hx1.removeAll(keepingCapacity: true)
                hx2.removeAll(keepingCapacity: true)
                mbar.removeAll(keepingCapacity: true)
                var denom = 0.0
                for j in 0..<p { a[j] = 0 }
                var i = begin
                var nextEntry = begin   // counting-process rows: the next to leave the risk set
                var inRisk = 0
                // Pass 1, time descending: risk-set sums and the hazard terms of each event time.
                while i < end {
                    let t = time[i]
                    groupStart.append(i)
                    let gone = data.leaving(atOrAfter: t, next: &nextEntry, end: end) { k in
                        let r = risk[k] * weight[k]
                        denom -= r
                        for j in 0..<p { a[j] -= r * xs[k * p + j] }
                    }
                    inRisk -= gone
                    if gone > 0, inRisk == 0 {
                        denom = 0
                        for j in 0..<p { a[j] = 0 }
                    }
                    var deaths = 0
                    var eDenom = 0.0
                    var meanwt = 0.0
                    for j in 0..<p { a2[j] = 0 }
                    while i < end, time[i] == t {
                        let r = risk[i] * weight[i]
                        denom += r
                        inRisk += 1
                        let row = i * p
                        if status[i] {
                            deaths += 1
                            eDenom += r
                            meanwt += weight[i]
                            for j in 0..<p { a2[j] += r * xs[row + j] }
                        }
                        for j in 0..<p { a[j] += r * xs[row + j] }
                        i += 1
                    }
                    guard deaths > 0 else {
                        groupEvent.append(-1)
                        continue
                    }
                    groupEvent.append(h1.count)
                    if deaths < 2 || !efron {
                        let hazard = meanwt / denom
                        h1.append(hazard)
                        h2.append(hazard)
                        for j in 0..<p {
                            let xbar = a[j] / denom
                            hx1.append(hazard * xbar)
                            hx2.append(hazard * xbar)
                            mbar.append(xbar)
                        }
                    } else {
                        let d = Double(deaths)
                        let wmean = meanwt / d
                        var sum1 = 0.0, sum2 = 0.0
                        let base = hx1.count
                        for _ in 0..<p {
                            hx1.append(0)
                            hx2.append(0)
                            mbar.append(0)
                        }
                        for dd in 0..<deaths {
                            let downwt = Double(dd) / d
                            let temp = denom - downwt * eDenom
                            let hazard = wmean / temp
                            sum1 += hazard
                            sum2 += hazard * (1 - downwt)
                            for j in 0..<p {
                                let mean = (a[j] - downwt * a2[j]) / temp
                                hx1[base + j] += hazard * mean
                                hx2[base + j] += hazard * (1 - downwt) * mean
                                mbar[base + j] += mean / d
                            }
                        }
                        h1.append(sum1)
                        h2.append(sum2)
                    }
                }
                // Pass 2, time ascending: cumulative hazard terms and the residuals.
                var cumulative = 0.0
                for j in 0..<p { cumulativeX[j] = 0 }
                h1.withUnsafeBufferPointer { h1 in
                h2.withUnsafeBufferPointer { h2 in
                hx1.withUnsafeBufferPointer { hx1 in
                hx2.withUnsafeBufferPointer { hx2 in
                mbar.withUnsafeBufferPointer { mbar in
                cumulativeX.withUnsafeMutableBufferPointer { cx in
                sums.withUnsafeMutableBufferPointer { sums in
                    var g = groupStart.count - 1
                    while g >= 0 {
                        let lo = groupStart[g]
                        let hi = g + 1 < groupStart.count ? groupStart[g + 1] : end
                        let e = groupEvent[g]
                        for k in lo..<hi {
                            let row = k * p
                            let target = (cluster.map { Int($0[k]) } ?? k) * p
                            let w = weight[k]
                            let sc = risk[k]
                            if e >= 0 {
                                let eb = e * p
                                if status[k] {
                                    let hh = cumulative + h2[e]
                                    for j in 0..<p {
                                        let x = xs[row + j]
                                        let r = (x - mbar[eb + j]) - sc * (x * hh - (cx[j] + hx2[eb + j]))
                                        sums[target + j] += w * r
                                    }
                                } else {
                                    let hh = cumulative + h1[e]
                                    for j in 0..<p {
                                        let x = xs[row + j]
                                        sums[target + j] -= w * sc * (x * hh - (cx[j] + hx1[eb + j]))
                                    }
                                }
                            } else {
                                for j in 0..<p {
                                    sums[target + j] -= w * sc * (xs[row + j] * cumulative - cx[j])
                                }
                            }
                        }
                        if e >= 0 {
                            cumulative += h1[e]
                            for j in 0..<p { cx[j] += hx1[e * p + j] }
                        }
                        g -= 1
                    }
                    // Counting-process rows: the event times up to the entry were not in the subject's window.
                    if let entry = data.entry {
                        let groupTimes = groupStart.map { time[$0] }
                        let m = groupStart.count
                        var through = [Double](repeating: 0, count: m + 1)
                        var throughX = [Double](repeating: 0, count: (m + 1) * p)
                        for g in stride(from: m - 1, through: 0, by: -1) {
                            let e = groupEvent[g]
                            through[g] = through[g + 1] + (e >= 0 ? h1[e] : 0)
                            for j in 0..<p { throughX[g * p + j] = throughX[(g + 1) * p + j] + (e >= 0 ? hx1[e * p + j] : 0) }
                        }
                        for k in begin..<end {
                            let first = CoxSortedData.firstGroup(atOrBelow: entry[k], in: groupTimes)
                            let target = (cluster.map { Int($0[k]) } ?? k) * p
                            let scale = weight[k] * risk[k]
                            for j in 0..<p {
                                sums[target + j] += scale * (xs[k * p + j] * through[first] - throughX[first * p + j])
                            }
                        }
                    }
                }}}}}}}
            }
        }}}}
        return sums
    }

    /// `e^{η_k}` per sorted row, from the linear predictor or 1 when there is none.
    private struct RiskScores {
        let eta: [Double]?

        subscript(_ k: Int) -> Double { eta.map { Foundation.exp($0[k]) } ?? 1 }
    }
}
