extension RestrictedMean {
    /// R's `survmean` restricted mean and its `se(rmean)` for a step curve given at its times (as a Cox
    /// model's predicted curve): the area under `S` from `min(0, first time)` to `tau`, and
    /// `var = Σ_{k: t_k <= tau} A_k² d_k / (n_k (n_k - d_k))` with `A_k` the area after `t_k` (terms with
    /// `n_k = d_k` are 0).
    ///
    /// - Parameters:
    ///   - tau: The horizon.
    ///   - times: The curve's times, ascending.
    ///   - survival: `S` at each time.
    ///   - atRisk: The (weighted) number at risk at each time.
    ///   - events: The (weighted) number of events at each time.
    /// - Complexity: O(m) for m times.
    package init(tau: Double, times: [Double], survival: [Double], atRisk: [Double], events: [Double]) {
        let keep = times.prefix { $0 <= tau }.count
        // Area of each step after t_k up to tau, then the tail sums from the right.
        var estimate = 0.0
        var previousTime = min(0, times.first ?? 0), previousSurvival = 1.0
        var rectangles = [Double](repeating: 0, count: keep)
        for k in 0..<keep {
            estimate += (times[k] - previousTime) * previousSurvival
            previousTime = times[k]
            previousSurvival = survival[k]
            let nextTime = k + 1 < keep ? times[k + 1] : tau
            rectangles[k] = (nextTime - times[k]) * survival[k]
        }
        estimate += (tau - previousTime) * previousSurvival
        var variance = 0.0, tail = 0.0
        for k in stride(from: keep - 1, through: 0, by: -1) {
            tail += rectangles[k]
            let remaining = atRisk[k] - events[k]
            let h = remaining == 0 ? 0 : events[k] / (atRisk[k] * remaining)
            variance += tail * tail * h
        }
        self.init(tau: tau, estimate: estimate, standardError: variance.squareRoot())
    }
}
