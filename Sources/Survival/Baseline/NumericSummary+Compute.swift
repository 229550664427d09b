extension NumericSummary {
    /// Summarises `values`, skipping NaN and infinite entries (R's `na.rm = TRUE` for NA).
    ///
    /// The mean is a compensated (Neumaier) sum divided by n, refined by the mean of the residuals as
    /// R's `mean` does; the SD is the two-pass formula around that mean, as R's `var`.
    /// - Parameter values: The values, in any order.
    /// - Complexity: O(n log n) (one sort).
    public init(summarizing values: [Double]) {
        let sorted = values.filter(\.isFinite).sorted()
        let n = sorted.count
        guard let first = sorted.first, let last = sorted.last else {
            self.init(
                n: 0, mean: nil, standardDeviation: nil, median: nil, lowerQuartile: nil, upperQuartile: nil,
                minimum: nil, maximum: nil)
            return
        }
        let mean = Self._mean(sorted)
        var standardDeviation: Double?
        if n >= 2 {
            var squares = 0.0
            for x in sorted {
                let d = x - mean
                squares += d * d
            }
            standardDeviation = (squares / Double(n - 1)).squareRoot()
        }
        self.init(
            n: n, mean: mean, standardDeviation: standardDeviation, median: Self._median(sorted),
            lowerQuartile: Self._quantile7(sorted, probability: 0.25),
            upperQuartile: Self._quantile7(sorted, probability: 0.75), minimum: first, maximum: last)
    }

    /// R's `mean`: the sum over n, plus the mean of the residuals. `values` is non-empty.
    package static func _mean(_ values: [Double]) -> Double {
        let count = Double(values.count)
        var sum = 0.0
        var compensation = 0.0
        for x in values {
            let t = sum + x
            compensation += abs(sum) >= abs(x) ? (sum - t) + x : (x - t) + sum
            sum = t
        }
        let mean = (sum + compensation) / count
        guard mean.isFinite else { return mean }
        var residual = 0.0
        for x in values { residual += x - mean }
        return mean + residual / count
    }

    /// R's `median` on sorted, non-empty values: the middle value, or the mean of the two middle values.
    package static func _median(_ sorted: [Double]) -> Double {
        let n = sorted.count
        let half = (n + 1) / 2
        guard n % 2 == 0, half < n else { return sorted[half - 1] }
        return sorted[half - 1] / 2 + sorted[half] / 2
    }

    /// R's `quantile(x, p, type = 7)` on sorted, non-empty values, with R's arithmetic:
    /// index = 1 + (n − 1)·p, and (1 − h)·x₍ₗₒ₎ + h·x₍ₕᵢ₎ only when the index is fractional and the two
    /// order statistics differ.
    package static func _quantile7(_ sorted: [Double], probability p: Double) -> Double {
        let n = sorted.count
        let index = 1 + Double(max(n - 1, 0)) * p
        let lo = min(max(Int(index.rounded(.down)), 1), n)
        let hi = min(max(Int(index.rounded(.up)), 1), n)
        let qs = sorted[lo - 1]
        let xhi = sorted[hi - 1]
        guard index > Double(lo), xhi != qs else { return qs }
        let h = index - Double(lo)
        return (1 - h) * qs + h * xhi
    }
}
