extension KaplanMeierFit {
    /// Restricted mean survival time up to `tau`, as R's `print.survfit` with `rmean = tau` (R's `survmean`).
    ///
    /// With `t_0 = min(0, first time)` and the curve extended flat to `tau`:
    /// `rmean = t_0 + Σ_i (t_i - t_{i-1}) S(t_{i-1})` over fit times `<= tau` plus the last piece to tau;
    /// `var = Σ_{j: t_j <= tau} A_j² d_j / (n_j (n_j - d_j))` where `A_j` is the area under S from `t_j`
    /// to `tau` (terms with `n_j = d_j` are 0), `se = sqrt(var)`.
    ///
    /// R refuses `tau` below the first time ("Truncation point for the mean is < smallest survival");
    /// here such a tau gives `estimate = tau` (S = 1 there) and SE 0. A non-finite tau gives NaN.
    ///
    /// - Parameter tau: the horizon.
    /// - Returns: tau, the restricted mean and its standard error.
    /// - Complexity: O(m) for m distinct times.
    public func restrictedMean(tau: Double) -> RestrictedMean {
        guard tau.isFinite else { return RestrictedMean(tau: tau, estimate: .nan, standardError: .nan) }
        let start = Swift.min(0, times.first ?? 0)
        let k = countAtOrBefore(tau)
        // Rectangles: widths between consecutive points (start, t_1, ..., t_k, tau), heights S just before.
        var rectangles = [Double](repeating: 0, count: k + 1)
        var hazardTerms = [Double](repeating: 0, count: k + 1)
        var previousTime = start
        var previousSurvival = 1.0
        for j in 0..<k {
            rectangles[j] = (times[j] - previousTime) * previousSurvival
            previousTime = times[j]
            previousSurvival = survival[j]
            let n = Double(atRisk[j]), d = Double(eventCounts[j])
            hazardTerms[j] = n - d == 0 ? 0 : d / (n * (n - d))
        }
        rectangles[k] = (tau - previousTime) * previousSurvival
        var mean = 0.0
        for area in rectangles { mean += area }
        mean += start
        // Σ over m = 0..<k of (area after point m)² · h_m, area after m = Σ_{i > m} rectangles[i].
        var tail = 0.0
        var variance = 0.0
        var m = k
        while m > 0 {
            tail += rectangles[m]
            variance += tail * tail * hazardTerms[m - 1]
            m -= 1
        }
        return RestrictedMean(tau: tau, estimate: mean, standardError: variance.squareRoot())
    }
}
