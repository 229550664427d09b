import NumericCore

extension KaplanMeierComparison {
    /// Compares every group with the reference within strata (`relief compare --strata`): each contrast is
    /// the stratum-size-weighted average of the within-stratum Kaplan–Meier contrasts.
    ///
    /// With `w_s = n_s / n` (the stratum's share of all rows, every group counted, so the weights are the
    /// same for every contrast), the RMST difference is `Σ_s w_s (RMST_g,s(τ) − RMST_r,s(τ))` with variance
    /// `Σ_s w_s² (se_g,s² + se_r,s²)` (R's `se(rmean)` of each cell's curve, cells independent), and the
    /// survival difference at `t` is `Σ_s w_s (S_g,s(t) − S_r,s(t))` with variance `Σ_s w_s² (se_g,s² +
    /// se_r,s²)` (Greenwood). The RMST ratio is that of the standardised restricted means
    /// `R_g = Σ_s w_s RMST_g,s(τ)`, on the log scale: `SE(log R_g/R_r)² = Σ w_s² se_g,s² / R_g² +
    /// Σ w_s² se_r,s² / R_r²`. No median difference is computed (a median of a stratum-weighted curve is
    /// not what R reports; the result's ``GroupContrast/medianDifference`` is nil).
    ///
    /// τ defaults to the largest time every group still has someone at risk within every stratum (the
    /// minimum over the group × stratum cells of each cell's last time, ``RestrictedMeanTauRule/commonStratumFollowUp``);
    /// a given τ must not pass any cell's last time. The result's ``KaplanMeierComparisonResult/groups``
    /// are the groups' unstratified curves (their RMST to the same τ), its ``KaplanMeierComparisonResult/strata``
    /// the cells.
    ///
    /// ```swift
    /// let result = try KaplanMeierComparison(reference: "low", times: [14])
    ///     .compare(time: t, event: e, start: nil, groups: codes, levels: ["high", "low"], strata: conditionCodes,
    ///              strataLevels: ["CRPS", "other"])
    /// result.contrasts[0].restrictedMeanDifference.estimate   // Σ w_s (RMST_high,s − RMST_low,s)
    /// ```
    ///
    /// - Parameters:
    ///   - time: Follow-up (stop) times.
    ///   - event: Event indicators.
    ///   - start: Entry times of `(start, stop]` rows, or nil.
    ///   - groups: Per row, the index of its level in `levels`.
    ///   - levels: The group levels.
    ///   - strata: Per row, the index of its stratum in `strataLevels`.
    ///   - strataLevels: The strata's levels (a level without rows is left out).
    /// - Returns: The unstratified groups, the weighted contrasts (no median difference, no bootstrap) and the strata.
    /// - Throws: `StatModelError.invalidArgument` (bad data) for a stratum with rows but none of some group,
    ///   a τ beyond a cell's last time, and everything ``compare(time:event:start:groups:levels:)`` throws.
    /// - Complexity: O(n log n) for the curves, plus O(T S log m) for the figure's difference curve over the
    ///   T distinct times of S strata.
    public func compare(time: [Double], event: [Bool], start: [Double]?, groups: [Int], levels: [String], strata: [Int],
                        strataLevels: [String]) throws(StatModelError) -> KaplanMeierComparisonResult
    {
        let context = "KaplanMeierComparison"
        guard strata.count == time.count else {
            throw .lengthMismatch(context: context, argument: "strata", expected: time.count, found: strata.count)
        }
        guard groups.count == time.count else {
            throw .lengthMismatch(context: context, argument: "groups", expected: time.count, found: groups.count)
        }
        var cells = [[[Int]]](repeating: [[Int]](repeating: [], count: levels.count), count: strataLevels.count)
        for row in time.indices {
            let (s, g) = (strata[row], groups[row])
            guard cells.indices.contains(s) else {
                throw .invalidCode(context: context, argument: "strata", index: row, value: s, count: strataLevels.count)
            }
            guard levels.indices.contains(g) else {
                throw .invalidCode(context: context, argument: "groups", index: row, value: g, count: levels.count)
            }
            cells[s][g].append(row)
        }
        let used = cells.indices.filter { cells[$0].contains { !$0.isEmpty } }
        for s in used {
            if let g = cells[s].firstIndex(where: \.isEmpty) {
                throw .invalidArgument(context: context, message: "stratum '\(strataLevels[s])' has no rows of group '\(levels[g])', "
                    + "so the groups cannot be compared within it. Leave the stratum out, merge it with another, or stratify by another column")
            }
        }
        let fits = try used.map { (s: Int) throws(StatModelError) -> [KaplanMeierFit] in
            try cells[s].map { (members: [Int]) throws(StatModelError) -> KaplanMeierFit in
                try kaplanMeier.fit(time: members.map { time[$0] }, event: members.map { event[$0] },
                                    start: start.map { values in members.map { values[$0] } }, weights: nil)
            }
        }
        let lastTimes = zip(used, fits).flatMap { s, row in row.enumerated().map { (s: s, g: $0.offset, last: $0.element.lastTimeAtRisk) } }
        let shortest = lastTimes.min { $0.last < $1.last }
        let horizon = tau ?? shortest?.last ?? 0
        if tau != nil, let cell = shortest, horizon > cell.last {
            throw .invalidArgument(context: context, message: "tau \(horizon) is beyond the follow-up of group '\(levels[cell.g])' in stratum "
                + "'\(strataLevels[cell.s])' (its last time is \(cell.last), the shortest of the group x stratum cells); a "
                + "stratified comparison needs tau within every group's follow-up in every stratum. Give tau \(cell.last) or less, "
                + "or leave it out")
        }
        var pooled = self
        pooled.tau = horizon
        pooled.bootstrapReplicates = 0
        let unstratified = try pooled.compare(time: time, event: event, start: start, groups: groups, levels: levels)
        let n = Double(time.count)
        let strataResults = zip(used, fits).map { s, row in
            let size = cells[s].reduce(0) { $0 + $1.count }
            return ComparisonStratum(level: strataLevels[s], n: size, weight: Double(size) / n,
                                     groups: zip(levels, zip(cells[s], row)).map { level, pair in
                                         summary(level: level, members: pair.0, event: event, fit: pair.1, tau: horizon)
                                     })
        }
        let referenceIndex = levels.firstIndex(of: unstratified.reference) ?? 0
        let level = kaplanMeier.confidenceLevel
        let contrasts = levels.indices.filter { $0 != referenceIndex }.map { g in
            Self.weightedContrast(level: levels[g], group: g, reference: referenceIndex, strata: strataResults, confidenceLevel: level)
        }
        var result = KaplanMeierComparisonResult(
            reference: unstratified.reference, tau: horizon, tauRule: tau == nil ? .commonStratumFollowUp : .specified,
            confidenceLevel: level, groups: unstratified.groups, contrasts: contrasts, bootstrapReplicates: 0, seed: seed)
        result.strata = strataResults
        return result
    }

    /// Group `g` against the reference: the weighted sums of the strata's contrasts (see the method above).
    static func weightedContrast(level: String, group g: Int, reference r: Int, strata: [ComparisonStratum], confidenceLevel: Double)
        -> GroupContrast
    {
        /// `(Σ w_s x_s, √(Σ w_s² se_s²))` of one group's part in every stratum.
        func weighted(_ index: Int, _ part: (ComparisonGroup) -> (Double, Double)) -> (Double, Double) {
            let sums = strata.reduce((0.0, 0.0)) { sum, stratum in
                let (value, se) = part(stratum.groups[index])
                return (sum.0 + stratum.weight * value, sum.1 + stratum.weight * stratum.weight * se * se)
            }
            return (sums.0, sums.1.squareRoot())
        }
        func difference(_ part: (ComparisonGroup) -> (Double, Double)) -> Contrast {
            .difference(weighted(g, part), weighted(r, part), level: confidenceLevel)
        }
        let rmst = { (group: ComparisonGroup) in (group.restrictedMean.estimate, group.restrictedMean.standardError) }
        let times = strata.first?.groups[g].survival.map(\.time) ?? []
        let atTimes = times.indices.map { k in
            GroupContrast.AtTime(time: times[k], difference: difference { ($0.survival[k].estimate, $0.survival[k].standardError) })
        }
        return GroupContrast(
            level: level, restrictedMeanDifference: difference(rmst),
            restrictedMeanRatio: .ratio(weighted(g, rmst), weighted(r, rmst), level: confidenceLevel),
            survivalDifferences: atTimes,
            differenceCurve: weightedDifferenceCurve(group: g, reference: r, strata: strata, confidenceLevel: confidenceLevel),
            medianDifference: nil)
    }

    /// The weighted survival difference at every distinct time of the cells' curves of the two groups, up
    /// to the earliest of their last times (the figure's lower panel).
    static func weightedDifferenceCurve(group g: Int, reference r: Int, strata: [ComparisonStratum], confidenceLevel: Double)
        -> [GroupContrast.AtTime]
    {
        let fits = strata.flatMap { [$0.groups[g].fit, $0.groups[r].fit] }
        guard let end = fits.map({ $0.times.last ?? 0 }).min() else { return [] }
        var times = fits.flatMap { $0.times.filter { $0 <= end } }
        times.sort()
        var curve: [GroupContrast.AtTime] = []
        curve.reserveCapacity(times.count)
        for t in times where curve.last?.time != t {
            var estimate = 0.0, variance = 0.0
            for stratum in strata {
                let a = stratum.groups[g].fit.estimate(at: t), b = stratum.groups[r].fit.estimate(at: t)
                estimate += stratum.weight * (a.estimate - b.estimate)
                variance += stratum.weight * stratum.weight * (a.standardError * a.standardError + b.standardError * b.standardError)
            }
            curve.append(GroupContrast.AtTime(time: t, difference: .wald(estimate, variance.squareRoot(), level: confidenceLevel,
                                                                          transform: { $0 })))
        }
        return curve
    }
}
