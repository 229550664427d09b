import Foundation
import NumericCore
import Regression
import Survival

/// Stage 1 of the two-stage dose-response analysis: one summary of relief per dose level with its
/// covariance, from censored relief times, to be fitted by ``DoseResponseFit`` (type general).
///
/// Summaries and their variances:
/// - ``Summary/median``: the Kaplan–Meier median per level. Its variance comes from the width of the
///   Brookmeyer–Crowley interval of the median under the log transform (survfit's default CI):
///   `SE(log m) = (log U − log L)/(2 z)` with `z = Φ⁻¹(0.5 + level/2)`, then the delta method,
///   `Var(m) = (m · SE(log m))²`. Levels whose median or either limit is not reached are dropped
///   (listed in ``DoseResponsePoints/dropped``). Covariance diagonal (levels are independent).
/// - ``Summary/restrictedMean(tau:)``: the KM restricted mean to `tau` with its Greenwood-type SE
///   (as `print.survfit(rmean = tau)`); covariance diagonal.
/// - ``Summary/coxLogHazardRatio``: Cox (Efron) log hazard ratios of each level against the lowest,
///   from one model with level indicators, with their full model-based covariance. The lowest level
///   is the reference and is not a point (its log HR is 0 by definition), so the stage-2 fit has a
///   free e0 rather than a placebo-adjusted one.
public struct DoseLevelSummarizer: Sendable, Equatable {
    /// What is summarised per dose level.
    public enum Summary: Sendable, Equatable {
        /// Kaplan–Meier median (days).
        case median
        /// Restricted mean survival time to `tau` (days).
        case restrictedMean(tau: Double)
        /// Cox log hazard ratio against the lowest level.
        case coxLogHazardRatio
    }

    /// The summary.
    public var summary: Summary
    /// The Kaplan–Meier settings (log transform and level used for the median interval).
    public var kaplanMeier: KaplanMeier

    /// Creates a summariser.
    ///
    /// - Parameters:
    ///   - summary: The per-level summary; default the KM median.
    ///   - kaplanMeier: KM settings; default survfit's (log CI, 95%).
    public init(summary: Summary = .median, kaplanMeier: KaplanMeier = KaplanMeier()) {
        self.summary = summary
        self.kaplanMeier = kaplanMeier
    }

    /// Summarises each distinct dose value.
    ///
    /// - Parameters:
    ///   - dose: Dose per row (finite, ≥ 0); levels are its distinct values (round first if needed).
    ///   - time: Relief duration per row (the stop time of `(start, stop]` rows).
    ///   - event: Whether relief ended (true) or was censored.
    ///   - start: Entry time per row of `(start, stop]` rows (delayed entry: Kaplan–Meier and Cox risk sets
    ///     hold a row when `start < t ≤ stop`), or `nil` for durations from 0.
    /// - Returns: Dose levels, estimates and covariance.
    /// - Throws: ``DoseResponseError`` for empty or mismatched input, invalid doses, or an engine failure.
    /// - Complexity: O(n log n).
    public func summarize(dose: [Double], time: [Double], event: [Bool], start: [Double]? = nil) throws(DoseResponseError) -> DoseResponsePoints {
        let context = "DoseLevelSummarizer"
        for (i, d) in dose.enumerated() where !(d.isFinite && d >= 0) {
            throw .invalidValue(context: context, argument: "dose", index: i, value: d)
        }
        let levels = Array(Set(dose)).sorted()
        var index: [Double: Int] = [:]
        for (k, d) in levels.enumerated() { index[d] = k }
        return try summarize(levels: levels, codes: dose.map { index[$0] ?? -1 }, time: time, event: event, start: start)
    }

    /// Summarises rows already grouped into dose levels.
    ///
    /// - Parameters:
    ///   - levels: The dose of each level, ascending.
    ///   - codes: Per row, the index of its level in `levels`.
    ///   - time: Relief duration per row.
    ///   - event: Whether relief ended per row.
    ///   - start: Entry time per row of `(start, stop]` rows, or `nil`.
    /// - Returns: Dose levels, estimates and covariance.
    /// - Throws: ``DoseResponseError`` for empty, mismatched or out-of-range input, or an engine failure.
    /// - Complexity: O(n log n).
    public func summarize(levels: [Double], codes: [Int], time: [Double],
                          event: [Bool], start: [Double]? = nil) throws(DoseResponseError) -> DoseResponsePoints {
        let context = "DoseLevelSummarizer"
        guard !codes.isEmpty else { throw .emptyInput(context: context, what: "rows") }
        guard time.count == codes.count else {
            throw .lengthMismatch(context: context, argument: "time", expected: codes.count, found: time.count)
        }
        guard event.count == codes.count else {
            throw .lengthMismatch(context: context, argument: "event", expected: codes.count, found: event.count)
        }
        if let start, start.count != codes.count {
            throw .lengthMismatch(context: context, argument: "start", expected: codes.count, found: start.count)
        }
        guard levels.count >= 2, zip(levels, levels.dropFirst()).allSatisfy({ $0 < $1 }) else {
            throw .invalidArgument(context: context, message: "need at least 2 strictly increasing dose levels, got \(levels)")
        }
        for (i, c) in codes.enumerated() where c < 0 || c >= levels.count {
            throw .survival(.invalidCode(context: context, argument: "codes", index: i, value: c, count: levels.count))
        }
        var rows = [[Int]](repeating: [], count: levels.count)
        for (i, c) in codes.enumerated() { rows[c].append(i) }
        if let empty = rows.firstIndex(where: \.isEmpty) {
            throw .undefinedSummary(level: levels[empty], message: "no rows at this dose level; remove it from the levels")
        }
        let counts = rows.map(\.count)
        let events = rows.map { $0.reduce(0) { $0 + (event[$1] ? 1 : 0) } }
        switch summary {
        case .median, .restrictedMean:
            return try kaplanMeierPoints(levels: levels, rows: rows, time: time, event: event, start: start, counts: counts, events: events)
        case .coxLogHazardRatio:
            return try coxPoints(levels: levels, codes: codes, time: time, event: event, start: start, counts: counts, events: events)
        }
    }

    /// KM median or RMST per level, diagonal covariance.
    private func kaplanMeierPoints(levels: [Double], rows: [[Int]], time: [Double], event: [Bool], start: [Double]?,
                                   counts: [Int], events: [Int]) throws(DoseResponseError) -> DoseResponsePoints {
        var doses: [Double] = [], estimates: [Double] = [], variances: [Double] = []
        var keptCounts: [Int] = [], keptEvents: [Int] = [], dropped: [String] = []
        let z = Normal.quantile(0.5 + kaplanMeier.confidenceLevel / 2)
        for (k, members) in rows.enumerated() {
            let fit: KaplanMeierFit
            do {
                fit = try kaplanMeier.fit(
                    time: members.map { time[$0] }, event: members.map { event[$0] }, start: start.map { start in members.map { start[$0] } },
                    weights: nil)
            } catch {
                throw .survival(error)
            }
            switch summary {
            case .restrictedMean(let tau):
                guard tau > 0, tau.isFinite else {
                    throw .invalidArgument(context: "DoseLevelSummarizer", message: "tau \(tau) must be positive")
                }
                let rmst = fit.restrictedMean(tau: tau)
                guard rmst.estimate.isFinite, rmst.standardError.isFinite, rmst.standardError > 0 else {
                    dropped.append("dose \(levels[k]): RMST to \(tau) has no positive standard error (no events before tau)")
                    continue
                }
                estimates.append(rmst.estimate)
                variances.append(rmst.standardError * rmst.standardError)
            default:
                let m = fit.median
                guard let median = m.estimate, let lower = m.lower, let upper = m.upper, lower > 0, upper > lower else {
                    dropped.append("dose \(levels[k]): the median or a limit of its confidence interval is not reached; "
                        + "use the RMST summary instead")
                    continue
                }
                let seLog = (log(upper) - log(lower)) / (2 * z)
                estimates.append(median)
                variances.append(median * median * seLog * seLog)
            }
            doses.append(levels[k])
            keptCounts.append(counts[k])
            keptEvents.append(events[k])
        }
        return DoseResponsePoints(doses: doses, estimates: estimates, covariance: Matrix(diagonal: variances),
                                  counts: keptCounts, events: keptEvents, summary: summary, dropped: dropped)
    }

    /// Cox log hazard ratios of levels 2…k against level 1, full covariance.
    private func coxPoints(levels: [Double], codes: [Int], time: [Double], event: [Bool], start: [Double]?,
                           counts: [Int], events: [Int]) throws(DoseResponseError) -> DoseResponsePoints {
        let k = levels.count
        var x = Matrix(rows: codes.count, columns: k - 1)
        for (i, c) in codes.enumerated() where c > 0 { x[i, c - 1] = 1 }
        let fit: CoxPHFit
        do {
            var data = RegressionData(x: x, termNames: levels.dropFirst().map { "dose\($0)" }, time: time, event: event)
            data.start = start
            fit = try CoxPH().fit(data)
        } catch {
            throw .survival(error)
        }
        return DoseResponsePoints(doses: Array(levels.dropFirst()), estimates: fit.coefficients,
                                  covariance: fit.variance, counts: Array(counts.dropFirst()),
                                  events: Array(events.dropFirst()), summary: summary,
                                  dropped: ["dose \(levels[0]): reference level of the hazard ratios (log HR 0)"]
                                      + fit.warningMessages)
    }
}
