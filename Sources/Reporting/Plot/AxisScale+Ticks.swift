import Foundation

extension AxisScale {
    /// Steps tried for day axes spanning 2 to about 27 weeks.
    package static let weekSteps: [Double] = [7, 14, 28, 56]
    /// Mantissas per decade tried for log ticks, sparse to dense.
    package static let logMantissas: [[Double]] = [[1], [1, 2, 5], [1, 2, 3, 5], [1, 1.5, 2, 3, 5, 7]]

    /// Readable tick values inside the domain, ascending.
    ///
    /// - Linear: multiples of a 1-2-5 step (…, 0.2, 0.5, 1, 2, 5, 10, …) giving about `targetCount`
    ///   ticks; with `prefersWeeks` and a span of 14 to 190, multiples of 7, 14, 28 or 56 instead.
    /// - Log: 1, 2, 5 (or denser 1, 2, 3, 5 / 1, 1.5, 2, 3, 5, 7) times powers of ten, or every k-th
    ///   power of ten for wide domains; a domain too narrow for those gets linear 1-2-5 ticks.
    ///
    /// - Parameter targetCount: About how many ticks to return (clamped to 2...20).
    /// - Returns: The ticks; at least one for any domain, at most 1,001.
    /// - Complexity: O(number of ticks).
    public func ticks(targetCount: Int = 6) -> [Double] {
        let target = min(max(targetCount, 2), 20)
        switch kind {
        case .linear:
            return Self.multiples(of: linearStep(target: target), lower: lower, upper: upper)
        case .log10:
            return logTicks(target: target)
        }
    }

    /// Labels for `ticks`: fixed decimals chosen from the tick spacing on a linear scale ("0.0", "0.2",
    /// …, "1.0"; "0", "14", "28"), up to 3 significant digits on a log scale ("0.5", "1", "2").
    /// - Parameter ticks: Tick values, as returned by ``ticks(targetCount:)``.
    /// - Returns: One label per tick ("" for a non-finite value).
    public func tickLabels(_ ticks: [Double]) -> [String] {
        switch kind {
        case .log10:
            return ticks.map { SVGNumber.general($0) ?? "" }
        case .linear:
            var step = Double.infinity
            for (a, b) in zip(ticks, ticks.dropFirst()) where b - a > 0 { step = min(step, b - a) }
            var decimals = 0
            if step.isFinite, step > 0 {
                decimals = min(max(Int((-log10(step) - 1e-9).rounded(.up)), 0), 10)
            }
            return ticks.map { SVGNumber.fixed($0, decimals: decimals) ?? "" }
        }
    }

    /// This scale with its domain widened outwards to the nearest ticks (linear: multiples of the tick
    /// step; log: the nearest 1-2-5 values), so that the axis starts and ends on a labelled tick.
    /// - Parameter targetCount: As for ``ticks(targetCount:)``.
    /// - Returns: The widened scale, with the same pixel range.
    public func niceExtended(targetCount: Int = 6) -> AxisScale {
        let target = min(max(targetCount, 2), 20)
        var low = lower, high = upper
        switch kind {
        case .linear:
            let step = linearStep(target: target)
            if step > 0, step.isFinite {
                low = (lower / step + 1e-9).rounded(.down) * step
                high = (upper / step - 1e-9).rounded(.up) * step
            }
        case .log10:
            let candidates = Self.logValues(mantissas: [1, 2, 5], lower: lower / 10, upper: upper * 10)
            low = candidates.last { $0 <= lower * (1 + 1e-9) } ?? lower
            high = candidates.first { $0 >= upper * (1 - 1e-9) } ?? upper
        }
        return AxisScale(kind: kind, lower: low, upper: high, rangeStart: rangeStart, rangeEnd: rangeEnd,
                         prefersWeeks: prefersWeeks)
    }

    /// The linear tick step: a week multiple for short day axes, else 1, 2 or 5 times a power of ten.
    package func linearStep(target: Int) -> Double {
        let span = upper - lower
        guard span > 0, span.isFinite else { return 1 }
        if prefersWeeks, span >= 14, span <= 190 {
            for step in Self.weekSteps where Self.count(step: step, lower: lower, upper: upper) <= target + 1 {
                return step
            }
        }
        let raw = span / Double(target)
        let magnitude = pow(10, (log10(raw)).rounded(.down))
        guard magnitude > 0, magnitude.isFinite else { return span }
        for m in [1.0, 2, 5, 10] where m * magnitude >= raw * (1 - 1e-9) {
            return m * magnitude
        }
        return 10 * magnitude
    }

    /// Log ticks: the sparsest mantissa set giving at least `target / 2 + 1` ticks (and no more than
    /// `target + 2`), every k-th decade when even single decades are too many, linear ticks when too few.
    package func logTicks(target: Int) -> [Double] {
        let maxCount = target + 2
        let wanted = target / 2 + 1
        var best: [Double] = []
        for mantissas in Self.logMantissas {
            let candidate = Self.logValues(mantissas: mantissas, lower: lower, upper: upper)
            if candidate.count > maxCount { break }
            best = candidate
            if candidate.count >= wanted { break }
        }
        if best.isEmpty {
            // Too many decades: every k-th power of ten.
            let lowExponent = log10(lower).rounded(.up), highExponent = log10(upper).rounded(.down)
            let decades = max(highExponent - lowExponent + 1, 1)
            let k = (decades / Double(maxCount)).rounded(.up)
            let first = (lowExponent / k).rounded(.up), last = (highExponent / k).rounded(.down)
            guard last >= first, last - first <= 1000 else { return [lower] }
            return stride(from: first, through: last, by: 1).map { pow(10, $0 * k) }
        }
        if best.count < 3 {
            let linear = AxisScale(kind: .linear, lower: lower, upper: upper, rangeStart: rangeStart,
                                   rangeEnd: rangeEnd)
            let values = linear.ticks(targetCount: target).filter { $0 > 0 }
            if values.count > best.count { return values }
        }
        return best.isEmpty ? [lower] : best
    }

    /// Multiples of `step` in [lower, upper], rounded to the step's decimals; at most 1,001.
    package static func multiples(of step: Double, lower: Double, upper: Double) -> [Double] {
        guard step > 0, step.isFinite else { return [lower] }
        let first = (lower / step - 1e-9).rounded(.up), last = (upper / step + 1e-9).rounded(.down)
        guard first.isFinite, last.isFinite, last >= first, last - first <= 1000 else { return [lower] }
        // Round k·step to the step's decimals (0.30000000000000004 -> 0.3) when that is exact enough.
        let decimals = Int((-log10(step)).rounded(.up)) + 1
        let scale = decimals >= 0 && decimals <= 12 ? pow(10, Double(decimals)) : 0
        return stride(from: first, through: last, by: 1).map { k in
            let value = k * step
            let rounded = scale > 0 ? (value * scale).rounded() / scale : value
            let clean = rounded.isFinite ? rounded : value
            return abs(clean) < step * 1e-9 ? 0 : clean
        }
    }

    /// Number of multiples of `step` in [lower, upper].
    package static func count(step: Double, lower: Double, upper: Double) -> Int {
        let first = (lower / step - 1e-9).rounded(.up), last = (upper / step + 1e-9).rounded(.down)
        guard first.isFinite, last.isFinite, last >= first else { return 0 }
        return last - first > 1e6 ? 1_000_001 : Int(last - first) + 1
    }

    /// Values m·10^e (m in `mantissas`) inside [lower, upper] (relative slack 1e-9), ascending.
    package static func logValues(mantissas: [Double], lower: Double, upper: Double) -> [Double] {
        guard lower > 0, upper >= lower, lower.isFinite, upper.isFinite else { return [] }
        let lowExponent = log10(lower).rounded(.down), highExponent = log10(upper).rounded(.up)
        guard highExponent - lowExponent <= 700 else { return [] }
        var values: [Double] = []
        for e in stride(from: lowExponent, through: highExponent, by: 1) {
            let power = pow(10, e)
            for m in mantissas {
                let value = m * power
                if value >= lower * (1 - 1e-9), value <= upper * (1 + 1e-9) { values.append(value) }
            }
        }
        return values
    }
}
