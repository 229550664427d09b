extension KaplanMeierFit {
    /// Tolerance of R's quantile and median rules, `sqrt(.Machine$double.eps)`.
    package static let quantileTolerance: Double = Double.ulpOfOne.squareRoot()

    /// The survival-time quantile for probability `p`, exactly as `quantile.survfit` (R's `findq`).
    ///
    /// The curve is read as the points `(0, 0), (t_j, 1 - S(t_j))`. The quantile is the first time at
    /// which `1 - S >= p`; when `1 - S` equals `p` (within tol = 1.49e-8) on a flat segment, it is the
    /// midpoint of that segment: `(t_start + t_end) / 2`, where `t_end` is the next time the curve drops,
    /// or the last observed time when the curve never drops again. `p = 0` gives 0. The limits are the
    /// same rule applied to `1 - upper` (gives `upper`) and `1 - lower` (gives `lower`); a curve that
    /// never reaches `p` gives nil ("not reached").
    ///
    /// - Parameter probability: p in [0, 1] (0.5 = median). Outside [0, 1] or NaN gives all-nil.
    /// - Returns: the quantile and its confidence limits.
    /// - Complexity: O(m log m) for m distinct times.
    public func quantile(_ probability: Double) -> QuantileEstimate {
        guard probability >= 0, probability <= 1 else {
            return QuantileEstimate(probability: probability, estimate: nil, lower: nil, upper: nil)
        }
        let tol = Self.quantileTolerance
        let count = times.count + 1
        let x: (Int) -> Double = { $0 == 0 ? 0 : self.times[$0 - 1] }
        // The points (0, 0), (t_j, 1 - curve_j), as R's c(firstx, time), c(0, 1 - surv).
        let point = Self.findQuantile(count: count, x: x, y: { $0 == 0 ? 0 : 1 - self.survival[$0 - 1] },
                                      p: probability, tolerance: tol)
        let fromLower = Self.findQuantile(count: count, x: x, y: { $0 == 0 ? 0 : self.lower[$0 - 1].map { 1 - $0 } },
                                          p: probability, tolerance: tol)
        let fromUpper = Self.findQuantile(count: count, x: x, y: { $0 == 0 ? 0 : self.upper[$0 - 1].map { 1 - $0 } },
                                          p: probability, tolerance: tol)
        return QuantileEstimate(probability: probability, estimate: point, lower: fromLower, upper: fromUpper)
    }

    /// The median with its confidence limits exactly as `print.survfit` reports them (R's `survmean`).
    ///
    /// The median is the first time with `S(t) < 0.5 + tol`; if S equals 0.5 there (within tol) and the
    /// curve drops later, it is the midpoint between that time and the time of the next drop. `0.95LCL`
    /// and `0.95UCL` are the same rule on the lower and upper curves. Not reached gives nil. This differs
    /// from `quantile(0.5)` only when S ends exactly at 0.5 (then `quantile` averages with the last time).
    ///
    /// - Complexity: O(m).
    public var median: QuantileEstimate {
        let count = times.count
        let x: (Int) -> Double = { self.times[$0] }
        return QuantileEstimate(
            probability: 0.5, estimate: Self.firstBelowHalf(count: count, y: { self.survival[$0] }, x: x),
            lower: Self.firstBelowHalf(count: count, y: { self.lower[$0] }, x: x),
            upper: Self.firstBelowHalf(count: count, y: { self.upper[$0] }, x: x))
    }

    /// R's `minmin(y, x)` from `survmean`.
    package static func firstBelowHalf(count: Int, y: (Int) -> Double?, x: (Int) -> Double) -> Double? {
        let tol = quantileTolerance
        var first: (index: Int, value: Double)? = nil
        for i in 0..<count {
            guard let value = y(i), !value.isNaN, value < 0.5 + tol else { continue }
            guard let f = first else {
                first = (i, value)
                continue
            }
            // A later kept value below the first one: midpoint rule when the first sits at 0.5.
            if value < f.value {
                if abs(f.value - 0.5) < tol { return (x(f.index) + x(i)) / 2 }
                return x(f.index)
            }
        }
        guard let f = first else { return nil }
        return x(f.index)
    }

    /// R's `findq(x, y, p, tol)` from `quantile.survfit` on arrays; y may contain NA (nil).
    /// - Complexity: O(m) when the non-NA y values are nondecreasing, else O(m log m).
    package static func findQuantile(x: [Double], y: [Double?], p: Double, tolerance tol: Double) -> Double? {
        findQuantile(count: Swift.min(x.count, y.count), x: { x[$0] }, y: { y[$0] }, p: p, tolerance: tol)
    }

    /// R's `findq` on the points `(x(i), y(i))`, `i < count`, read through accessors (no copies).
    /// - Complexity: O(m) when the non-NA y values are nondecreasing (always for `1 - S`), else
    ///   O(m log m).
    package static func findQuantile(count: Int, x: (Int) -> Double, y: (Int) -> Double?, p: Double,
                             tolerance tol: Double) -> Double? {
        guard count > 0 else { return nil }
        if let result = findQuantileMonotone(count: count, x: x, y: y, p: p, tolerance: tol) { return result }
        let xs = (0..<count).map(x)
        let ys = (0..<count).map(y)
        var maxY = -Double.infinity
        for case let value? in ys where !value.isNaN && value > maxY { maxY = value }
        guard maxY >= p, let xmax = xs.last else { return nil }
        return findQuantileGeneral(x: xs, y: ys, p: p, tolerance: tol, xmax: xmax)
    }

    /// `findq` for any y (after the `max(y) < p` check): R's steps literally, with a sort in `approx`.
    /// - Complexity: O(m log m).
    package static func findQuantileGeneral(x: [Double], y: [Double?], p: Double, tolerance tol: Double,
                                    xmax: Double) -> Double? {
        // Drop duplicated y values (keep the first; NA counts as one value).
        var xs: [Double] = []
        var ys: [Double?] = []
        var seen = Set<UInt64>()
        var seenMissing = false
        for i in y.indices where i < x.count {
            if let value = y[i], !value.isNaN {
                if seen.insert((value + 0.0).bitPattern).inserted {
                    xs.append(x[i])
                    ys.append(value)
                }
            } else if !seenMissing {
                seenMissing = true
                xs.append(x[i])
                ys.append(nil)
            }
        }
        let n = ys.count
        let index1 = approxConstantIndex(ys.map { $0.map { $0 + tol } }, at: p)
        let index2 = approxConstantIndex(ys.map { $0.map { $0 - tol } }, at: p)
        var quantile: Double? = nil
        if let i1 = index1, let i2 = index2, i1 >= 1, i2 >= 1, i1 <= n, i2 <= n {
            quantile = (xs[i1 - 1] + xs[i2 - 1]) / 2
        }
        if p == 0 { quantile = xs.first }
        if n > 0, let last = ys[n - 1], abs(p - last) < tol {
            if let i1 = index1, i1 >= 1, i1 <= n {
                quantile = (xs[i1 - 1] + xmax) / 2
            } else {
                quantile = nil
            }
        }
        return quantile
    }

    /// `findq` for nondecreasing non-NA y in one pass: after R's `duplicated` step the knots `y ± tol` are
    /// increasing in order, so `approx(..., method = "constant", f = 1)` picks the first kept point whose
    /// knot is `>= p` (NA when `p` lies outside the knots), and `max(y)` is the last kept value.
    /// Returns nil (outer) when y is not monotone.
    package static func findQuantileMonotone(count: Int, x: (Int) -> Double, y: (Int) -> Double?, p: Double,
                                     tolerance tol: Double) -> Double?? {
        var previous = -Double.infinity
        var sawValue = false
        var sawMissing = false
        var lastKeptIsMissing = false
        var firstKnotPlus = Double.nan, firstKnotMinus = Double.nan
        var pickPlus: Double? = nil, pickMinus: Double? = nil
        for i in 0..<count {
            guard let value = y(i), !value.isNaN else {
                if !sawMissing {
                    sawMissing = true
                    lastKeptIsMissing = true
                }
                continue
            }
            if sawValue {
                if value < previous { return nil }          // not monotone: use the general path
                if value == previous { continue }            // duplicated(): dropped
            } else {
                firstKnotPlus = value + tol
                firstKnotMinus = value - tol
            }
            sawValue = true
            previous = value
            lastKeptIsMissing = false
            if pickPlus == nil, value + tol >= p { pickPlus = x(i) }
            if pickMinus == nil, value - tol >= p { pickMinus = x(i) }
        }
        // R: max(y, na.rm = TRUE) < p gives NA (all-NA y gives -Inf).
        guard sawValue, previous >= p else { return .some(nil) }
        let xmax = x(count - 1)
        let lastKnotPlus = previous + tol, lastKnotMinus = previous - tol
        let index1 = p < firstKnotPlus || p > lastKnotPlus ? nil : pickPlus
        let index2 = p < firstKnotMinus || p > lastKnotMinus ? nil : pickMinus
        var quantile: Double? = nil
        if let a = index1, let b = index2 { quantile = (a + b) / 2 }
        if p == 0 { quantile = x(0) }
        if !lastKeptIsMissing, abs(p - previous) < tol {
            quantile = index1.map { ($0 + xmax) / 2 }
        }
        return .some(quantile)
    }

    /// `approx(knots, 1:n, v, method = "constant", f = 1)$y` truncated to an integer index (1-based), as R
    /// then uses it to subscript; knots that are NA are dropped, tied knots average their indices.
    package static func approxConstantIndex(_ knots: [Double?], at v: Double) -> Int? {
        var pairs: [(x: Double, index: Double)] = []
        pairs.reserveCapacity(knots.count)
        for (i, knot) in knots.enumerated() {
            if let k = knot, !k.isNaN { pairs.append((k, Double(i + 1))) }
        }
        guard !pairs.isEmpty, !v.isNaN else { return nil }
        pairs.sort { $0.x < $1.x || ($0.x == $1.x && $0.index < $1.index) }
        var xs: [Double] = []
        var ys: [Double] = []
        var start = 0
        while start < pairs.count {
            var end = start + 1
            var sum = pairs[start].index
            while end < pairs.count, pairs[end].x == pairs[start].x {
                sum += pairs[end].index
                end += 1
            }
            xs.append(pairs[start].x)
            ys.append(sum / Double(end - start))
            start = end
        }
        var i = 0, j = xs.count - 1
        if v < xs[i] || v > xs[j] { return nil }
        while i < j - 1 {
            let mid = (i + j) / 2
            if v < xs[mid] { j = mid } else { i = mid }
        }
        let value: Double
        if v == xs[j] { value = ys[j] } else if v == xs[i] { value = ys[i] } else { value = ys[j] }
        return Int(value.rounded(.towardZero))
    }
}
