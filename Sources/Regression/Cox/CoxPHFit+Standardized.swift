import NumericCore
import Survival

extension CoxPHFit: StandardizingFit {
    package static let standardizedContext = "CoxPHFit.standardized"
    /// The most (risk score, baseline time) pairs one curve averages (about 10 s on one core).
    package static let standardizedEvaluationLimit = 2_000_000_000

    /// The standardised curves (g-computation) of each set of rows: `S̄(t) = mean_i exp(−Λ₀(t) r_i)` with
    /// `r_i = exp((x_i − means)ᵀβ)` and the baseline `Λ₀` of R's `survfit.coxph` (Efron-adjusted for an
    /// Efron fit), so each row's curve is R's `survfit(fit, newdata = row)`; a step function.
    ///
    /// Delta-method variance (Tsiatis): with `a(t) = mean_i S_i(t) r_i`, the gradient in `β` is
    /// `−mean_i S_i(t) r_i (Λ₀(t) c_i − A(t))` (`c_i` the centred row, `A` R's `xbar` running sum: the
    /// baseline's own dependence on `β`), and the baseline's martingale part adds `a(t)² V(t)`; the
    /// restricted mean `∫₀^τ S̄` integrates the steps exactly and its baseline part is `Σ_j dV_j B_j²`,
    /// `B_j = ∫_{t_j}^τ a(s) ds` (``BaselineLoadings``). With one row this is R's `survfit` standard error.
    ///
    /// With strata each row's curve uses its own stratum's baseline (R's `survfit(fit, newdata = row)` with
    /// the row's stratum): the curve is `Σ_s (m_s / m) S̄_s(t)` over the strata's averages, the gradients
    /// add the same way, and the baselines' parts `Σ_s (m_s / m)² a_s(t)² V_s(t)` add (independent
    /// strata); the rows must then be `data`'s rows, in its order.
    ///
    /// - Complexity: O(n log n) for the baseline, then O(U K p) for `U` distinct linear predictors among
    ///   the rows and `K` baseline times before τ (for data in days, `K` is at most the days to τ);
    ///   refused (`.invalidArgument`) beyond ``standardizedEvaluationLimit`` pairs.
    public func standardized(groups: [Matrix], data: RegressionData, times: [Double], tau: Double, figureSteps: Int)
        throws(StatModelError) -> StandardizedCurves
    {
        let context = Self.standardizedContext
        guard tau.isFinite, tau > 0 else { throw .invalidArgument(context: context, message: "tau \(tau) must be a finite time > 0.") }
        for t in times where !(t.isFinite && t >= 0) {
            throw .invalidArgument(context: context, message: "time \(t) is not a finite value >= 0.")
        }
        let baseline = try baselineHazard(x: data.x, time: data.time, event: data.event, strata: data.strata, weights: data.weights,
                                          start: data.start)
        let members = try Self.stratumMembers(baseline: baseline, strata: data.strata, rows: data.x.rows)
        let limit = 10 * max(figureSteps, 1)
        var own: [Double] = []
        for t in baseline.strata.flatMap({ $0.times.filter { $0 < tau } }).sorted() where own.last != t { own.append(t) }
        own.append(tau)
        let figure = own.count <= limit ? own : (1...limit).map { tau * Double($0) / Double(limit) }
        var curves: [StandardizedSurvival] = []
        for rows in groups {
            if let only = baseline.strata.first, baseline.strata.count == 1 {
                curves.append(try standardizedCurve(rows: rows, baseline: baseline, stratum: only, times: times + figure, tau: tau))
                continue
            }
            guard rows.rows == data.x.rows else {
                throw .lengthMismatch(context: context, argument: "rows of a stratified fit", expected: data.x.rows, found: rows.rows)
            }
            var parts: [(weight: Double, curve: StandardizedSurvival)] = []
            for (stratum, indices) in zip(baseline.strata, members) where !indices.isEmpty {
                let subset = try Self.rows(indices, of: rows, context: context)
                parts.append((Double(indices.count) / Double(rows.rows),
                              try standardizedCurve(rows: subset, baseline: baseline, stratum: stratum, times: times + figure, tau: tau)))
            }
            curves.append(Self.combined(parts))
        }
        return StandardizedCurves(curves: curves, figureTimes: figure, isStepFunction: true)
    }

    /// Per stratum of `baseline`, the rows (indices) whose label is that stratum's; every row in one
    /// stratum without strata.
    static func stratumMembers(baseline: CoxBaselineHazard, strata: [Int]?, rows: Int) throws(StatModelError) -> [[Int]] {
        guard baseline.strata.count > 1 else { return [Array(0..<rows)] }
        guard let strata, strata.count == rows else {
            throw .lengthMismatch(context: standardizedContext, argument: "strata", expected: rows, found: strata?.count ?? 0)
        }
        var position: [Int: Int] = [:]
        for (index, stratum) in baseline.strata.enumerated() { position[stratum.label ?? 0] = index }
        var members = [[Int]](repeating: [], count: baseline.strata.count)
        for (row, label) in strata.enumerated() {
            guard let index = position[label] else {
                throw .invalidCode(context: standardizedContext, argument: "strata", index: row, value: label, count: baseline.strata.count)
            }
            members[index].append(row)
        }
        return members
    }

    /// The rows `indices` of `matrix`.
    static func rows(_ indices: [Int], of matrix: Matrix, context: String) throws(StatModelError) -> Matrix {
        let n = matrix.rows, m = indices.count
        var elements = [Double](repeating: 0, count: m * matrix.columns)
        for j in 0..<matrix.columns {
            for (k, i) in indices.enumerated() { elements[k + j * m] = matrix.elements[i + j * n] }
        }
        do { return try Matrix(rows: m, columns: matrix.columns, columnMajor: elements) } catch {
            throw .invalidArgument(context: context, message: "could not take the rows of a stratum: \(error)")
        }
    }

    /// The curve averaged over all rows from each stratum's average (weights: the strata's shares of the
    /// rows): survival, restricted mean and gradients add with the weights, and each stratum's baseline
    /// loadings are kept apart (the strata's baselines are independent).
    static func combined(_ parts: [(weight: Double, curve: StandardizedSurvival)]) -> StandardizedSurvival {
        guard let first = parts.first?.curve else {
            return StandardizedSurvival(times: [], survival: [], tau: .nan, restrictedMean: .nan, survivalGradients: [],
                                        restrictedMeanGradient: [], baselines: [])
        }
        func sum(_ value: (StandardizedSurvival) -> [Double]) -> [Double] {
            parts.reduce([Double](repeating: 0, count: value(first).count)) { total, part in
                zip(total, value(part.curve)).map { $0 + part.weight * $1 }
            }
        }
        let gradients = first.survivalGradients.indices.map { k in sum { $0.survivalGradients[k] } }
        return StandardizedSurvival(
            times: first.times, survival: sum(\.survival), tau: first.tau, restrictedMean: sum { [$0.restrictedMean] }.first ?? .nan,
            survivalGradients: gradients, restrictedMeanGradient: sum(\.restrictedMeanGradient),
            baselines: parts.flatMap { part in part.curve.baselines.map { $0.scaled(by: part.weight) } })
    }

    /// `gᵀ V g` with the reported (robust when present) variance; undefined entries count as 0.
    public func standardizedQuadraticForm(_ gradient: [Double]) -> Double {
        let v = reportedVariance
        var total = 0.0
        for j in gradient.indices where j < v.columns {
            for i in gradient.indices where i < v.rows && v[i, j].isFinite { total += gradient[i] * v[i, j] * gradient[j] }
        }
        return total
    }

    /// One set of rows' curve over the stratum's baseline.
    func standardizedCurve(rows: Matrix, baseline: CoxBaselineHazard, stratum: CoxBaselineHazard.Stratum, times: [Double],
                           tau: Double) throws(StatModelError) -> StandardizedSurvival {
        let context = Self.standardizedContext
        let p = coefficients.count, m = rows.rows
        guard rows.columns == p else { throw .lengthMismatch(context: context, argument: "rows", expected: p, found: rows.columns) }
        guard m > 0 else { throw .emptyInput(context: context) }
        let risk = try CoxRiskGroups(rows: rows, coefficients: baseline.coefficients, means: baseline.means, context: context)
        let count = stratum.times.count
        let pieces = stratum.times.prefix { $0 < tau }.count
        let (evaluations, overflow) = risk.risks.count.multipliedReportingOverflow(by: pieces + times.count)
        guard !overflow, evaluations <= Self.standardizedEvaluationLimit else {
            throw .invalidArgument(context: context, message: "adjusted Cox curves here need \(risk.risks.count) distinct risk scores "
                + "x \(pieces) baseline times before tau; too many to average exactly. Round the times (e.g. to days), adjust "
                + "for fewer continuous covariates, or use a parametric --model (weibull).")
        }
        var cache: [Int: CoxRiskGroups.State] = [:]
        func state(_ k: Int?) -> CoxRiskGroups.State {
            guard let k else { return risk.state(hazard: 0, hazardMeans: ArraySlice(repeating: 0, count: p)) }
            if let known = cache[k] { return known }
            let value = risk.state(hazard: stratum.cumulativeHazard[k], hazardMeans: stratum.hazardMeans[(k * p)..<(k * p + p)])
            cache[k] = value
            return value
        }
        func variance(_ k: Int?) -> Double { k.map { stratum.hazardVariance[$0] } ?? 0 }
        let indices = times.map { CoxBaselineHazard.lastIndex(atOrBefore: $0, in: stratum.times) }
        let states = indices.map(state)
        // The restricted mean: S̄ = 1 on [0, t_0), S̄_k on [t_k, t_{k+1}) ∧ τ.
        var restricted = min(stratum.times.first ?? tau, tau)
        var gradient = [Double](repeating: 0, count: p)
        var widths: [Double] = [], loadings: [Double] = []
        for k in 0..<pieces {
            let width = min(k + 1 < count ? stratum.times[k + 1] : tau, tau) - stratum.times[k]
            let s = state(k)
            restricted += width * s.survival
            for j in 0..<p { gradient[j] += width * s.gradient[j] }
            widths.append(width)
            loadings.append(s.loading)
        }
        var suffix = [Double](repeating: 0, count: pieces)
        var running = 0.0
        for j in stride(from: pieces - 1, through: 0, by: -1) {
            running += widths[j] * loadings[j]
            suffix[j] = running
        }
        let increments = (0..<pieces).map { stratum.hazardVariance[$0] - ($0 > 0 ? stratum.hazardVariance[$0 - 1] : 0) }
        let loadingsAtTimes = BaselineLoadings(survival: states.map(\.loading), cumulativeVariance: indices.map(variance),
                                               restrictedMean: suffix, increments: increments)
        return StandardizedSurvival(times: times, survival: states.map(\.survival), tau: tau, restrictedMean: restricted,
                                    survivalGradients: states.map(\.gradient), restrictedMeanGradient: gradient,
                                    baselines: [loadingsAtTimes])
    }
}
