extension KaplanMeierFit {
    /// The number still at risk at `time`: the number with an observed time (event or censoring)
    /// `>= time`, as R's `summary(survfit, times = time)$n.risk`.
    ///
    /// - At or before the first fit time: `n` (everyone is at risk).
    /// - Between fit times: the number at risk at the first fit time `>= time`.
    /// - After the last fit time: 0 (R drops such a row unless `extend = TRUE`, then it reports 0).
    /// - A NaN time gives 0.
    ///
    /// - Parameter time: the time to evaluate, e.g. a tick of a plot's time axis.
    /// - Returns: the number at risk (a weighted count when the fit used frequency weights).
    /// - Complexity: O(log m) for m distinct times.
    public func numberAtRisk(at time: Double) -> Int {
        guard !time.isNaN else { return 0 }
        let before = countBefore(time)
        return before < atRisk.count ? atRisk[before] : 0
    }

    /// The distinct times at which at least one observation was censored, ascending, with S(t) there
    /// (the height of a censoring mark on the curve).
    /// - Complexity: O(m) for m distinct times.
    public var censoringMarks: [(time: Double, survival: Double)] {
        var marks: [(time: Double, survival: Double)] = []
        for (j, count) in censorCounts.enumerated() where count > 0 && j < times.count && j < survival.count {
            marks.append((time: times[j], survival: survival[j]))
        }
        return marks
    }
}
