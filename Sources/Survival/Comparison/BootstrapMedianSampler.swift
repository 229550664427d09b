import NumericCore

/// The Kaplan–Meier median of one bootstrap resample of a group, without building the resample.
///
/// A resample of m rows drawn with replacement is, for the curve, only its counts of events and of
/// censored rows at each distinct time: a multinomial draw of m over those cells with probabilities
/// proportional to the cells' sizes. The sampler draws them time by time in increasing order
/// (``RandomVariates/multinomial(count:sizes:using:)``, events before censored rows at each time),
/// runs `S *= (n − d) / n` with integer risk sets as it goes, and stops at R's median rule
/// (``KaplanMeierFit/firstBelowHalf(count:y:x:)``): O(cells up to the median) per replicate, not O(m).
///
/// The curve and median are the ones ``KaplanMeier/fit(time:event:start:weights:)`` gives on a resample
/// holding those counts, to the last bit. It applies when the time fix cannot merge anything in any
/// resample: every gap between the group's distinct times above the tolerance, absolutely and relative
/// to the largest |time| (a resample's gaps are no smaller and its mean |time| no larger);
/// ``init(time:event:members:kaplanMeier:)`` returns nil otherwise, and the caller fits each resample.
package struct BootstrapMedianSampler: Sendable {
    /// The number of rows (and of draws per replicate).
    let count: Int
    /// The distinct times, increasing.
    package let time: [Double]
    /// Rows with an event at each distinct time.
    let events: [Int]
    /// Censored rows at each distinct time.
    let censored: [Int]

    /// Prepares a group, or nil when the fast path does not apply (a non-finite time, or times the
    /// time fix could merge).
    /// - Parameters:
    ///   - time: Every row's time.
    ///   - event: Every row's event flag.
    ///   - members: The group's rows.
    ///   - kaplanMeier: The fit settings (its time fix and its tolerance).
    /// - Complexity: O(m log m) for m members.
    package init?(time: [Double], event: [Bool], members: [Int], kaplanMeier: KaplanMeier) {
        guard members.allSatisfy({ time[$0].isFinite }) else { return nil }
        let order = members.sorted { time[$0] < time[$1] }
        var distinct: [Double] = [], events: [Int] = [], censored: [Int] = []
        for row in order {
            let t = time[row]
            if distinct.last != t {
                distinct.append(t)
                events.append(0)
                censored.append(0)
            }
            if event[row] { events[events.count - 1] += 1 } else { censored[censored.count - 1] += 1 }
        }
        if kaplanMeier.timeFix {
            let tolerance = TimeFix().tolerance
            let largest = distinct.reduce(0) { max($0, abs($1)) }
            for k in distinct.indices.dropFirst() {
                let gap = distinct[k] - distinct[k - 1]
                guard gap > tolerance, largest == 0 || gap / largest > tolerance else { return nil }
            }
        }
        self.count = members.count
        self.time = distinct
        self.events = events
        self.censored = censored
    }

    /// The cell sizes in draw order: events then censored rows at each distinct time.
    package var sizes: [Int] { zip(events, censored).flatMap { [$0, $1] } }

    /// The median of one resample (nil when not reached), drawing its cell counts from `generator`.
    /// - Complexity: O(k) expected for the k distinct times up to the median.
    package func median(using generator: inout SeededGenerator) -> Double? {
        guard count > 0 else { return nil }
        let tolerance = KaplanMeierFit.quantileTolerance
        var remaining = count  // the resample's risk set: draws not yet placed at earlier times
        var pool = count  // the group's rows at this time and later
        var s = 1.0
        var first: (time: Double, value: Double)?
        for k in time.indices {
            let deaths = RandomVariates.multinomialCell(events[k], pool: &pool, left: remaining, using: &generator)
            let lost = RandomVariates.multinomialCell(censored[k], pool: &pool, left: remaining - deaths, using: &generator)
            let atRisk = remaining
            remaining -= deaths + lost
            guard deaths + lost > 0 else { continue }
            if deaths > 0 {
                let n = Double(atRisk), d = Double(deaths)
                s *= (n - d) / n
            }
            // R's minmin: the first value below 0.5 + tol; the midpoint with the next drop when it sits at 0.5.
            guard !s.isNaN, s < 0.5 + tolerance else { continue }
            guard let f = first else {
                first = (time[k], s)
                if abs(s - 0.5) >= tolerance { return time[k] }
                continue
            }
            if s < f.value { return (f.time + time[k]) / 2 }
        }
        return first?.time
    }
}
