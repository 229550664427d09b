import Foundation

extension DoseModel {
    /// The dose giving a fraction `p` of the maximum effect over `[0, maxDose]`, as DoseFinding
    /// `ED(fit, p)` (continuous): e.g. emax `p·ed50·mD/((1 − p)·mD + ed50)`, linear `p·mD`,
    /// linlog `off·(exp(p·(log(mD + off) − log off)) − 1)`, exponential `delta·log(p·exp(mD/delta) − p + 1)`.
    ///
    /// - Parameters:
    ///   - probability: `p` in (0, 1).
    ///   - parameters: All parameters.
    ///   - maxDose: The largest dose `mD` in the data.
    ///   - offset: `off` of `linlog`.
    /// - Returns: The dose, or `nil` when undefined (zero effect, no positive root).
    /// - Complexity: O(1).
    public func effectiveDose(probability p: Double, parameters cf: [Double], maxDose: Double,
                              offset: Double = 0) -> Double? {
        guard cf.count == parameterCount, p > 0, p < 1, cf[1] != 0 else { return nil }
        let mD = maxDose
        let result: Double
        switch self {
        case .linear: result = p * mD
        case .linlog: result = offset * (exp(p * (log(mD + offset) - log(offset))) - 1)
        case .exponential: result = cf[2] * log(p * exp(mD / cf[2]) - p + 1)
        case .emax: result = p * cf[2] * mD / ((1 - p) * mD + cf[2])
        case .sigEmax:
            let out = p * pow(cf[2], cf[3]) * pow(mD, cf[3]) / ((1 - p) * pow(mD, cf[3]) + pow(cf[2], cf[3]))
            result = pow(out, 1 / cf[3])
        case .quadratic:
            var mode = -cf[1] / (2 * cf[2])
            if mode > mD || mode < 0 { mode = mD }
            let const = cf[1] * mode + cf[2] * mode * mode
            guard let root = Self.smallestPositiveQuadraticRoot(b1: cf[1], b2: cf[2], gain: const * p) else { return nil }
            result = root
        }
        return result.isFinite ? result : nil
    }

    /// The smallest dose with gain `Delta` over dose 0 (increasing direction), as DoseFinding
    /// `TD(fit, Delta)` (continuous): e.g. emax `Delta·ed50/(eMax − Delta)` when `Delta < eMax`,
    /// linear `Delta/delta`, linlog `off·exp(Delta/delta) − off`, exponential `delta·log(Delta/e1 + 1)`.
    ///
    /// - Parameters:
    ///   - gain: `Delta > 0`.
    ///   - parameters: All parameters.
    ///   - offset: `off` of `linlog`.
    /// - Returns: The dose, or `nil` when the model never reaches that gain.
    /// - Complexity: O(1).
    public func targetDose(gain delta: Double, parameters cf: [Double], offset: Double = 0) -> Double? {
        guard cf.count == parameterCount, delta > 0 else { return nil }
        let td: Double
        switch self {
        case .linear: td = delta / cf[1]
        case .linlog: td = offset * exp(delta / cf[1]) - offset
        case .quadratic:
            guard let root = Self.smallestPositiveQuadraticRoot(b1: cf[1], b2: cf[2], gain: delta) else { return nil }
            td = root
        case .emax:
            if delta > cf[1] { return nil }
            td = delta * cf[2] / (cf[1] - delta)
        case .sigEmax:
            if delta > cf[1] { return nil }
            td = pow(delta * pow(cf[2], cf[3]) / (cf[1] - delta), 1 / cf[3])
        case .exponential:
            if delta / cf[1] < 0 { return nil }
            td = cf[2] * log(delta / cf[1] + 1)
        }
        return td.isFinite && td > 0 ? td : nil
    }

    /// Smallest positive root of `b1·d + b2·d² = gain` (DoseFinding's d1/d2 rule).
    private static func smallestPositiveQuadraticRoot(b1: Double, b2: Double, gain: Double) -> Double? {
        let disc = 4 * b2 * gain + b1 * b1
        guard disc >= 0, b2 != 0 else {
            if b2 == 0, b1 != 0, gain / b1 > 0 { return gain / b1 }
            return nil
        }
        let s = disc.squareRoot()
        let roots = [-(s + b1) / b2 / 2, (s - b1) / b2 / 2].filter { $0 > 0 }
        return roots.min()
    }
}
