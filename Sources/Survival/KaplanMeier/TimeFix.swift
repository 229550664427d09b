/// R's `aeqSurv` rule for near-tied times (survival >= 3.0, `timefix = TRUE`, the default of `survfit`,
/// `survdiff` and `coxph`).
///
/// Floating-point times that differ only by rounding noise (e.g. `1/3 + 1/3` vs `2/3`, or days computed
/// from timestamps) would otherwise be distinct times and change the Kaplan–Meier estimate and the
/// log-rank test. The rule, exactly as `survival:::aeqSurv`:
///
/// 1. Let `y` be the sorted distinct finite times and `m = mean(|y|)` (the mean over the *distinct*
///    values).
/// 2. Consecutive distinct values are *tied* when `Δ = y[i] - y[i-1]` satisfies `Δ <= tol` (absolute) or
///    `Δ / m <= tol` (relative), with `tol = sqrt(Double.ulpOfOne)` ≈ 1.49e-8 (R's
///    `sqrt(.Machine$double.eps)`).
/// 3. A tied run is replaced by its *first (smallest)* member. Ties chain: `3`, `3 + 6e-8`, `3 + 1.2e-7`
///    all become `3` when each step is tied, even though the ends differ by more than the tolerance.
///
/// A tolerance `<= 0` leaves the times unchanged (as R).
public struct TimeFix: Sendable, Equatable {
    /// R's default tolerance, `sqrt(.Machine$double.eps)` = 1.4901161193847656e-08.
    public static let defaultTolerance: Double = Double.ulpOfOne.squareRoot()

    /// Tolerance used for both the absolute and the relative comparison.
    public var tolerance: Double

    /// Creates the rule with a tolerance (default R's `sqrt(.Machine$double.eps)`).
    /// - Parameter tolerance: the tie tolerance; `<= 0` disables the rule.
    public init(tolerance: Double = TimeFix.defaultTolerance) {
        self.tolerance = tolerance
    }

    /// Returns `times` with near-tied values made identical, as `aeqSurv(Surv(times, status))[, 1]`.
    ///
    /// - Parameter times: finite times, in any order.
    /// - Returns: the same number of times, in the input order, each replaced by the first value of its
    ///   tied run.
    /// - Throws: `StatModelError.nonFiniteValue` for a NaN or infinite time, `.invalidArgument` for a
    ///   non-finite tolerance.
    /// - Complexity: O(n log n) for n times (one sort).
    public func apply(to times: [Double]) throws(StatModelError) -> [Double] {
        try check(times)
        guard tolerance > 0, times.count > 1 else { return times }
        var firsts: [Int] = []
        return fixed(times, order: SurvivalOrder.ascending(times), firsts: &firsts).times
    }

    /// ``apply(to:)`` and the row indices that put the fixed times in ascending order, equal fixed times
    /// in row order (exactly `SurvivalOrder.ascending` of the result), from one sort of the times.
    ///
    /// - Parameter times: finite times, in any order.
    /// - Returns: the fixed times (input order) and their stable ascending order.
    /// - Throws: As ``apply(to:)``.
    /// - Complexity: O(n) for the radix sort, plus O(k log k) for each tied run of k rows that held
    ///   several distinct times.
    package func applySorting(_ times: [Double]) throws(StatModelError) -> (times: [Double], order: [Int]) {
        try check(times)
        var order = SurvivalOrder.ascending(times)
        guard tolerance > 0, times.count > 1 else { return (times, order) }
        var firsts: [Int] = []
        let (result, representative) = fixed(times, order: order, firsts: &firsts)
        // Along `order` the fixed times do not decrease; a run of equal fixed times that merged several
        // distinct times is in order of those times, and the stable order wants it in row order. Runs are
        // found among the distinct times (`firsts[d]`: where distinct time d starts in `order`).
        var d = 1
        while d < representative.count {
            guard representative[d] == representative[d - 1] else {
                d += 1
                continue
            }
            let first = d - 1
            while d < representative.count, representative[d] == representative[first] { d += 1 }
            let end = d < firsts.count ? firsts[d] : order.count
            order[firsts[first]..<end].sort()
        }
        return (result, order)
    }

    /// Refuses a non-finite tolerance or time.
    private func check(_ times: [Double]) throws(StatModelError) {
        let context = "TimeFix.apply"
        guard tolerance.isFinite else {
            throw .invalidArgument(context: context, message: "tolerance must be finite, got \(tolerance).")
        }
        for (index, value) in times.enumerated() where !value.isFinite {
            throw .nonFiniteValue(context: context, argument: "times", index: index)
        }
    }

    /// The fixed times, given the ascending order of `times` (tolerance > 0, at least two times), and
    /// the representative of each distinct time; `firsts` receives where each distinct time starts in
    /// `order`.
    private func fixed(_ times: [Double], order: [Int], firsts: inout [Int]) -> (times: [Double], representative: [Double]) {
        var distinct: [Double] = []
        distinct.reserveCapacity(min(times.count, 1 << 16))
        firsts.reserveCapacity(min(times.count, 1 << 16))
        for (position, index) in order.enumerated() {
            let value = times[index]
            if let last = distinct.last, last == value { continue }
            distinct.append(value)
            firsts.append(position)
        }
        let representative = representatives(ofSortedDistinct: distinct)
        var result = times
        var position = -1
        var previous = Double.nan
        for index in order {
            let value = times[index]
            if position < 0 || value != previous {
                position += 1
                previous = value
            }
            result[index] = representative[position]
        }
        return (result, representative)
    }

    /// For strictly increasing finite values, the value each one is replaced by (the first of its run).
    ///
    /// - Parameter values: strictly increasing, finite.
    /// - Returns: an array of the same length; equal entries mark one tied run.
    /// - Complexity: O(m).
    package func representatives(ofSortedDistinct values: [Double]) -> [Double] {
        guard tolerance > 0, values.count > 1 else { return values }
        let meanAbs = Self.meanAbsolute(values)
        var result = values
        var cut = values[0]
        for i in 1..<values.count {
            let delta = values[i] - values[i - 1]
            let tied = delta <= tolerance || delta / meanAbs <= tolerance
            if !tied { cut = values[i] }
            result[i] = cut
        }
        return result
    }

    /// Mean of |x| with compensated summation (R's `mean` accumulates in long double).
    package static func meanAbsolute(_ values: [Double]) -> Double {
        var sum = 0.0
        var compensation = 0.0
        for value in values {
            let y = abs(value) - compensation
            let t = sum + y
            compensation = (t - sum) - y
            sum = t
        }
        return sum / Double(values.count)
    }
}
