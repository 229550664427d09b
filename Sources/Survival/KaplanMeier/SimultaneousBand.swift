import NumericCore

/// A simultaneous confidence band for a Kaplan–Meier curve over a time range: limits that hold for the
/// whole curve between the range's ends at once with the stated level, as Klein & Moeschberger,
/// *Survival Analysis*, 2nd ed., section 4.4 (R's `km.ci` with `method = "hall-wellner"`, `"loghall"`,
/// `"epband"`, `"logep"`).
///
/// With `σ²(t) = Σ_{t_i ≤ t} d_i/(n_i(n_i − d_i))` (Greenwood's sum, ``KaplanMeierFit/logStandardError``
/// squared), `n` the sample size and `a(t) = nσ²(t)/(1 + nσ²(t))`, the range `[t_L, t_U]` maps to
/// `[a_L, a_U]`. The band is the pointwise interval of the curve's transform
/// (``KaplanMeier/ConfidenceTransform``) with the critical value times the SE replaced by a half-width
/// `h(t)` on the scale of log S:
/// - Hall–Wellner: `h = k (1 + nσ²(t)) / √n`, `k` from ``BrownianBridgeSupremum`` over `[a_L, a_U]`;
/// - equal precision (Nair): `h = c σ(t)`, `c` from ``StandardizedBridgeSupremum`` (exact; K&M's
///   table and `km.ci` use its Miller–Siegmund approximation).
///
/// So `plain` gives `S ∓ hS` (clipped to [0, 1] as the pointwise limits), `log` gives `S exp(∓h)` and
/// `logLog` gives `S^exp(∓h/log S)` (K&M's "log-transformed" band, `km.ci`'s `loghall` and `logep`).
public struct SimultaneousBand: Sendable, Equatable {
    /// Which band.
    public enum Method: String, Sendable, CaseIterable, Equatable {
        /// Hall and Wellner (1980): width proportional to `1 + nσ²(t)`.
        case hallWellner = "hall-wellner"
        /// Nair's (1984) equal-precision band: width proportional to the pointwise SE.
        case equalPrecision = "equal-precision"
    }

    /// The band.
    public var method: Method
    /// The time range; nil for `km.ci`'s default, from the first event time to the last event time at
    /// which some remain at risk after the events.
    public var timeRange: ClosedRange<Double>?

    /// Creates the band settings.
    /// - Parameters:
    ///   - method: Hall–Wellner or equal precision.
    ///   - timeRange: The range, or nil for the default.
    public init(method: Method, timeRange: ClosedRange<Double>? = nil) {
        self.method = method
        self.timeRange = timeRange
    }

    /// The default range of a curve: its first event time to its last event time with `n > d` (nil
    /// without such a time).
    /// - Parameter fit: The curve.
    /// - Returns: The range.
    /// - Complexity: O(m) for m distinct times.
    public static func defaultRange(of fit: KaplanMeierFit) -> ClosedRange<Double>? {
        let events = fit.times.indices.filter { fit.eventCounts[$0] > 0 }
        guard let first = events.first,
              let last = events.last(where: { fit.atRisk[$0] > fit.eventCounts[$0] }) else { return nil }
        return fit.times[first]...fit.times[last]
    }

    /// The band of a curve at its level and transform.
    ///
    /// The rows are the curve's times from the last one at or before the range's start (the step in
    /// force there; the first time when the range starts earlier) to the last one at or before its end.
    /// - Parameter fit: The Kaplan–Meier curve.
    /// - Returns: The band, with limits at the curve's times (nil outside the rows).
    /// - Throws: `.invalidArgument` when the range ends before the curve's first time or after everyone
    ///   at risk had the event, holds no event, or (equal precision) starts before the first event.
    /// - Complexity: O(m) plus the critical value's search (milliseconds).
    public func fit(_ fit: KaplanMeierFit) throws(StatModelError) -> SimultaneousBandFit {
        let context = "SimultaneousBand.fit"
        guard fit.confidenceTransform != .logit else {
            throw .invalidArgument(context: context, message: "a band on the logit scale is not defined here (Klein & Moeschberger 4.4 give "
                + "plain, log-log and arcsine-square-root bands, and log); use --conf-type plain, log, log-log or arcsin")
        }
        guard let range = timeRange ?? Self.defaultRange(of: fit) else {
            throw .invalidArgument(context: context, message: "the curve has no event time at which some remain at risk, so it has no band.")
        }
        let end = fit.countAtOrBefore(range.upperBound) - 1
        guard end >= 0 else {
            throw .invalidArgument(context: context, message: "the band range ends at \(range.upperBound), before the curve's first time \(fit.times.first ?? 0).")
        }
        let startRow = fit.countAtOrBefore(range.lowerBound) - 1
        let n = Double(fit.n)
        func a(_ row: Int) -> Double {
            guard row >= 0 else { return 0 }
            let v = fit.logStandardError[row] * fit.logStandardError[row]
            return n * v / (1 + n * v)
        }
        let lowerA = a(startRow), upperA = a(end)
        guard upperA.isFinite, upperA < 1, fit.logStandardError[end].isFinite else {
            throw .invalidArgument(context: context, message: "the band range ends at \(range.upperBound), after the time at which everyone still at risk had the event; end it at the last event time with some remaining at risk or earlier (\(Self.defaultRange(of: fit).map { String(describing: $0.upperBound) } ?? "none")).")
        }
        guard upperA > lowerA else {
            throw .invalidArgument(context: context, message: "the band range \(range.lowerBound) to \(range.upperBound) holds no event time; widen it.")
        }
        let critical: Double?
        switch method {
        case .hallWellner:
            critical = BrownianBridgeSupremum.criticalValue(level: fit.confidenceLevel, from: lowerA, to: upperA)
        case .equalPrecision:
            guard lowerA > 0 else {
                throw .invalidArgument(context: context, message: "an equal-precision band must start at or after the first event time (\(Self.defaultRange(of: fit).map { String(describing: $0.lowerBound) } ?? "none")), got \(range.lowerBound).")
            }
            critical = StandardizedBridgeSupremum.criticalValue(level: fit.confidenceLevel, from: lowerA, to: upperA)
        }
        guard let critical else {
            throw .undefinedStatistic(context: context, message: "no critical value for a = \(lowerA) to \(upperA) at level \(fit.confidenceLevel).")
        }
        return band(of: fit, rows: Swift.max(startRow, 0)...end, range: range, a: (lowerA, upperA), critical: critical)
    }

    /// The limits with a given critical value (`k` or `c`), at the rows given.
    package func band(
        of fit: KaplanMeierFit, rows: ClosedRange<Int>, range: ClosedRange<Double>, a: (lower: Double, upper: Double), critical: Double
    ) -> SimultaneousBandFit {
        let n = Double(fit.n)
        var lower = [Double?](repeating: nil, count: fit.times.count)
        var upper = lower
        for row in rows {
            let sigma = fit.logStandardError[row]
            let half = method == .hallWellner ? critical * (1 + n * sigma * sigma) / n.squareRoot() : critical * sigma
            let limits = fit.confidenceTransform.limits(survival: fit.survival[row], logStandardError: half, z: 1)
            lower[row] = limits.lower
            upper[row] = limits.upper
        }
        return SimultaneousBandFit(
            method: method, timeRange: range, rows: rows, lowerA: a.lower, upperA: a.upper, criticalValue: critical,
            confidenceTransform: fit.confidenceTransform, confidenceLevel: fit.confidenceLevel, lower: lower, upper: upper)
    }
}
