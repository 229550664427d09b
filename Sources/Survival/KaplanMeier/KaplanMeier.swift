import NumericCore

/// Kaplan–Meier estimator of the survival function, as R's `survfit(Surv(time, event) ~ 1)`
/// (`type = "kaplan-meier"`, Greenwood variance, `conf.lower = "usual"`).
///
/// At each distinct time `t_j` (event or censoring) with `n_j` at risk and `d_j` events:
/// `S(t_j) = Π_{i<=j} (1 - d_i / n_i)`, Greenwood `var(log S(t_j)) = Σ_{i<=j} d_i / (n_i (n_i - d_i))`,
/// `SE(S) = S · sqrt(var(log S))`. Confidence limits use the chosen transform (see
/// `ConfidenceTransform`).
///
/// With `timeFix` on (the default, as R >= 3.0), near-tied times are merged first by `TimeFix`. R applies
/// the rule once to the *whole* response before splitting by group; to reproduce `survfit(Surv ~ g)`
/// exactly for several groups, apply `TimeFix().apply(to:)` to all times once and fit each group with
/// `timeFix = false`.
public struct KaplanMeier: Sendable, Equatable {
    /// Transform used for the pointwise confidence limits (`conf.type` in R).
    public var confidenceTransform: ConfidenceTransform = .log
    /// Two-sided confidence level (`conf.int` in R), in (0, 1).
    public var confidenceLevel = 0.95
    /// Merge near-tied times with R's `aeqSurv` rule before fitting (see `TimeFix`).
    public var timeFix = true

    /// Creates an estimator.
    /// - Parameters:
    ///   - confidenceTransform: `log` (R's default), `logLog` or `plain`.
    ///   - confidenceLevel: two-sided level in (0, 1), default 0.95.
    ///   - timeFix: apply R's near-tie rule first (default `true`).
    public init(confidenceTransform: ConfidenceTransform = .log, confidenceLevel: Double = 0.95,
                timeFix: Bool = true) {
        self.confidenceTransform = confidenceTransform
        self.confidenceLevel = confidenceLevel
        self.timeFix = timeFix
    }

    /// Fits the Kaplan–Meier curve.
    ///
    /// - Parameters:
    ///   - time: finite follow-up times (any order; negative times are allowed, as in R).
    ///   - event: `true` = event observed, `false` = censored; same length as `time`.
    /// - Returns: the fitted step function at every distinct time, with Greenwood SEs and CIs.
    /// - Throws: `StatModelError.emptyInput` for no rows, `.lengthMismatch`, `.nonFiniteValue` for a NaN
    ///   or infinite time, `.invalidArgument` for a confidence level outside (0, 1).
    /// - Complexity: O(n) for n >= 2,048 rows (radix sort), O(n log n) below; O(n) memory.
    public func fit(time: [Double], event: [Bool]) throws(StatModelError) -> KaplanMeierFit {
        try fit(time: time, event: event, weights: nil)
    }

    /// Fits the Kaplan–Meier curve with frequency weights: a row of weight w counts as w identical rows,
    /// which is what R's `survfit(..., weights = w)` computes for integer weights (Greenwood on the
    /// weighted counts). `n`, `events`, `censored` and the counts are then weighted totals. (R switches to
    /// a robust variance for non-integer weights; those are not supported here.)
    ///
    /// - Parameters:
    ///   - time: finite follow-up times (any order).
    ///   - event: `true` = event observed, `false` = censored; same length as `time`.
    ///   - weights: one positive weight per row, or nil for weight 1.
    /// - Returns: the fitted curve.
    /// - Throws: as `fit(time:event:)`, plus `.invalidArgument` for a zero or negative weight or a total
    ///   weight that overflows `Int`, `.lengthMismatch` for a wrong number of weights.
    /// - Complexity: as `fit(time:event:)`.
    public func fit(time: [Double], event: [Bool], weights: [Int]?) throws(StatModelError) -> KaplanMeierFit {
        try fit(time: time, event: event, start: nil, weights: weights)
    }

    /// Fits the Kaplan–Meier curve of counting-process rows `(start, stop]` (delayed entry, R's
    /// `survfit(Surv(start, stop, event) ~ 1)`): a row is at risk at `t` when `start < t ≤ stop`, so the
    /// number at risk at a time `t_j` is `#{start < t_j} − #{stop < t_j}`. Greenwood's variance and the
    /// limits are those of the plain curve on these risk sets.
    ///
    /// - Parameters:
    ///   - time: finite stop times (any order).
    ///   - event: `true` = event at the stop time.
    ///   - start: finite entry times, each below its stop time; nil for entry at 0 (``fit(time:event:)``).
    ///   - weights: one positive frequency weight per row, or nil.
    /// - Returns: the fitted curve; ``KaplanMeierFit/atRisk`` counts the rows entered and not yet stopped.
    /// - Throws: as ``fit(time:event:weights:)``, plus `.lengthMismatch` for a wrong number of starts and
    ///   `.invalidArgument` for a start that is not finite or not below its stop time.
    /// - Complexity: O(n log n) (the starts are sorted).
    public func fit(time: [Double], event: [Bool], start: [Double]?, weights: [Int]?) throws(StatModelError) -> KaplanMeierFit {
        let context = "KaplanMeier.fit"
        guard !time.isEmpty else { throw .emptyInput(context: context) }
        guard event.count == time.count else {
            throw .lengthMismatch(context: context, argument: "event", expected: time.count, found: event.count)
        }
        let z = try Self.criticalValue(level: confidenceLevel, context: context)
        for (index, value) in time.enumerated() where !value.isFinite {
            throw .nonFiniteValue(context: context, argument: "time", index: index)
        }
        var total = time.count
        if let weights {
            guard weights.count == time.count else {
                throw .lengthMismatch(context: context, argument: "weights", expected: time.count,
                                      found: weights.count)
            }
            total = 0
            for (index, w) in weights.enumerated() {
                guard w > 0 else {
                    throw .invalidArgument(
                        context: context,
                        message: "weight \(w) at row \(index) (0-based) is not positive; remove the row instead of "
                            + "giving it weight 0, and use positive frequency weights.")
                }
                let (sum, overflow) = total.addingReportingOverflow(w)
                guard !overflow else {
                    throw .invalidArgument(context: context, message: "the total weight overflows Int.")
                }
                total = sum
            }
        }

        let entries = try Self.entries(start, stop: time, weights: weights, context: context)
        let table = EventTable(time: time, event: event, weights: weights, timeFix: timeFix ? TimeFix() : nil)
        let m = table.times.count
        var atRisk = [Int](repeating: 0, count: m)
        var survival = [Double](repeating: 1, count: m)
        var logSE = [Double](repeating: 0, count: m)
        var standardError = [Double](repeating: 0, count: m)
        var lower = [Double?](repeating: nil, count: m)
        var upper = [Double?](repeating: nil, count: m)

        var remaining = total
        var s = 1.0
        var greenwood = 0.0
        var entry = 0
        var notYetEntered = entries.map { $0.reduce(0) { $0 + $1.weight } } ?? 0
        for j in 0..<m {
            // Rows whose start is below t_j have entered (R's (start, stop] convention).
            if let entries {
                while entry < entries.count, entries[entry].time < table.times[j] {
                    notYetEntered -= entries[entry].weight
                    entry += 1
                }
            }
            let nRisk = remaining - notYetEntered
            let d = table.eventCounts[j]
            atRisk[j] = nRisk
            if d > 0 {
                let n = Double(nRisk), dd = Double(d)
                s *= (n - dd) / n
                // n == d gives +inf (S = 0), exactly as R's survfitkm.c.
                greenwood += dd / (n * (n - dd))
            }
            remaining -= d + table.censorCounts[j]
            survival[j] = s
            if d == 0, j > 0 {
                // Censor-only time: S, its SE and the limits are those of the previous time.
                logSE[j] = logSE[j - 1]
                standardError[j] = standardError[j - 1]
                lower[j] = lower[j - 1]
                upper[j] = upper[j - 1]
                continue
            }
            let se = greenwood.squareRoot()
            logSE[j] = se
            standardError[j] = se * s          // inf * 0 = NaN where S = 0, as summary.survfit
            let limits = confidenceTransform.limits(survival: s, logStandardError: se, z: z)
            lower[j] = limits.lower
            upper[j] = limits.upper
        }
        let events = table.eventCounts.reduce(0, +)
        return KaplanMeierFit(
            n: total, events: events, censored: total - events, times: table.times,
            atRisk: atRisk, eventCounts: table.eventCounts, censorCounts: table.censorCounts,
            survival: survival, standardError: standardError, logStandardError: logSE,
            lower: lower, upper: upper, confidenceTransform: confidenceTransform,
            confidenceLevel: confidenceLevel, criticalValue: z)
    }

    /// The entry times sorted ascending with their weights, after checking them against the stops; nil
    /// without starts.
    package static func entries(_ start: [Double]?, stop: [Double], weights: [Int]?, context: String)
        throws(StatModelError) -> [(time: Double, weight: Int)]?
    {
        guard let start else { return nil }
        guard start.count == stop.count else {
            throw .lengthMismatch(context: context, argument: "start", expected: stop.count, found: start.count)
        }
        for (index, value) in start.enumerated() where !(value.isFinite && value < stop[index]) {
            throw .invalidArgument(
                context: context,
                message: "start \(value) of row \(index) (0-based) is not a finite time below its stop time \(stop[index]).")
        }
        let order = SurvivalOrder.ascending(start)
        return order.map { (time: start[$0], weight: weights?[$0] ?? 1) }
    }

    /// The normal quantile `z_{1-(1-level)/2}` for a two-sided level.
    package static func criticalValue(level: Double, context: String) throws(StatModelError) -> Double {
        guard level.isFinite, level > 0, level < 1 else {
            throw .invalidArgument(context: context,
                                   message: "confidence level must lie strictly between 0 and 1, got \(level).")
        }
        return Normal.quantile(1 - (1 - level) / 2)
    }
}
