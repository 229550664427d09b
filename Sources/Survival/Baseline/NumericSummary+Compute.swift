import NumericCore

extension NumericSummary {
    /// Summarises `values`, skipping NaN and infinite entries (R's `na.rm = TRUE` for NA).
    ///
    /// The mean is a compensated (Neumaier) sum divided by n, refined by the mean of the residuals as
    /// R's `mean` does; the SD is the two-pass formula around that mean, as R's `var`.
    /// - Parameter values: The values, in any order.
    /// - Complexity: O(n) expected (the order statistics by selection, ``OrderStatistics``), O(n log n) at worst.
    public init(summarizing values: [Double]) {
        let finite = values.filter(\.isFinite)
        let n = finite.count
        guard let first = finite.min(), let last = finite.max() else {
            self.init(
                n: 0, mean: nil, standardDeviation: nil, median: nil, lowerQuartile: nil, upperQuartile: nil,
                minimum: nil, maximum: nil)
            return
        }
        let mean = Self._mean(finite)
        var standardDeviation: Double?
        if n >= 2 {
            var squares = 0.0
            for x in finite {
                let d = x - mean
                squares += d * d
            }
            standardDeviation = (squares / Double(n - 1)).squareRoot()
        }
        // The order statistics the median and R's type-7 quartiles read, selected without a full sort.
        let ranks = Self._medianRanks(n) + Self._quantile7Ranks(n, probability: 0.25) + Self._quantile7Ranks(n, probability: 0.75)
        let selected = OrderStatistics.values(finite, at: ranks)
        let order = Dictionary(zip(ranks, selected), uniquingKeysWith: { a, _ in a })
        func at(_ rank: Int) -> Double { order[rank] ?? .nan }
        self.init(
            n: n, mean: mean, standardDeviation: standardDeviation, median: Self._median(n, at),
            lowerQuartile: Self._quantile7(n, probability: 0.25, at),
            upperQuartile: Self._quantile7(n, probability: 0.75, at), minimum: first, maximum: last)
    }

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
    /// The 0-based sorted positions the median of `n` values reads.
    package static func _medianRanks(_ n: Int) -> [Int] {
        let half = (n + 1) / 2
        return n % 2 == 0 && half < n ? [half - 1, half] : [max(half - 1, 0)]
    }

    /// The median of `n` values, `at(rank)` giving the value at a sorted position.
    package static func _median(_ n: Int, _ at: (Int) -> Double) -> Double {
        let half = (n + 1) / 2
        guard n % 2 == 0, half < n else { return at(max(half - 1, 0)) }
        return at(half - 1) / 2 + at(half) / 2
    }

    /// The 0-based sorted positions R's type-7 quantile at `p` of `n` values reads.
    package static func _quantile7Ranks(_ n: Int, probability p: Double) -> [Int] {
        let index = 1 + Double(max(n - 1, 0)) * p
        let lo = min(max(Int(index.rounded(.down)), 1), n)
        let hi = min(max(Int(index.rounded(.up)), 1), n)
        return [lo - 1, hi - 1]
    }

    /// R's type-7 quantile at `p` of `n` values, `at(rank)` giving the value at a sorted position.
    package static func _quantile7(_ n: Int, probability p: Double, _ at: (Int) -> Double) -> Double {
        let index = 1 + Double(max(n - 1, 0)) * p
        let lo = min(max(Int(index.rounded(.down)), 1), n)
        let hi = min(max(Int(index.rounded(.up)), 1), n)
        let qs = at(lo - 1)
        let xhi = at(hi - 1)
        guard index > Double(lo), xhi != qs else { return qs }
        let h = index - Double(lo)
        return (1 - h) * qs + h * xhi
    }
}
