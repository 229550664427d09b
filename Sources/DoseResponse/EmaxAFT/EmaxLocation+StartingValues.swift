import Foundation
import NumericCore
import Regression

extension EmaxLocation {
    /// The dose-level fit (``EmaxDoseLevelFit``): one linear AFT with a location per dose group.
    ///
    /// - Parameters:
    ///   - response: Times, events, case weights and distribution.
    ///   - distinct: The distinct doses, ascending (computed when nil).
    /// - Returns: The fit, or nil when it fails or there is a single group.
    /// - Complexity: One linear AFT fit with `p + groups` columns.
    package func doseLevelFit(_ response: AFTResponse, distinct given: [Double]? = nil) -> EmaxDoseLevelFit? {
        let n = dose.count
        let p = x.columns
        let distinct = given ?? Array(Set(dose)).sorted()
        var group = [Int](repeating: 0, count: n)
        var groupDose: [Double] = []
        var counts: [Double] = []
        if distinct.count <= 12 {
            var index: [Double: Int] = [:]
            for (k, d) in distinct.enumerated() { index[d] = k }
            for i in 0..<n { group[i] = index[dose[i]] ?? 0 }
            groupDose = distinct
            counts = [Double](repeating: 0, count: distinct.count)
            for i in 0..<n { counts[group[i]] += 1 }
        } else {
            let order = (0..<n).sorted { dose[$0] < dose[$1] }
            let groups = 8
            var sums = [Double](repeating: 0, count: groups)
            counts = [Double](repeating: 0, count: groups)
            for (rank, i) in order.enumerated() {
                let k = min(groups - 1, rank * groups / max(n, 1))
                group[i] = k
                sums[k] += dose[i]
                counts[k] += 1
            }
            groupDose = zip(sums, counts).map { $1 > 0 ? $0 / $1 : 0 }
        }
        let groupCount = groupDose.count
        guard groupCount >= 2 else { return nil }
        // Columns: intercept (group 0), the covariates, then one indicator per further group.
        var design = Matrix(rows: n, columns: 1 + p + groupCount - 1)
        design.elements.withUnsafeMutableBufferPointer { out in
            x.elements.withUnsafeBufferPointer { xs in
                for i in 0..<n { out[i] = 1 }
                for j in 0..<p {
                    for i in 0..<n { out[(1 + j) * n + i] = xs[j * n + i] }
                }
                for i in 0..<n where group[i] > 0 { out[(p + group[i]) * n + i] = 1 }
            }
        }
        // The fit only feeds an approximation (the grid) and starting values: R's relative tolerance 1e-9 is
        // not needed, and from R's start 4 Newton steps leave a relative error far below the grid's spacing.
        guard let linear = try? ParametricAFT(distribution: response.distribution, maxIterations: 4, epsilon: 1e-7)
            .fit(RegressionData(x: design, time: response.time, event: response.event, weights: response.weights)
                .entering(at: response.entryTime))
        else { return nil }
        let beta = linear.coefficients
        let v = linear.variance
        // γ_0 = β_0, γ_k = β_0 + β_{p+k}: Cov(γ) = A V Aᵀ with A's rows e_0 (+ e_{p+k}).
        func column(_ k: Int) -> [Int] { k == 0 ? [0] : [0, p + k] }
        var covariance = Matrix(rows: groupCount, columns: groupCount)
        for a in 0..<groupCount {
            for b in 0..<groupCount {
                var s = 0.0
                for i in column(a) { for j in column(b) { s += v[i, j] } }
                covariance[a, b] = s
            }
        }
        var locations = [Double](repeating: beta[0], count: groupCount)
        for k in 1..<groupCount { locations[k] += beta[p + k] }
        return EmaxDoseLevelFit(doses: groupDose, counts: counts, locations: locations, covariance: covariance,
                                coefficients: Array(beta[1..<(1 + p)]),
                                logScale: response.distribution.estimatesScale ? linear.logScale : nil,
                                isBinned: distinct.count > 12,
                                nullLogLikelihood: linear.nullLogLikelihood - response.logCorrection,
                                nullParameters: linear.nullCoefficients)
    }

    /// Starting values without a profile grid (``AFTLocationModel`` requirement; ``EmaxAFT`` starts from
    /// the best point of its ED50 profile grid instead, ``start(levels:ed50:hill:e0:emax:)``):
    /// the dose-level fit (``doseLevelFit(_:)``), then for `ED50` on a log grid of 41 values in the search
    /// box the weighted (group sizes) least-squares fit of `exp(γ_k)` on `(1, d_k/(ED50 + d_k))`; the grid
    /// point with the smallest residual sum of squares and `E0 > 0` wins (`log h = 0`).
    ///
    /// When the dose-level fit fails, ``fallbackStart(_:)``.
    ///
    /// - Parameter response: Times, events, case weights and distribution.
    /// - Returns: `(θ₀, log σ₀)` (no `log σ` when the scale is fixed); no reference fit.
    /// - Complexity: One linear AFT fit with `p + groups` columns, then O(41 · groups).
    package func startingValues(_ response: AFTResponse) -> AFTStart {
        guard let levels = doseLevelFit(response) else { return fallbackStart(response) }
        let g = levels.locations.map { exp($0) }
        var best: (rss: Double, e0: Double, emax: Double, ed50: Double)?
        let (low, high) = (ed50Bounds.lowerBound, ed50Bounds.upperBound)
        for step in 0...40 {
            let ed50 = exp(log(low) + (log(high) - log(low)) * Double(step) / 40)
            let f = levels.doses.map { $0 / (ed50 + $0) }
            var sw = 0.0, sf = 0.0, sg = 0.0, sff = 0.0, sfg = 0.0
            for (k, w) in levels.counts.enumerated() {
                sw += w; sf += w * f[k]; sg += w * g[k]
                sff += w * f[k] * f[k]; sfg += w * f[k] * g[k]
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
            for (k, w) in levels.counts.enumerated() {
                let r = g[k] - e0 - emax * f[k]
                rss += w * r * r
            }
            if best.map({ rss < $0.rss }) ?? true { best = (rss, e0, emax, ed50) }
        }
        guard let chosen = best else { return fallbackStart(response) }
        return AFTStart(parameters: start(levels: levels, ed50: chosen.ed50, hill: 1, e0: chosen.e0, emax: chosen.emax))
    }

    /// `(log E0, Emax, log ED50, [log h], b, [log σ])` from curve values and the dose-level fit's `b`, `σ`.
    ///
    /// - Parameters:
    ///   - levels: The dose-level fit.
    ///   - ed50: ED50.
    ///   - hill: `h` (ignored for `.emax`).
    ///   - e0: `E0 > 0`.
    ///   - emax: `Emax`.
    /// - Returns: The parameter vector.
    package func start(levels: EmaxDoseLevelFit, ed50: Double, hill: Double, e0: Double, emax: Double) -> [Double] {
        [log(e0), emax, log(ed50)] + (estimatesHill ? [log(hill)] : []) + levels.coefficients
            + (levels.logScale.map { [$0] } ?? [])
    }

    /// `b = 0`, `σ = 1`, `E0` = median time, `Emax = 0`, `ED50` = median positive dose (`h = 1`).
    ///
    /// - Parameter response: The response.
    /// - Returns: The start.
    package func fallbackStart(_ response: AFTResponse) -> AFTStart {
        let positive = dose.filter { $0 > 0 }.sorted()
        let medianPositive = positive.isEmpty ? 1 : positive[positive.count / 2]
        let sortedTime = response.time.sorted()
        let medianTime = sortedTime.isEmpty ? 1 : sortedTime[sortedTime.count / 2]
        let ed50 = min(max(medianPositive, ed50Bounds.lowerBound), ed50Bounds.upperBound)
        return AFTStart(parameters: [log(max(medianTime, 1e-8)), 0, log(ed50)] + (estimatesHill ? [0] : [])
            + [Double](repeating: 0, count: x.columns) + (response.distribution.estimatesScale ? [0] : []))
    }
}
