import Foundation
import NumericCore
import Survival

extension CoxPHFit {
    package static let baselineContext = "CoxPHFit.baselineHazard"

    /// The baseline cumulative hazard per stratum and the terms of its variance, as R's
    /// `survfit.coxph` (`agsurv`, survival 3.x) computes them; see ``CoxBaselineHazard`` for the formulas.
    ///
    /// Pass the same data the model was fitted on. The hazard follows the fit's ties (R's default
    /// `ctype`: Efron fits get the Efron-adjusted hazard, Breslow fits the Breslow/Nelson–Aalen one).
    ///
    /// - Parameters:
    ///   - x: The `n × p` design used in the fit.
    ///   - time: The follow-up times used in the fit (the time fix is re-applied when the fit used it).
    ///   - event: Event indicators.
    ///   - strata: Stratum label per row, as given to the fit, or nil.
    ///   - weights: Case weights as given to the fit, or nil.
    ///   - start: Entry times of `(start, stop]` rows as given to the fit, or nil (a row is in the risk
    ///     set at `t` when `start < t ≤ time`).
    /// - Returns: The baseline.
    /// - Throws: `.emptyInput`, `.lengthMismatch` or `.nonFiniteValue` for input that does not match the fit.
    /// - Complexity: O(n log n) for the sort, then one O(n p) pass over the sorted risk sets.
    public func baselineHazard(x: Matrix, time: [Double], event: [Bool], strata: [Int]? = nil,
                               weights: [Double]? = nil, start: [Double]? = nil) throws(StatModelError) -> CoxBaselineHazard {
        let context = Self.baselineContext
        let n = time.count, p = coefficients.count
        guard n > 0 else { throw .emptyInput(context: context) }
        guard x.rows == n else { throw .lengthMismatch(context: context, argument: "x (rows)", expected: n, found: x.rows) }
        guard x.columns == p else {
            throw .lengthMismatch(context: context, argument: "x (columns)", expected: p, found: x.columns)
        }
        guard event.count == n else { throw .lengthMismatch(context: context, argument: "event", expected: n, found: event.count) }
        if let strata, strata.count != n {
            throw .lengthMismatch(context: context, argument: "strata", expected: n, found: strata.count)
        }
        if let weights {
            guard weights.count == n else {
                throw .lengthMismatch(context: context, argument: "weights", expected: n, found: weights.count)
            }
            for (i, w) in weights.enumerated() where !(w.isFinite && w > 0) {
                throw .nonFiniteValue(context: context, argument: "weights", index: i)
            }
        }
        for (i, t) in time.enumerated() where !t.isFinite { throw .nonFiniteValue(context: context, argument: "time", index: i) }
        for (i, v) in x.elements.enumerated() where !v.isFinite {
            throw .nonFiniteValue(context: context, argument: "x", index: i % n)
        }
        _ = try KaplanMeier.entries(start, stop: time, weights: nil, context: context)
        let joint = time + (start ?? [])
        let fixed = timeFixApplied ? try TimeFix().apply(to: joint) : joint
        let data = CoxSortedData(x: x, time: Array(fixed.prefix(n)), event: event, strata: strata, weights: weights,
                                 entry: start.map { _ in Array(fixed.dropFirst(n)) })
        let beta = coefficients.map { $0.isFinite ? $0 : 0 }
        let result = Self.strataBaselines(data, strata: strata, beta: beta, means: means, ties: ties)
        var variance = reportedVariance
        for k in variance.elements.indices where !variance.elements[k].isFinite { variance.elements[k] = 0 }
        return CoxBaselineHazard(ties: ties, coefficients: beta, means: means, variance: variance, strata: result)
    }

    /// The baseline of every stratum of sorted rows, labelled by the stratum's code in `strata` (the
    /// codes ascending, as ``CoxSortedData`` orders them; one unlabelled stratum without strata).
    package static func strataBaselines(_ data: CoxSortedData, strata: [Int]?, beta: [Double], means: [Double],
                                        ties: CoxPH.Ties) -> [CoxBaselineHazard.Stratum] {
        let labels: [Int?] = strata.map { Array(Set($0)).sorted().map { Optional($0) } } ?? [nil]
        return (0..<data.strataCount).map { s in
            stratumBaseline(data, range: data.strataStart[s]..<data.strataStart[s + 1], beta: beta, means: means, ties: ties,
                            label: s < labels.count ? labels[s] : nil)
        }
    }

    /// One stratum: a backward pass (times descending, risk sets growing) collecting the sums at each
    /// distinct time, then running sums in ascending time.
    package static func stratumBaseline(_ data: CoxSortedData, range: Range<Int>, beta: [Double], means: [Double],
                                ties: CoxPH.Ties, label: Int?) -> CoxBaselineHazard.Stratum {
        let p = data.p
        var times: [Double] = [], atRisk: [Double] = [], events: [Double] = [], censored: [Double] = []
        var hazard: [Double] = [], varianceIncrement: [Double] = [], meanIncrement: [Double] = []
        var riskSum = 0.0, countSum = 0.0
        var xSum = [Double](repeating: 0, count: p)
        var xDeath = [Double](repeating: 0, count: p)
        var centred = [Double](repeating: 0, count: p)
        var increment = [Double](repeating: 0, count: p)
        var position = range.lowerBound
        var nextEntry = range.lowerBound   // counting-process rows: the next to leave the risk set
        var inRisk = 0
        while position < range.upperBound {
            let t = data.time[position]
            let gone = data.leaving(atOrAfter: t, next: &nextEntry, end: range.upperBound) { k in
                var eta = 0.0
                for j in 0..<p {
                    centred[j] = data.x[k * p + j] - means[j]
                    eta += centred[j] * beta[j]
                }
                let wr = data.weight[k] * exp(eta)
                riskSum -= wr
                countSum -= data.weight[k]
                for j in 0..<p { xSum[j] -= wr * centred[j] }
            }
            inRisk -= gone
            if gone > 0, inRisk == 0 {
                riskSum = 0
                countSum = 0
                for j in 0..<p { xSum[j] = 0 }
            }
            var deathRisk = 0.0, deathWeight = 0.0, censorWeight = 0.0
            var deaths = 0
            for j in 0..<p { xDeath[j] = 0 }
            while position < range.upperBound, data.time[position] == t {
                let row = position * p
                var eta = 0.0
                for j in 0..<p {
                    centred[j] = data.x[row + j] - means[j]
                    eta += centred[j] * beta[j]
                }
                let w = data.weight[position]
                let wr = w * exp(eta)
                riskSum += wr
                countSum += w
                inRisk += 1
                for j in 0..<p { xSum[j] += wr * centred[j] }
                if data.status[position] {
                    deaths += 1
                    deathWeight += w
                    deathRisk += wr
                    for j in 0..<p { xDeath[j] += wr * centred[j] }
                } else {
                    censorWeight += w
                }
                position += 1
            }
            times.append(t)
            atRisk.append(countSum)
            events.append(deathWeight)
            censored.append(censorWeight)
            var sum1 = 0.0, sum2 = 0.0
            for j in 0..<p { increment[j] = 0 }
            if deaths > 0 {
                if ties == .breslow || deaths == 1 {
                    let inverse = 1 / riskSum
                    sum1 = inverse
                    sum2 = inverse * inverse
                    for j in 0..<p { increment[j] = xSum[j] * inverse * inverse }
                } else {
                    let d = Double(deaths)
                    for k in 0..<deaths {
                        let fraction = Double(k) / d
                        let inverse = 1 / (riskSum - fraction * deathRisk)
                        sum1 += inverse / d
                        sum2 += inverse * inverse / d
                        for j in 0..<p { increment[j] += (xSum[j] - fraction * xDeath[j]) * inverse * inverse / d }
                    }
                }
            }
            hazard.append(deathWeight * sum1)
            varianceIncrement.append(deathWeight * sum2)
            for j in 0..<p { meanIncrement.append(deathWeight * increment[j]) }
        }
        // Reverse into ascending time and accumulate.
        let count = times.count
        var cumulative = [Double](repeating: 0, count: count)
        var variance = [Double](repeating: 0, count: count)
        var means = [Double](repeating: 0, count: count * p)
        var runningHazard = 0.0, runningVariance = 0.0
        var runningMeans = [Double](repeating: 0, count: p)
        for k in 0..<count {
            let source = count - 1 - k
            runningHazard += hazard[source]
            runningVariance += varianceIncrement[source]
            cumulative[k] = runningHazard
            variance[k] = runningVariance
            for j in 0..<p {
                runningMeans[j] += meanIncrement[source * p + j]
                means[k * p + j] = runningMeans[j]
            }
        }
        return CoxBaselineHazard.Stratum(
            label: label, n: range.count, times: times.reversed(), atRisk: atRisk.reversed(),
            events: events.reversed(), censored: censored.reversed(), cumulativeHazard: cumulative,
            hazardVariance: variance, hazardMeans: means)
    }
}
