import Foundation
import NumericCore

/// The log partial likelihood, its gradient (score) and the information matrix at one `β`, on sorted
/// (and centred) data: what R's `coxfit6_iter` computes, arranged so that the O(n p²) part is BLAS
/// `dsyrk` calls on blocks of rows (``BlockedCrossProduct``). Internal.
///
/// Walking each stratum in time-descending order keeps running risk-set sums `R = Σ w_i e^{η_i}` and
/// `A = Σ w_i e^{η_i} x_i`. At an event time with `d` events (weights summing to `W`, risk sums `R_d`,
/// `A_d`), Breslow adds `log L += Σ w η − W log R`, `U += Σ w x − W A/R`; Efron uses
/// `R_k = R − (1 − (k+1)/d) R_d` (k = 0…d−1, R including the events) with weight `W/d` each.
/// The information is `Σ_t Σ_k (W/d) (C_k / R_k − A_k A_kᵀ / R_k²)` with `C = Σ w e^η x xᵀ` over the
/// risk set. Its `C` part is linear in the subjects, so it equals `Xᵀ diag(v) X` with
/// `v_i = w_i e^{η_i} (Σ_{t < T_i} h(t) + h_i(T_i))`: `h(t) = Σ_k (W/d)/R_k` for subjects still at risk
/// and `Σ_k (W/d)((k+1)/d)/R_k` for the events at `t` (Breslow: `W/R` for both). The `A Aᵀ` part is
/// O(p²) per event time.
///
/// As a ``NewtonObjective`` it gives ``DampedNewton`` the value `log L`, the score and the information.
package struct CoxPartialLikelihood: Sendable, NewtonObjective {
    /// Evaluations cannot fail.
    package typealias Failure = Never

    /// The data, `x` centred and scaled.
    package let data: CoxSortedData
    /// The tie method.
    package let ties: CoxPH.Ties
    /// Per sorted row `w_i e^{η_i}` (scratch).
    private var risk: [Double]
    /// Per sorted row the C-part weight `v_i` (scratch).
    private var weightC: [Double]

    /// Prepares the scratch space for `data`.
    /// - Complexity: O(n) memory (the C part's rows are made a block at a time).
    package init(_ data: CoxSortedData, ties: CoxPH.Ties) {
        self.data = data
        self.ties = ties
        risk = [Double](repeating: 0, count: data.n)
        weightC = [Double](repeating: 0, count: data.n)
    }

    /// Evaluates at `beta` (internal coordinates): `log L`, the score and the information.
    ///
    /// - Complexity: O(n p) plus `dsyrk` on blocks of rows (O(n p²) flops at BLAS-3 speed), O(p²) per event.
    package mutating func evaluate(_ beta: [Double]) -> NewtonEvaluation {
        let p = data.p
        let n = data.n
        var loglik = 0.0
        var u = [Double](repeating: 0, count: p)
        var outer = [Double](repeating: 0, count: p * p)        // Σ (W/d) mean meanᵀ, lower triangle
        var a = [Double](repeating: 0, count: p)
        var a2 = [Double](repeating: 0, count: p)
        var mean = [Double](repeating: 0, count: p)
        let efron = ties == .efron
        // Per event time (within the current stratum, in walking order): hazard weights and start row.
        var groupStart: [Int] = []
        var hazardAtRisk: [Double] = []
        var hazardEvent: [Double] = []
        data.x.withUnsafeBufferPointer { xs in
        data.time.withUnsafeBufferPointer { time in
        data.status.withUnsafeBufferPointer { status in
        data.weight.withUnsafeBufferPointer { weight in
        beta.withUnsafeBufferPointer { b in
        risk.withUnsafeMutableBufferPointer { risk in
        weightC.withUnsafeMutableBufferPointer { v in
        u.withUnsafeMutableBufferPointer { u in
        outer.withUnsafeMutableBufferPointer { outer in
        a.withUnsafeMutableBufferPointer { a in
        a2.withUnsafeMutableBufferPointer { a2 in
        mean.withUnsafeMutableBufferPointer { mean in
            for s in 0..<data.strataCount {
                let begin = data.strataStart[s]
                let end = data.strataStart[s + 1]
                var i = begin
                var denom = 0.0
                for j in 0..<p { a[j] = 0 }
                groupStart.removeAll(keepingCapacity: true)
                hazardAtRisk.removeAll(keepingCapacity: true)
                hazardEvent.removeAll(keepingCapacity: true)
                var nextEntry = begin   // counting-process rows: the next to leave the risk set
                var inRisk = 0
                // Pass 1, time descending: risk-set sums, log L, U and the A Aᵀ part.
                while i < end {
                    let t = time[i]
                    let start = i
                    // Rows whose interval starts at or after t have left the risk set (start < t ≤ stop).
                    let gone = data.leaving(atOrAfter: t, next: &nextEntry, end: end) { k in
                        let r = risk[k]
                        denom -= r
                        for j in 0..<p { a[j] -= r * xs[k * p + j] }
                    }
                    inRisk -= gone
                    if gone > 0, inRisk == 0 {   // an empty risk set holds exactly nothing
                        denom = 0
                        for j in 0..<p { a[j] = 0 }
                    }
                    var ndead = 0
                    var deadwt = 0.0
                    var denom2 = 0.0
                    while i < end, time[i] == t {
                        let row = i * p
                        var zbeta = 0.0
                        for j in 0..<p { zbeta += b[j] * xs[row + j] }
                        let w = weight[i]
                        let r = exp(zbeta) * w
                        risk[i] = r
                        inRisk += 1
                        if status[i] {
                            ndead += 1
                            deadwt += w
                            denom2 += r
                            loglik += w * zbeta
                            for j in 0..<p {
                                let xj = xs[row + j]
                                u[j] += w * xj
                                a2[j] += r * xj
                            }
                        } else {
                            denom += r
                            for j in 0..<p { a[j] += r * xs[row + j] }
                        }
                        i += 1
                    }
                    groupStart.append(start)
                    guard ndead > 0 else {
                        hazardAtRisk.append(0)
                        hazardEvent.append(0)
                        continue
                    }
                    if !efron || ndead == 1 {
                        denom += denom2
                        loglik -= deadwt * log(denom)
                        for j in 0..<p {
                            a[j] += a2[j]
                            mean[j] = a[j] / denom
                            u[j] -= deadwt * mean[j]
                        }
                        for j in 0..<p {
                            let mj = deadwt * mean[j]
                            for k in 0...j { outer[j * p + k] += mj * mean[k] }
                        }
                        let h = deadwt / denom
                        hazardAtRisk.append(h)
                        hazardEvent.append(h)
                    } else {
                        let d = Double(ndead)
                        let wtave = deadwt / d
                        var hRisk = 0.0
                        var hEvent = 0.0
                        for k in 0..<ndead {
                            denom += denom2 / d
                            loglik -= wtave * log(denom)
                            for j in 0..<p {
                                a[j] += a2[j] / d
                                mean[j] = a[j] / denom
                                u[j] -= wtave * mean[j]
                            }
                            for j in 0..<p {
                                let mj = wtave * mean[j]
                                for kk in 0...j { outer[j * p + kk] += mj * mean[kk] }
                            }
                            hRisk += wtave / denom
                            hEvent += wtave * (Double(k + 1) / d) / denom
                        }
                        hazardAtRisk.append(hRisk)
                        hazardEvent.append(hEvent)
                    }
                    for j in 0..<p { a2[j] = 0 }
                }
                // Pass 2, time ascending: cumulative hazard weights give each subject's C-part weight.
                var cumulative = 0.0
                var g = groupStart.count - 1
                while g >= 0 {
                    let lo = groupStart[g]
                    let hi = g + 1 < groupStart.count ? groupStart[g + 1] : end
                    let atRisk = cumulative + hazardAtRisk[g]
                    let asEvent = cumulative + hazardEvent[g]
                    for k in lo..<hi { v[k] = risk[k] * (status[k] ? asEvent : atRisk) }
                    cumulative = atRisk
                    g -= 1
                }
                // Counting-process rows were not at risk at the event times up to their entry.
                if let entry = data.entry {
                    let groupTimes = groupStart.map { time[$0] }
                    var through = [Double](repeating: 0, count: groupStart.count + 1)  // Σ h over times ≤ group g's
                    for g in stride(from: groupStart.count - 1, through: 0, by: -1) { through[g] = through[g + 1] + hazardAtRisk[g] }
                    for k in begin..<end {
                        let first = CoxSortedData.firstGroup(atOrBelow: entry[k], in: groupTimes)
                        v[k] -= risk[k] * through[first]
                    }
                }
            }
        }}}}}}}}}}}}
        // C part: Σ_i v_i x_i x_iᵀ, one dsyrk per block of rows scaled by sqrt(v_i) (no n × p copy).
        var information = data.x.withUnsafeBufferPointer { xs in
            weightC.withUnsafeBufferPointer { v in
                BlockedCrossProduct.compute(rows: n, columns: p) { first, count, block in
                    for r in 0..<count {
                        let i = first + r
                        let f = v[i].squareRoot()
                        let row = i * p, out = r * p
                        for j in 0..<p { block[out + j] = f * xs[row + j] }
                    }
                }
            }
        }
        for j in 0..<p {
            for k in 0...j {
                let value = information[j, k] - outer[j * p + k]
                information[j, k] = value
                information[k, j] = value
            }
        }
        return NewtonEvaluation(value: loglik, gradient: u, information: information)
    }
}
