import NumericCore

/// The Kaplan–Meier median of one bootstrap resample of a group, without building the resample: the
/// rows are sorted once, each replicate draws the same row indices as a resample would
/// (`Int.random(in: 0..<m)`, m times, from the caller's generator) and counts them per sorted row, and
/// one walk over the distinct times gives the curve `S *= (n − d) / n` with integer risk sets and R's
/// median rule (``KaplanMeierFit/firstBelowHalf(count:y:x:)``) on the times the resample holds.
///
/// The resample's curve and median are therefore the ones ``KaplanMeier/fit(time:event:start:weights:)``
/// gives on the drawn rows, to the last bit, in O(m) per replicate instead of a sort and a fit. It
/// applies when the time fix cannot merge anything in any resample: every gap between the group's
/// distinct times above the tolerance, absolutely and relative to the largest |time| (a resample's gaps
/// are no smaller and its mean |time| no larger); ``init(time:event:members:kaplanMeier:)`` returns nil
/// otherwise, and for entry times, and the caller fits each resample.
package struct BootstrapMedianSampler: Sendable {
    /// The number of rows (and of draws per replicate).
    let count: Int
    /// Sorted position of each member (by index in the member list).
    let position: [Int]
    /// Sorted times.
    let time: [Double]
    /// Sorted event flags.
    let event: [Bool]

    /// Prepares a group, or nil when the fast path does not apply.
    /// - Parameters:
    ///   - time: Every row's time.
    ///   - event: Every row's event flag.
    ///   - members: The group's rows.
    ///   - kaplanMeier: The fit settings (its time fix and its tolerance).
    package init?(time: [Double], event: [Bool], members: [Int], kaplanMeier: KaplanMeier) {
        let order = members.indices.sorted { (time[members[$0]], $0) < (time[members[$1]], $1) }
        let sortedTime = order.map { time[members[$0]] }
        guard sortedTime.allSatisfy(\.isFinite) else { return nil }
        if kaplanMeier.timeFix {
            let tolerance = TimeFix().tolerance
            let largest = sortedTime.reduce(0) { max($0, abs($1)) }
            for k in sortedTime.indices.dropFirst() where sortedTime[k] != sortedTime[k - 1] {
                let gap = sortedTime[k] - sortedTime[k - 1]
                guard gap > tolerance, largest == 0 || gap / largest > tolerance else { return nil }
            }
        }
        var position = [Int](repeating: 0, count: members.count)
        for (sorted, member) in order.enumerated() { position[member] = sorted }
        self.count = members.count
        self.position = position
        self.time = sortedTime
        self.event = order.map { event[members[$0]] }
    }

    /// The median of one resample (nil when not reached), drawing `count` indices from `generator`.
    /// - Complexity: O(count).
    package func median(using generator: inout SeededGenerator) -> Double? {
        guard count > 0 else { return nil }
        var drawn = [Int32](repeating: 0, count: count)
        for _ in 0..<count { drawn[position[Int.random(in: 0..<count, using: &generator)]] += 1 }
        let tolerance = KaplanMeierFit.quantileTolerance
        var remaining = count
        var s = 1.0
        var first: (time: Double, value: Double)?
        var k = 0
        while k < count {
            let t = time[k]
            var deaths = 0, present = 0
            while k < count, time[k] == t {
                let c = Int(drawn[k])
                present += c
                if event[k] { deaths += c }
                k += 1
            }
            guard present > 0 else { continue }
            if deaths > 0 {
                let n = Double(remaining), d = Double(deaths)
                s *= (n - d) / n
            }
            remaining -= present
            // R's minmin: the first value below 0.5 + tol; the midpoint with the next drop when it sits at 0.5.
            guard !s.isNaN, s < 0.5 + tolerance else { continue }
            guard let f = first else {
                first = (t, s)
                if abs(s - 0.5) >= tolerance { return t }
                continue
            }
            if s < f.value { return (f.time + t) / 2 }
        }
        return first?.time
    }
}
