import Foundation
import NumericCore
import Survival

extension CoxBaselineHazard {
    package static let predictContext = "CoxBaselineHazard.predict"

    /// The predicted survival curve of one covariate profile, as R's `survfit(fit, newdata = profile)`;
    /// see ``CoxSurvivalPrediction`` for the formulas.
    ///
    /// - Parameters:
    ///   - profile: A design row of length `p` (same coding as the fit, no intercept).
    ///   - stratum: The stratum label (as given to the fit) whose baseline to use: required when the fit
    ///     has several strata, nil without strata; it must be one of the fit's labels.
    ///   - times: Times `≥ 0` for `S(t | x)` (before the first curve time `S = 1`; after the last the last
    ///     value, flagged `isBeyondLastTime`).
    ///   - tau: Horizon of the restricted mean, or nil.
    ///   - confidenceLevel: Two-sided level in (0, 1).
    ///   - survivalOf: The survival and `−dS/dH` at a cumulative hazard `H` (default `exp(−H)`, the curve
    ///     itself; a frailty model's population curve passes its marginal survival): intervals are the
    ///     images of `H ± z se(H)`, SEs `−dS/dH · se(H)`.
    /// - Returns: The curve and its summaries.
    /// - Throws: `.lengthMismatch` / `.nonFiniteValue` for the profile, `.invalidArgument` for a missing or
    ///   unknown stratum, a bad time, tau or level.
    /// - Complexity: O(T p²) for a stratum with T distinct times.
    public func predict(profile: [Double], stratum: Int? = nil, times: [Double] = [], tau: Double? = nil,
                        confidenceLevel: Double = 0.95,
                        survivalOf: (Double) -> (survival: Double, slope: Double) = { (exp(-$0), exp(-$0)) })
        throws(StatModelError) -> CoxSurvivalPrediction
    {
        let context = Self.predictContext
        let p = coefficients.count
        guard profile.count == p else {
            throw .lengthMismatch(context: context, argument: "profile", expected: p, found: profile.count)
        }
        for (i, v) in profile.enumerated() where !v.isFinite {
            throw .nonFiniteValue(context: context, argument: "profile", index: i)
        }
        guard confidenceLevel > 0, confidenceLevel < 1 else {
            throw .invalidArgument(context: context, message: "confidence level \(confidenceLevel) is outside (0, 1).")
        }
        for t in times where !(t.isFinite && t >= 0) {
            throw .invalidArgument(context: context, message: "time \(t) is not a finite value >= 0.")
        }
        if let tau, !(tau.isFinite && tau > 0) {
            throw .invalidArgument(context: context, message: "tau \(tau) must be a finite time > 0.")
        }
        let base = try select(stratum)
        let z = Normal.quantile(0.5 + confidenceLevel / 2)
        let centred = (0..<p).map { profile[$0] - means[$0] }
        let eta = zip(centred, coefficients).reduce(0) { $0 + $1.0 * $1.1 }
        let risk = exp(eta)
        let count = base.times.count
        var cumulative = [Double](repeating: 0, count: count)
        var se = [Double](repeating: 0, count: count)
        var survival = [Double](repeating: 1, count: count)
        var lower = [Double](repeating: 1, count: count)
        var upper = [Double](repeating: 1, count: count)
        var slope = [Double](repeating: 1, count: count)
        var d = [Double](repeating: 0, count: p)
        for k in 0..<count {
            let lambda0 = base.cumulativeHazard[k]
            for j in 0..<p { d[j] = lambda0 * centred[j] - base.hazardMeans[k * p + j] }
            let variance = (base.hazardVariance[k] + quadraticForm(d)) * risk * risk
            cumulative[k] = lambda0 * risk
            se[k] = max(variance, 0).squareRoot()
            (survival[k], slope[k]) = survivalOf(cumulative[k])
            lower[k] = survivalOf(cumulative[k] + z * se[k]).survival
            upper[k] = min(1, survivalOf(max(cumulative[k] - z * se[k], 0)).survival)
        }
        let atTimes = times.map { t -> SurvivalEstimate in
            guard let k = Self.lastIndex(atOrBefore: t, in: base.times) else {
                return SurvivalEstimate(time: t, estimate: 1, standardError: 0, lower: 1, upper: 1,
                                        atRisk: Self.roundedCount(base.atRisk.first ?? 0), isBeyondLastTime: false)
            }
            let next = k + 1 < count ? base.atRisk[k + 1] : 0
            return SurvivalEstimate(time: t, estimate: survival[k], standardError: slope[k] * se[k],
                                    lower: lower[k], upper: upper[k], atRisk: Self.roundedCount(next),
                                    isBeyondLastTime: t > (base.times.last ?? t))
        }
        let median = QuantileEstimate(
            probability: 0.5, estimate: Self.firstBelowHalf(survival, times: base.times),
            lower: Self.firstBelowHalf(lower, times: base.times), upper: Self.firstBelowHalf(upper, times: base.times))
        let rmst = tau.map { RestrictedMean(tau: $0, times: base.times, survival: survival,
                                            atRisk: base.atRisk, events: base.events) }
        return CoxSurvivalPrediction(
            profile: profile, stratum: base.label, linearPredictor: eta,
            linearPredictorStandardError: max(quadraticForm(centred), 0).squareRoot(), n: base.n, times: base.times,
            atRisk: base.atRisk, events: base.events, cumulativeHazard: cumulative, cumulativeHazardStandardError: se,
            survival: survival, lower: lower, upper: upper, survivalAtTimes: atTimes, median: median,
            restrictedMean: rmst, confidenceLevel: confidenceLevel)
    }

    /// Predictions for every row of `profiles`.
    ///
    /// - Parameters:
    ///   - profiles: An `m × p` matrix, one design row per profile.
    ///   - strata: Per profile its stratum label, or nil (one stratum only).
    ///   - times: Times for `S(t | x)`.
    ///   - tau: Horizon of the restricted mean, or nil.
    ///   - confidenceLevel: Two-sided level.
    /// - Returns: One prediction per profile.
    /// - Throws: As the single-profile `predict`; `.lengthMismatch` for `strata` of the wrong length.
    /// - Complexity: O(m T p²).
    public func predict(profiles: Matrix, strata: [Int]? = nil, times: [Double] = [], tau: Double? = nil,
                        confidenceLevel: Double = 0.95) throws(StatModelError) -> [CoxSurvivalPrediction] {
        if let strata, strata.count != profiles.rows {
            throw .lengthMismatch(context: Self.predictContext, argument: "strata", expected: profiles.rows,
                                  found: strata.count)
        }
        guard profiles.columns == coefficients.count else {
            throw .lengthMismatch(context: Self.predictContext, argument: "profiles (columns)",
                                  expected: coefficients.count, found: profiles.columns)
        }
        var result: [CoxSurvivalPrediction] = []
        for i in 0..<profiles.rows {
            let row = (0..<profiles.columns).map { profiles.elements[i + $0 * profiles.rows] }
            result.append(try predict(profile: row, stratum: strata?[i], times: times, tau: tau,
                                      confidenceLevel: confidenceLevel))
        }
        return result
    }

    /// The stratum baseline for `label`.
    package func select(_ label: Int?) throws(StatModelError) -> Stratum {
        if let label {
            guard let match = strata.first(where: { $0.label == label }) else {
                let known = strata.compactMap(\.label).map(String.init).joined(separator: ", ")
                throw .invalidArgument(context: Self.predictContext,
                                       message: "stratum \(label) is not one of the fit's strata (\(known)).")
            }
            return match
        }
        guard strata.count == 1, let only = strata.first else {
            throw .invalidArgument(context: Self.predictContext,
                                   message: "the model has \(strata.count) strata, each with its own baseline hazard; give the stratum of the profile.")
        }
        return only
    }

    /// `gᵀ Var(β) g`.
    package func quadraticForm(_ g: [Double]) -> Double {
        var total = 0.0
        for j in g.indices {
            var inner = 0.0
            for i in g.indices { inner += g[i] * variance[i, j] }
            total += inner * g[j]
        }
        return total
    }

    /// Index of the last time `≤ t` (binary search), nil when `t` precedes all.
    package static func lastIndex(atOrBefore t: Double, in times: [Double]) -> Int? {
        var low = 0, high = times.count
        while low < high {
            let middle = low + (high - low) / 2
            if times[middle] <= t { low = middle + 1 } else { high = middle }
        }
        return low > 0 ? low - 1 : nil
    }

    package static func roundedCount(_ value: Double) -> Int {
        value.isFinite && value >= 0 && value < 9e15 ? Int(value.rounded()) : 0
    }

    /// R's `minmin` in `survmean`: the first time with `y < 0.5 + tol`; when that value is within `tol` of
    /// 0.5 and the curve drops below it later, the midpoint of that time and the time of the drop.
    package static func firstBelowHalf(_ y: [Double], times: [Double]) -> Double? {
        firstBelow(0.5, y, times: times)
    }

    /// The first time with `y < level + tol` (`tol = √ε`); when that value is within `tol` of `level`
    /// and the curve drops below it later, the midpoint of that time and the time of the drop (R's
    /// `minmin` of `survmean` for `level = 0.5`, and `quantile.survfit` for `level = 1 − p`).
    package static func firstBelow(_ level: Double, _ y: [Double], times: [Double]) -> Double? {
        let tolerance = Double.ulpOfOne.squareRoot()
        guard let first = y.firstIndex(where: { !$0.isNaN && $0 < level + tolerance }) else { return nil }
        if abs(y[first] - level) < tolerance,
           let drop = y[(first + 1)...].firstIndex(where: { !$0.isNaN && $0 < y[first] }) {
            return (times[first] + times[drop]) / 2
        }
        return times[first]
    }
}
