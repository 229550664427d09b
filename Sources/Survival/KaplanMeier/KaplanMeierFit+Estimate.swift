extension KaplanMeierFit {
    /// The estimate at one time, as `summary(fit, times = time, extend = TRUE)`.
    ///
    /// - Before the first fit time: S = 1, SE = 0, limits 1 and 1, at risk = n (R's `survfit0` row at
    ///   time 0). (R deviates only for a query time < 0 when the first data time is <= 0; then it reports
    ///   the first row. Here S = 1 is returned for any time before the first data time.)
    /// - From the first time on: the values of the last fit time `<= time` (step function).
    /// - After the last time: R drops the row unless `extend = TRUE`; this carries the last S, SE and
    ///   limits forward with 0 at risk and sets `isBeyondLastTime`.
    /// - At risk is that of the first fit time `>= time` (0 when there is none), as `summary.survfit`.
    /// - A NaN time gives NaN estimate and SE, nil limits, 0 at risk.
    ///
    /// - Parameter time: the time to evaluate.
    /// - Returns: the estimate row.
    /// - Complexity: O(log m) for m distinct times.
    public func estimate(at time: Double) -> SurvivalEstimate {
        guard !time.isNaN else {
            return SurvivalEstimate(time: time, estimate: .nan, standardError: .nan, lower: nil, upper: nil,
                                    atRisk: 0, isBeyondLastTime: false)
        }
        let atOrBefore = countAtOrBefore(time)     // R's findInterval(time, fit$time)
        let before = countBefore(time)             // findInterval(..., left.open = TRUE)
        let risk = before < atRisk.count ? atRisk[before] : 0
        let beyond = !times.isEmpty && time > times[times.count - 1]
        guard atOrBefore > 0 else {
            return SurvivalEstimate(time: time, estimate: 1, standardError: 0, lower: 1, upper: 1,
                                    atRisk: risk, isBeyondLastTime: beyond)
        }
        let j = atOrBefore - 1
        return SurvivalEstimate(time: time, estimate: survival[j], standardError: standardError[j],
                                lower: lower[j], upper: upper[j], atRisk: risk, isBeyondLastTime: beyond)
    }

    /// Number of fit times `<= t`.
    package func countAtOrBefore(_ t: Double) -> Int {
        var low = 0, high = times.count
        while low < high {
            let mid = low + (high - low) / 2
            if times[mid] <= t { low = mid + 1 } else { high = mid }
        }
        return low
    }

    /// Number of fit times `< t`.
    package func countBefore(_ t: Double) -> Int {
        var low = 0, high = times.count
        while low < high {
            let mid = low + (high - low) / 2
            if times[mid] < t { low = mid + 1 } else { high = mid }
        }
        return low
    }
}
