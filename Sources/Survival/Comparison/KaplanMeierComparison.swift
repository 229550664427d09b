import Foundation
import NumericCore

/// Each group's Kaplan–Meier curve against a reference group's: the restricted mean difference and
/// ratio to a common τ, survival differences at given times, and the median difference with a seeded
/// percentile bootstrap (`relief compare`).
///
/// Variances are Greenwood's (R's `summary(survfit)$std.err` and `print.survfit` with `rmean = τ`, its
/// `se(rmean)`), groups independent; ratios on the log scale (as `survRM2::rmst2`). τ defaults to the
/// largest time every group still has someone at risk (the shortest group follow-up, `survRM2`'s default).
/// The bootstrap resamples rows within each group (the group sizes are fixed; a resample is a multinomial
/// draw of the group's size over its rows, ``RandomVariates/multinomial(count:sizes:using:)``); replicate
/// `r` draws from its own generator seeded from `(seed, r)`, so results do not depend on the number of cores.
///
/// ```swift
/// let comparison = KaplanMeierComparison(reference: "low", times: [7, 14, 28], bootstrapReplicates: 1000, seed: 1)
/// let result = try comparison.compare(time: t, event: e, start: nil, groups: codes, levels: ["high", "low"])
/// result.contrasts[0].restrictedMeanDifference.estimate
/// ```
public struct KaplanMeierComparison: Sendable {
    /// The reference level, or nil for the first level.
    public var reference: String?
    /// The restricted-mean horizon, or nil for the shortest group follow-up.
    public var tau: Double?
    /// Times of the survival differences.
    public var times: [Double]
    /// Bootstrap replicates of the median difference (0 = none).
    public var bootstrapReplicates: Int
    /// The bootstrap seed.
    public var seed: UInt64
    /// The Kaplan–Meier settings (confidence level and transform of each group's curve).
    public var kaplanMeier: KaplanMeier

    /// Creates a comparison.
    /// - Parameters:
    ///   - reference: The reference level (nil: the first level).
    ///   - tau: The RMST horizon, nil for the default.
    ///   - times: Times of the survival differences.
    ///   - bootstrapReplicates: Bootstrap replicates (default 1,000).
    ///   - seed: The bootstrap seed.
    ///   - kaplanMeier: The curve settings.
    public init(reference: String? = nil, tau: Double? = nil, times: [Double] = [], bootstrapReplicates: Int = 1_000, seed: UInt64 = 1,
                kaplanMeier: KaplanMeier = KaplanMeier()) {
        self.reference = reference
        self.tau = tau
        self.times = times
        self.bootstrapReplicates = bootstrapReplicates
        self.seed = seed
        self.kaplanMeier = kaplanMeier
    }

    /// Compares every group with the reference.
    ///
    /// - Parameters:
    ///   - time: Follow-up (stop) times.
    ///   - event: Event indicators.
    ///   - start: Entry times of `(start, stop]` rows, or nil.
    ///   - groups: Per row, the index of its level in `levels`.
    ///   - levels: The group levels.
    /// - Returns: The groups' estimates and the contrasts, in level order without the reference.
    /// - Throws: `StatModelError.invalidArgument` for an unknown reference, a group without rows, fewer
    ///   than two groups, a τ that is not positive, negative replicates; errors of the curves.
    /// - Complexity: O(n log n) for the curves, plus O(B · n log n) for B bootstrap replicates (spread over
    ///   the cores).
    public func compare(time: [Double], event: [Bool], start: [Double]?, groups: [Int], levels: [String])
        throws(StatModelError) -> KaplanMeierComparisonResult
    {
        let context = "KaplanMeierComparison"
        let reference = reference ?? levels.first ?? ""
        guard let referenceIndex = levels.firstIndex(of: reference) else {
            throw .invalidArgument(context: context, message: "no group '\(reference)'; the groups are "
                + levels.map { "'\($0)'" }.joined(separator: ", ") + ". Name one of them as the reference")
        }
        guard levels.count >= 2 else {
            throw .invalidArgument(context: context, message: "one group only; a comparison needs two or more")
        }
        guard groups.count == time.count else {
            throw .lengthMismatch(context: context, argument: "groups", expected: time.count, found: groups.count)
        }
        guard bootstrapReplicates >= 0 else {
            throw .invalidArgument(context: context, message: "bootstrap replicates must be 0 or more, got \(bootstrapReplicates)")
        }
        var rows = [[Int]](repeating: [], count: levels.count)
        for (row, code) in groups.enumerated() where rows.indices.contains(code) { rows[code].append(row) }
        if let empty = rows.firstIndex(where: \.isEmpty) {
            throw .invalidArgument(context: context, message: "group '\(levels[empty])' has no rows")
        }
        let fits = try rows.map { (members: [Int]) throws(StatModelError) -> KaplanMeierFit in
            try kaplanMeier.fit(time: members.map { time[$0] }, event: members.map { event[$0] },
                                start: start.map { s in members.map { s[$0] } }, weights: nil)
        }
        let tauRule: RestrictedMeanTauRule = tau == nil ? .commonFollowUp : .specified
        let horizon = tau ?? fits.map(\.lastTimeAtRisk).min() ?? 0
        guard horizon > 0, horizon.isFinite else {
            throw .invalidArgument(context: context, message: "tau must be a positive number of days, got \(horizon)")
        }
        let summaries = zip(levels, zip(rows, fits)).map { level, pair in
            summary(level: level, members: pair.0, event: event, fit: pair.1, tau: horizon)
        }
        let others = levels.indices.filter { $0 != referenceIndex }
        let medians = bootstrapReplicates > 0
            ? bootstrapMedians(time: time, event: event, start: start, rows: rows, reference: referenceIndex, others: others)
            : []
        let level = kaplanMeier.confidenceLevel
        let base = summaries[referenceIndex]
        let contrasts = others.enumerated().map { position, g in
            let group = summaries[g]
            let rmst = (group.restrictedMean.estimate, group.restrictedMean.standardError)
            let rmst0 = (base.restrictedMean.estimate, base.restrictedMean.standardError)
            let atTimes = zip(group.survival, base.survival).map { a, b in
                GroupContrast.AtTime(time: a.time, difference: .difference((a.estimate, a.standardError), (b.estimate, b.standardError), level: level))
            }
            var median: BootstrapContrast?
            if let m = group.median.estimate, let m0 = base.median.estimate, !medians.isEmpty {
                median = Self.percentile(medians.compactMap { $0[position] }, estimate: m - m0, replicates: bootstrapReplicates,
                                         level: level)
            }
            return GroupContrast(level: levels[g], restrictedMeanDifference: .difference(rmst, rmst0, level: level),
                                 restrictedMeanRatio: .ratio(rmst, rmst0, level: level), survivalDifferences: atTimes,
                                 differenceCurve: GroupContrast.differenceCurve(group.fit, base.fit, level: level),
                                 medianDifference: median)
        }
        return KaplanMeierComparisonResult(
            reference: reference, tau: horizon, tauRule: tauRule, confidenceLevel: level, groups: summaries,
            contrasts: contrasts, bootstrapReplicates: bootstrapReplicates, seed: seed)
    }

    /// One group's (or one group's within a stratum) estimates from its rows' curve.
    func summary(level: String, members: [Int], event: [Bool], fit: KaplanMeierFit, tau: Double) -> ComparisonGroup {
        ComparisonGroup(level: level, n: members.count, events: members.reduce(0) { $0 + (event[$1] ? 1 : 0) }, median: fit.median,
                        restrictedMean: fit.restrictedMean(tau: tau), survival: times.map { fit.estimate(at: $0) }, fit: fit)
    }

    /// Per replicate, per other group (in `others` order), the median difference against the reference,
    /// nil where a median is not reached.
    private func bootstrapMedians(
        time: [Double], event: [Bool], start: [Double]?, rows: [[Int]], reference: Int, others: [Int]
    ) -> [[Double?]] {
        let settings = kaplanMeier
        let seed = seed
        // A resample is a multinomial draw of each group's size over its rows. Without entry times the
        // median is read off the draw's counts per (time, event) cell (BootstrapMedianSampler), else each
        // resample is built and fitted.
        let samplers = rows.map { members in
            start == nil ? BootstrapMedianSampler(time: time, event: event, members: members, kaplanMeier: settings) : nil
        }
        return Parallel.map(bootstrapReplicates) { replicate in
            var counter = seed ^ (UInt64(truncatingIfNeeded: replicate) &* 0x9e37_79b9_7f4a_7c15)
            var generator = SeededGenerator(seed: SeededGenerator.splitMix64(&counter))
            func median(_ group: Int) -> Double? {
                if let sampler = samplers[group] { return sampler.median(using: &generator) }
                let members = rows[group]
                let counts = (try? RandomVariates.multinomial(count: members.count, sizes: members.map { _ in 1 }, using: &generator)) ?? []
                let drawn = zip(members, counts).flatMap { repeatElement($0, count: $1) }
                let fit = try? settings.fit(time: drawn.map { time[$0] }, event: drawn.map { event[$0] },
                                            start: start.map { s in drawn.map { s[$0] } }, weights: nil)
                return fit?.median.estimate
            }
            let base = median(reference)
            return others.map { g in
                let m = median(g)
                guard let m, let base else { return nil }
                return m - base
            }
        }
    }

    /// The percentile interval (R's `quantile(type = 7)`) and SD of `values`.
    private static func percentile(_ values: [Double], estimate: Double, replicates: Int, level: Double) -> BootstrapContrast {
        let sorted = values.sorted()
        func quantile(_ p: Double) -> Double {
            guard !sorted.isEmpty else { return .nan }
            let h = Double(sorted.count - 1) * p
            let low = Int(h.rounded(.down)), high = min(low + 1, sorted.count - 1)
            return sorted[low] + (h - Double(low)) * (sorted[high] - sorted[low])
        }
        let mean = sorted.reduce(0, +) / Double(max(sorted.count, 1))
        let sd = sorted.count > 1
            ? (sorted.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(sorted.count - 1)).squareRoot() : .nan
        let z = estimate / sd
        let contrast = Contrast(estimate: estimate, standardError: sd, lower: quantile((1 - level) / 2),
                                upper: quantile(1 - (1 - level) / 2), pValue: z.isFinite ? 2 * Normal.survival(abs(z)) : .nan)
        return BootstrapContrast(contrast: contrast, replicates: replicates, usedReplicates: sorted.count)
    }
}
