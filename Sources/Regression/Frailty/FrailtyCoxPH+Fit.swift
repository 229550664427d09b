import Foundation
import NumericCore
import Survival

extension FrailtyCoxPH {
    /// Fits the model (R's `coxpenal.fit` with one frailty term: sparse from ``minimumGroups`` groups, else dense).
    ///
    /// - Parameter input: The design (fixed effects), outcome, optional strata and entry times
    ///   (``RegressionData/start``: counting-process rows, R's `agfit5`), and ``RegressionData/frailty``.
    /// - Returns: The fit at the last θ of the search: coefficients, both variances, θ, the frailties.
    /// - Throws: `.invalidArgument` without a frailty term, with a dose, weights on `(start, stop]` rows, an entry not
    ///   below its stop, or fewer than 2 groups; what ``CoxPH`` refuses in the rows; `.undefinedStatistic` when the
    ///   fixed effects are collinear given the frailties or R's θ search cannot go on.
    /// - Complexity: O(n log n) to sort, then O(n p²) per Newton step (a few dozen steps in all).
    public func fit(_ input: RegressionData) throws(StatModelError) -> FrailtyCoxPHFit {
        let groups = try checked(input)
        let base = CoxPH(ties: ties, maxIterations: maxIterations, epsilon: epsilon, confidenceLevel: confidenceLevel,
                         timeFix: timeFix)
        let names = try base.validate(x: input.x, time: input.time, event: input.event, strata: input.strata,
                                      weights: input.weights, cluster: nil, termNames: input.termNames)
        let (time, entry) = try Self.fixedTimes(input, timeFix: timeFix)
        let rows = FrailtyCoxRows(x: input.x, time: time, event: input.event, strata: input.strata,
                                  group: groups.codes, groups: groups.count, entry: entry, weights: input.weights)
        // R's `sparse = nclass > 5`: with fewer groups the frailty is an ordinary penalised factor.
        if groups.count >= Self.minimumGroups {
            return try fit(SparseFrailtyLikelihood(rows: rows, efron: ties == .efron), rows: rows, groups: groups,
                           names: names, assign: input.assign)
        }
        let dense = DenseFrailtyLikelihood(rows: rows, time: time, entry: entry, strata: input.strata, ties: ties)
        return try fit(dense, rows: rows, groups: groups, names: names, assign: input.assign)
    }

    /// R's outer loop over θ with `likelihood` as the inner fit's partial likelihood.
    private func fit<Likelihood: FrailtyCoxLikelihood>(
        _ likelihood: Likelihood, rows: FrailtyCoxRows, groups: FrailtyGroups, names: [String], assign: [Int]?
    ) throws(StatModelError) -> FrailtyCoxPHFit {
        let context = Self.fitContext
        let p = rows.p, G = rows.groups
        var search = distribution.search(groupEvents: rows.groupEvents)
        var theta = search.initialTheta
        let null = likelihood.nullLogLikelihood(distribution: distribution, initialTheta: theta)
        var saved: [(theta: Double, beta: [Double], frailty: [Double])] = []
        var start = ([Double](repeating: 0, count: p), [Double](repeating: 0, count: G))
        var newton = 0
        var failed: [Int] = []
        var outerDone = false
        var final: (inner: _FrailtyInnerFit, df: FrailtyDegreesOfFreedom)?
        var marginal: Double?
        var marginals: [Double] = []
        for outer in 1...max(maxOuterIterations, 1) {
            let inner = try innerFit(likelihood, theta: theta, beta: start.0, frailty: start.1)
            newton += inner.iterations
            if !inner.isConverged { failed.append(outer) }
            let df = inner.information.degreesOfFreedom(penalty: inner.penaltySecond, frailty: inner.frailty)
            final = (inner, df)
            let step = FrailtyOuterStep(theta: theta, penalizedLogLikelihood: inner.penalizedLogLikelihood,
                                        frailty: inner.frailty, traceH: df.trace)
            let next: (theta: Double, done: Bool)
            do throws(FrailtySearchError) {
                next = try search.next(after: step)
            } catch {
                throw .undefinedStatistic(context: context, message: "the search for the frailty variance stopped: \(error.message)")
            }
            marginal = search.marginalLogLikelihood
            saved.append((theta, inner.beta, inner.frailty))
            marginals.append(marginal ?? .nan)
            if next.done {
                outerDone = true
                break
            }
            if outer == maxOuterIterations { break }
            // R starts the next fit from the earlier fit whose θ is closest (the first on ties).
            var closest = 0
            for k in saved.indices where abs(saved[k].theta - next.theta) < abs(saved[closest].theta - next.theta) {
                closest = k
            }
            start = (saved[closest].beta, saved[closest].frailty)
            theta = next.theta
        }
        guard let final else { throw .invalidArgument(context: context, message: "no outer iteration was run.") }
        var interval: ClosedRange<Double>?
        if distribution == .gamma, let marginal {
            let known = zip(saved, marginals).map { (theta: $0.theta, marginal: $1, beta: $0.beta, frailty: $0.frailty) }
            interval = varianceInterval(likelihood, groupEvents: rows.groupEvents, known: known, estimate: theta,
                                        best: marginal)
        }
        var fit = try FrailtyCoxPHFit(
            model: self, names: names, rows: rows, groups: groups, theta: theta, inner: final.inner, df: final.df,
            assign: assign, nullLogLikelihood: null, marginal: marginal,
            iterations: (saved.count, newton), failedOuter: failed, outerDone: outerDone)
        fit.thetaInterval = interval
        return fit
    }

    /// The profile-likelihood interval of a gamma frailty's θ (``FrailtyVarianceProfile``) from the search's
    /// fits; nil when an inner fit on the way fails.
    private func varianceInterval<Likelihood: FrailtyCoxLikelihood>(
        _ likelihood: Likelihood, groupEvents: [Int],
        known: [(theta: Double, marginal: Double, beta: [Double], frailty: [Double])], estimate: Double, best: Double
    ) -> ClosedRange<Double>? {
        let correction = GammaFrailtySearch(groupEvents: groupEvents)
        var profile = FrailtyVarianceProfile(
            marginal: { (theta: Double, start: (beta: [Double], frailty: [Double])) throws(StatModelError) in
                let inner = try innerFit(likelihood, theta: theta, beta: start.beta, frailty: start.frailty)
                let value = inner.penalizedLogLikelihood + (theta == 0 ? 0 : correction.correction(nu: 1 / theta))
                return (value, inner.beta, inner.frailty)
            },
            known: known.filter { $0.marginal.isFinite })
        return try? profile.interval(estimate: estimate, best: best, level: confidenceLevel)
    }

    /// The stop times and, for counting-process rows, the entry times, time-fixed as one set (R's `aeqSurv`
    /// on `Surv(start, stop, event)`).
    /// - Throws: `.invalidArgument` when an entry is not below its stop time or not finite.
    static func fixedTimes(_ input: RegressionData, timeFix: Bool) throws(StatModelError) -> (time: [Double], entry: [Double]?) {
        guard let start = input.start else {
            return (timeFix ? try TimeFix().apply(to: input.time) : input.time, nil)
        }
        _ = try KaplanMeier.entries(start, stop: input.time, weights: nil, context: fitContext)  // start < stop, finite
        let n = input.time.count
        let joined = input.time + start
        let fixed = timeFix ? try TimeFix().apply(to: joined) : joined
        return (Array(fixed.prefix(n)), Array(fixed.dropFirst(n)))
    }

    /// The frailty groups of `input`, checked.
    private func checked(_ input: RegressionData) throws(StatModelError) -> FrailtyGroups {
        let context = Self.fitContext
        guard let groups = input.frailty else {
            throw .invalidArgument(context: context, message: "there is no frailty() term; add + frailty(id_column) to the formula.")
        }
        if input.dose != nil {
            throw .invalidArgument(context: context, message: "a Cox model has no dose role; put the dose column in the design as a term.")
        }
        if let weights = input.weights {
            // On (start, stop] rows too: each Efron step carries the deaths' mean weight once (R's agfit5 adds it
            // twice, README "Shared frailty and case weights").
            for (index, w) in weights.enumerated() where !w.isFinite {
                throw .nonFiniteValue(context: context, argument: "weights", index: index)
            }
        }
        guard maxIterations >= 0, maxOuterIterations >= 1, epsilon > 0, epsilon.isFinite else {
            throw .invalidArgument(context: context, message: "maxIterations >= 0, maxOuterIterations >= 1 and epsilon > 0 are required.")
        }
        try StatModelError.checkLength(groups.codes.count, of: "frailty", rows: input.time.count, context: context)
        for (index, code) in groups.codes.enumerated() where !(0..<groups.count).contains(code) {
            throw .invalidCode(context: context, argument: "frailty", index: index, value: code, count: groups.count)
        }
        guard groups.count >= 2 else {
            throw .invalidArgument(
                context: context,
                message: "frailty(\(groups.column)) has \(groups.count) group; a shared frailty needs at least 2 groups.")
        }
        return groups
    }
}
