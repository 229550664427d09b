/// Nelson–Aalen estimator of the cumulative hazard, as R's `survfit(Surv(time, event) ~ 1, ctype = 1)`
/// (`$cumhaz`, `$std.chaz`), with the survival it implies, `exp(-H)` (R's `survfit(..., ctype = 1,
/// stype = 2)$surv`).
///
/// At each distinct time `t_j` with `n_j` at risk and `d_j` events: `H(t_j) = Σ_{i<=j} d_i / n_i`,
/// `var H(t_j) = Σ_{i<=j} d_i / n_i²` (R's `std.chaz` for `ctype = 1`). Since `log S = -H`, the SE of
/// log S is that of H, and the limits of `exp(-H)` use the chosen transform exactly as the Kaplan–Meier
/// limits do on Greenwood's SE.
///
/// The counting skeleton (distinct times, risk sets with delayed entry, events, censorings, frequency
/// weights, the near-tie rule) is the Kaplan–Meier fit's: ``fit(time:event:start:weights:)`` fits it and
/// reads the counts (``NelsonAalenFit/init(counts:)``).
public struct NelsonAalen: Sendable, Equatable {
    /// Transform used for the limits of exp(-H) (`conf.type` in R).
    public var confidenceTransform: KaplanMeier.ConfidenceTransform = .log
    /// Two-sided confidence level (`conf.int` in R), in (0, 1).
    public var confidenceLevel = 0.95
    /// Merge near-tied times with R's `aeqSurv` rule before fitting (see `TimeFix`).
    public var timeFix = true

    /// Creates an estimator.
    /// - Parameters:
    ///   - confidenceTransform: `log` (R's default), `logLog` or `plain`.
    ///   - confidenceLevel: two-sided level in (0, 1), default 0.95.
    ///   - timeFix: apply R's near-tie rule first (default `true`).
    public init(confidenceTransform: KaplanMeier.ConfidenceTransform = .log, confidenceLevel: Double = 0.95,
                timeFix: Bool = true) {
        self.confidenceTransform = confidenceTransform
        self.confidenceLevel = confidenceLevel
        self.timeFix = timeFix
    }

    /// Fits the cumulative hazard of (optionally counting-process) rows.
    /// - Parameters:
    ///   - time: finite (stop) times, any order.
    ///   - event: `true` = event observed.
    ///   - start: entry times below their stop times, or nil for entry at 0.
    ///   - weights: positive frequency weights, or nil.
    /// - Returns: the fitted step functions at every distinct time.
    /// - Throws: what ``KaplanMeier/fit(time:event:start:weights:)`` throws for the same input.
    /// - Complexity: that of the Kaplan–Meier fit, O(n log n) at most, plus O(distinct times).
    public func fit(time: [Double], event: [Bool], start: [Double]? = nil, weights: [Int]? = nil)
        throws(StatModelError) -> NelsonAalenFit {
        let counts = try KaplanMeier(confidenceTransform: confidenceTransform, confidenceLevel: confidenceLevel, timeFix: timeFix)
            .fit(time: time, event: event, start: start, weights: weights)
        return NelsonAalenFit(counts: counts)
    }
}
