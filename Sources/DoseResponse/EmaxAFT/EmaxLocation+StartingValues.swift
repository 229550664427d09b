import Foundation
import NumericCore
import Regression

extension EmaxLocation {
    /// Starting values by a small two-stage fit that reuses ``ParametricAFT``:
    ///
    /// 1. Doses are grouped (each distinct dose when there are at most 12, else 8 groups of equal size by
    ///    dose rank, at the group's mean dose). A linear AFT `log T = β₀ + xᵀb + γ_group + σW` gives the
    ///    covariate coefficients `b`, `log σ` and the group locations `g_k = exp(β₀ + γ_k)`.
    /// 2. For `ED50` on a log grid of 41 values in the search box, `E0` and `Emax` are the weighted
    ///    (group sizes) least-squares fit of `g_k` on `(1, d_k/(ED50 + d_k))`; the grid point with the
    ///    smallest residual sum of squares and `E0 > 0` wins (`h = 1`, i.e. `log h = 0` for the sigmoid curve).
    ///
    /// When the linear fit fails, the start is `b = 0`, `σ = 1`, `E0` = median time, `Emax = 0`,
    /// `ED50` = median positive dose.
    ///
    /// - Parameter response: Times, events and distribution (weights are not used by this start).
    /// - Returns: `(θ₀, log σ₀)` (no `log σ` when the scale is fixed); no reference fit.
    /// - Complexity: One linear AFT fit with `p + groups` columns, then O(41 · groups).
    package func startingValues(_ response: AFTResponse) -> AFTStart {
        let time = response.time, event = response.event
        let distribution = response.distribution
        let n = time.count
        let p = x.columns
        let positive = dose.filter { $0 > 0 }.sorted()
        let medianPositive = positive.isEmpty ? 1 : positive[positive.count / 2]
        let sortedTime = time.sorted()
        let medianTime = sortedTime.isEmpty ? 1 : sortedTime[sortedTime.count / 2]
        let scaleStart: [Double] = distribution.estimatesScale ? [0] : []
        let hillStart: [Double] = estimatesHill ? [0] : []
        let fallback = [log(max(medianTime, 1e-8)), 0, log(medianPositive)] + hillStart
            + [Double](repeating: 0, count: p) + scaleStart

        // Dose groups.
        let distinct = Array(Set(dose)).sorted()
        var group = [Int](repeating: 0, count: n)
        var groupDose: [Double] = []
        if distinct.count <= 12 {
            var index: [Double: Int] = [:]
            for (k, d) in distinct.enumerated() { index[d] = k }
            for i in 0..<n { group[i] = index[dose[i]] ?? 0 }
            groupDose = distinct
        } else {
            let order = (0..<n).sorted { dose[$0] < dose[$1] }
            let groups = 8
            var sums = [Double](repeating: 0, count: groups)
            var counts = [Double](repeating: 0, count: groups)
            for (rank, i) in order.enumerated() {
                let k = min(groups - 1, rank * groups / max(n, 1))
                group[i] = k
                sums[k] += dose[i]
                counts[k] += 1
            }
            groupDose = zip(sums, counts).map { $1 > 0 ? $0 / $1 : 0 }
        }
        let groupCount = groupDose.count
        var design = Matrix(rows: n, columns: 1 + p + max(groupCount - 1, 0))
        for i in 0..<n { design[i, 0] = 1 }
        for j in 0..<p {
            for i in 0..<n { design[i, 1 + j] = x[i, j] }
        }
        for i in 0..<n where group[i] > 0 { design[i, p + group[i]] = 1 }
        guard let linear = try? ParametricAFT(distribution: distribution, maxIterations: 50)
            .fit(x: design, time: time, event: event)
        else { return AFTStart(parameters: fallback) }
        let beta = linear.coefficients
        var groupLocation = [Double](repeating: beta[0], count: groupCount)
        for k in 1..<max(groupCount, 1) { groupLocation[k] += beta[p + k] }
        let g = groupLocation.map { exp($0) }
        var weight = [Double](repeating: 0, count: groupCount)
        for i in 0..<n { weight[group[i]] += 1 }

        var best: (rss: Double, e0: Double, emax: Double, ed50: Double)?
        let (low, high) = ed50Bounds
        for step in 0...40 {
            let ed50 = exp(log(low) + (log(high) - log(low)) * Double(step) / 40)
            let f = groupDose.map { $0 / (ed50 + $0) }
            var sw = 0.0, sf = 0.0, sg = 0.0, sff = 0.0, sfg = 0.0
            for k in 0..<groupCount {
                sw += weight[k]; sf += weight[k] * f[k]; sg += weight[k] * g[k]
                sff += weight[k] * f[k] * f[k]; sfg += weight[k] * f[k] * g[k]
            }
            let det = sw * sff - sf * sf
            var emax = 0.0
            var e0 = sg / max(sw, 1)
            if det > 1e-12 * max(sw * sff, 1e-300) {
                emax = (sw * sfg - sf * sg) / det
                e0 = (sg - emax * sf) / sw
            }
            guard e0 > 0, zip(f, g).allSatisfy({ e0 + emax * $0.0 > 0 }) else { continue }
            var rss = 0.0
            for k in 0..<groupCount {
                let r = g[k] - e0 - emax * f[k]
                rss += weight[k] * r * r
            }
            if best.map({ rss < $0.rss }) ?? true { best = (rss, e0, emax, ed50) }
        }
        guard let chosen = best else { return AFTStart(parameters: fallback) }
        let start = [log(chosen.e0), chosen.emax, log(chosen.ed50)] + hillStart + Array(beta[1..<(1 + p)])
        return AFTStart(parameters: start + (distribution.estimatesScale ? [linear.logScale] : []))
    }
}
