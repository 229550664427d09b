import Foundation
import NumericCore
import Survival

/// Test of the proportional-hazards assumption of a Cox fit from scaled Schoenfeld residuals, as R's
/// `cox.zph(fit, transform, terms = FALSE)` in survival >= 3.0.
///
/// The model is extended by `β_j + θ_j g(t)` with `g` the transformed event time centred at its mean
/// over events (`km`: `1 − S(t−)` of the pooled Kaplan–Meier curve). At the fitted `β` (and `θ = 0`)
/// the score for `θ` is `U_θ = Σ_events g(t) (x_i − x̄(t))`; with the full `2p × 2p` information `I`
/// of `(β, θ)`, the test for column j is `U_θjᵀ [I_{(β,θj)}⁻¹]_{θj θj} U_θj` on 1 df and the global test
/// uses all of `θ` on p df. This is a one-step score test, not the older correlation test.
public struct CoxZPH: Sendable, Equatable {
    /// The time transform `g`.
    public enum Transform: String, Sendable, CaseIterable, Equatable {
        /// `1 − S(t−)` of the Kaplan–Meier curve of all rows (R's default).
        case km
        /// `t`.
        case identity
        /// `log t` (times must be positive).
        case log
        /// The rank of `t` among all rows (ties get the average rank).
        case rank
    }

    /// The transform, default `.km`.
    public var transform: Transform

    /// Creates the test.
    /// - Parameter transform: the time transform, default `.km` (R's default).
    public init(transform: Transform = .km) {
        self.transform = transform
    }

    /// Tests a fit on the data it was fitted to.
    ///
    /// - Parameters:
    ///   - fit: the Cox fit.
    ///   - x: the same design matrix.
    ///   - time: the same times.
    ///   - event: the same event indicators.
    ///   - strata: the same strata, or nil.
    ///   - weights: the same case weights, or nil.
    ///   - start: the same entry times of `(start, stop]` rows, or nil (risk sets and the `km` transform
    ///     then count a row from its entry).
    /// - Returns: per-column and global chi-squared tests.
    /// - Throws: `StatModelError` for inputs that do not match the fit, a non-positive time with the
    ///   `log` transform, or a singular information matrix.
    /// - Complexity: O(n p²) after one O(n) sort, plus O(p⁴) for the p + 1 solves.
    public func test(_ fit: CoxPHFit, x: Matrix, time: [Double], event: [Bool], strata: [Int]? = nil,
                     weights: [Double]? = nil, start: [Double]? = nil) throws(StatModelError) -> CoxZPHResult {
        let context = "CoxZPH.test"
        let names = try CoxPH(termNames: fit.termNames).validate(
            x: x, time: time, event: event, strata: strata, weights: weights, cluster: nil,
            termNames: fit.termNames)
        guard time.count == fit.n, x.columns == fit.coefficients.count else {
            throw .invalidArgument(context: context,
                                   message: "the data (\(time.count) rows, \(x.columns) columns) are not the data of "
                                       + "the fit (\(fit.n) rows, \(fit.coefficients.count) columns).")
        }
        _ = try KaplanMeier.entries(start, stop: time, weights: nil, context: context)
        let joint = time + (start ?? [])
        let fixedJoint = fit.timeFixApplied ? try TimeFix().apply(to: joint) : joint
        let fixed = Array(fixedJoint.prefix(time.count))
        let entry = start.map { _ in Array(fixedJoint.dropFirst(time.count)) }
        let transformed = try transformedTimes(fixed, event: event, start: entry, context: context)
        var eventMean = 0.0
        var eventCount = 0
        for (index, value) in transformed.enumerated() where event[index] {
            eventMean += value
            eventCount += 1
        }
        eventMean /= Double(eventCount)
        var data = CoxSortedData(x: x, time: fixed, event: event, strata: strata, weights: weights, entry: entry)
        let g = data.order.map { transformed[$0] - eventMean }
        let eta = data.order.map { fit.linearPredictors[$0] }
        Self.centre(&data)
        let (u, information) = Self.scoreAndInformation(data, eta: eta, g: g, ties: fit.ties)

        let p = data.p
        var rows: [CoxZPHRow] = []
        for j in 0..<p {
            let kk = Array(0..<p) + [p + j]
            var sub = Matrix(rows: p + 1, columns: p + 1)
            for (c, cc) in kk.enumerated() {
                for (r, rr) in kk.enumerated() { sub[r, c] = information[rr, cc] }
            }
            var score = [Double](repeating: 0, count: p + 1)
            score[p] = u[p + j]
            let statistic = try Self.quadraticForm(sub, score, context: context)
            rows.append(CoxZPHRow(term: names[j], chiSquare: statistic, degreesOfFreedom: 1,
                                  pValue: ChiSquared(degreesOfFreedom: 1).survival(statistic)))
        }
        var score = [Double](repeating: 0, count: 2 * p)
        for j in 0..<p { score[p + j] = u[p + j] }
        let statistic = try Self.quadraticForm(information, score, context: context)
        let global = CoxZPHRow(term: "GLOBAL", chiSquare: statistic, degreesOfFreedom: p,
                               pValue: ChiSquared(degreesOfFreedom: Double(p)).survival(statistic))
        return CoxZPHResult(transform: transform, terms: rows, global: global)
    }

    /// `g(t)` per input row.
    package func transformedTimes(_ time: [Double], event: [Bool], start: [Double]? = nil, context: String)
        throws(StatModelError) -> [Double]
    {
        if transform == .km, let start {
            // 1 − S(t−) of the pooled Kaplan–Meier curve with delayed entry.
            let curve = try KaplanMeier(timeFix: false).fit(time: time, event: event, start: start, weights: nil)
            return time.map { t in
                var low = 0, high = curve.times.count   // the first curve time >= t
                while low < high {
                    let middle = (low + high) / 2
                    if curve.times[middle] < t { low = middle + 1 } else { high = middle }
                }
                return low == 0 ? 0 : 1 - curve.survival[low - 1]
            }
        }
        switch transform {
        case .identity:
            return time
        case .log:
            for (index, value) in time.enumerated() where !(value > 0) {
                throw .invalidArgument(context: context,
                                       message: "the log transform needs positive times; row \(index) (0-based) "
                                           + "has \(value). Use transform km, rank or identity.")
            }
            return time.map { Foundation.log($0) }
        case .rank:
            let order = SurvivalOrder.ascending(time)
            var ranks = [Double](repeating: 0, count: time.count)
            var i = 0
            while i < order.count {
                var j = i
                while j < order.count, time[order[j]] == time[order[i]] { j += 1 }
                let average = Double(i + 1 + j) / 2
                for k in i..<j { ranks[order[k]] = average }
                i = j
            }
            return ranks
        case .km:
            // 1 − S(t−): the pooled, unweighted Kaplan–Meier just before each time.
            let order = SurvivalOrder.ascending(time)
            var result = [Double](repeating: 0, count: time.count)
            var survival = 1.0
            var atRisk = time.count
            var i = 0
            while i < order.count {
                var j = i
                var deaths = 0
                while j < order.count, time[order[j]] == time[order[i]] {
                    if event[order[j]] { deaths += 1 }
                    j += 1
                }
                for k in i..<j { result[order[k]] = 1 - survival }
                survival *= 1 - Double(deaths) / Double(atRisk)
                atRisk -= j - i
                i = j
            }
            return result
        }
    }

    /// Centres each column at its unweighted mean (as R's `zph1`).
    package static func centre(_ data: inout CoxSortedData) {
        let n = data.n, p = data.p
        for j in 0..<p {
            var mean = 0.0
            for i in 0..<n { mean += data.x[i * p + j] }
            mean /= Double(n)
            for i in 0..<n { data.x[i * p + j] -= mean }
        }
    }

    /// The score `(U_β, U_θ)` and the `2p × 2p` information at the fitted linear predictor (R's `zph1`).
    ///
    /// - Complexity: O(n p²).
    package static func scoreAndInformation(_ data: CoxSortedData, eta: [Double], g: [Double], ties: CoxPH.Ties)
        -> (score: [Double], information: Matrix) {
        let p = data.p
        let q = 2 * p
        var u = [Double](repeating: 0, count: q)
        var info = Matrix(rows: q, columns: q)
        var a = [Double](repeating: 0, count: p), a2 = [Double](repeating: 0, count: p)
        var cmat = [Double](repeating: 0, count: p * p), cmat2 = [Double](repeating: 0, count: p * p)
        for s in 0..<data.strataCount {
            let end = data.strataStart[s + 1]
            var i = data.strataStart[s]
            var denom = 0.0
            for j in 0..<p { a[j] = 0 }
            for k in 0..<(p * p) { cmat[k] = 0 }
            var nextEntry = i        // counting-process rows: the next to leave the risk set
            var inRisk = 0
            while i < end {
                let t = data.time[i]
                let timewt = g[i]
                let gone = data.leaving(atOrAfter: t, next: &nextEntry, end: end) { k in
                    let risk = exp(eta[k]) * data.weight[k]
                    denom -= risk
                    for j in 0..<p {
                        let xj = data.x[k * p + j]
                        a[j] -= risk * xj
                        for l in 0...j { cmat[j * p + l] -= risk * xj * data.x[k * p + l] }
                    }
                }
                inRisk -= gone
                if gone > 0, inRisk == 0 {
                    denom = 0
                    for j in 0..<p { a[j] = 0 }
                    for l in 0..<(p * p) { cmat[l] = 0 }
                }
                var ndead = 0
                var deadwt = 0.0, denom2 = 0.0
                while i < end, data.time[i] == t {
                    let row = i * p
                    let w = data.weight[i]
                    let risk = exp(eta[i]) * w
                    inRisk += 1
                    if data.status[i] {
                        ndead += 1
                        deadwt += w
                        denom2 += risk
                        for j in 0..<p {
                            let xj = data.x[row + j]
                            u[j] += w * xj
                            u[j + p] += timewt * w * xj
                            a2[j] += risk * xj
                            for k in 0...j { cmat2[j * p + k] += risk * xj * data.x[row + k] }
                        }
                    } else {
                        denom += risk
                        for j in 0..<p {
                            let xj = data.x[row + j]
                            a[j] += risk * xj
                            for k in 0...j { cmat[j * p + k] += risk * xj * data.x[row + k] }
                        }
                    }
                    i += 1
                }
                guard ndead > 0 else { continue }
                let d = Double(ndead)
                let passes = ties == .breslow ? 1 : ndead
                let fraction = ties == .breslow ? 1.0 : 1 / d
                let weightPerPass = ties == .breslow ? deadwt : deadwt / d
                for _ in 0..<passes {
                    denom += denom2 * fraction
                    for j in 0..<p {
                        a[j] += a2[j] * fraction
                        let mean = a[j] / denom
                        u[j] -= weightPerPass * mean
                        u[j + p] -= timewt * weightPerPass * mean
                        for k in 0...j {
                            cmat[j * p + k] += cmat2[j * p + k] * fraction
                            let temp = weightPerPass * (cmat[j * p + k] - mean * a[k]) / denom
                            info[k, j] += temp
                            info[k, j + p] += temp * timewt
                            info[k + p, j + p] += temp * timewt * timewt
                        }
                    }
                }
                for j in 0..<p { a2[j] = 0 }
                for k in 0..<(p * p) { cmat2[k] = 0 }
            }
        }
        // Fill the symmetric blocks from the accumulated upper parts.
        for j in 0..<p {
            for k in 0..<j {
                info[j, k] = info[k, j]
                info[j + p, k + p] = info[k + p, j + p]
                info[j, k + p] = info[k, j + p]
            }
        }
        for j in 0..<p {
            for k in 0..<p { info[j + p, k] = info[k, j + p] }
        }
        return (u, info)
    }

    /// `bᵀ A⁻¹ b` (Cholesky, or the symmetric-indefinite solver when A is not numerically PD).
    package static func quadraticForm(_ a: Matrix, _ b: [Double], context: String) throws(StatModelError) -> Double {
        let solution: [Double]
        do {
            solution = try Cholesky(a).solve(b)
        } catch {
            do {
                solution = try SymmetricIndefiniteSolver(a).solve(b)
            } catch {
                throw .undefinedStatistic(context: context,
                                          message: "the information matrix of the extended model is singular "
                                              + "(\(error)); the test is not defined for these data.")
            }
        }
        var total = 0.0
        for i in 0..<b.count { total += b[i] * solution[i] }
        return total
    }
}
