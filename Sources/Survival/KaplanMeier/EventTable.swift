/// Distinct times (ascending, after the optional near-tie rule) with the number of events and
/// censorings at each: the counting skeleton of the Kaplan–Meier fit. Internal.
package struct EventTable: Sendable {
    /// Distinct times, strictly increasing.
    package let times: [Double]
    /// Events at each time.
    package let eventCounts: [Int]
    /// Censorings at each time.
    package let censorCounts: [Int]

    /// Builds the table. `time` must be finite and `event.count == time.count` (checked by callers).
    /// Event times and censoring times are sorted separately (keys only, no index payload) and merged.
    /// - Complexity: O(n) radix sorts for large n (O(n log n) below 2,048 rows) plus O(n).
    /// - Parameter weights: optional positive frequency weights (validated by the caller, total weight
    ///   fits in `Int`); a row of weight w counts as w identical rows.
    package init(time: [Double], event: [Bool], weights: [Int]? = nil, timeFix: TimeFix?) {
        var eventTimes: [Double] = []
        var censorTimes: [Double] = []
        var eventWeights: [UInt64] = []
        var censorWeights: [UInt64] = []
        let eventTotal = event.reduce(0) { $1 ? $0 + 1 : $0 }
        eventTimes.reserveCapacity(eventTotal)
        censorTimes.reserveCapacity(time.count - eventTotal)
        for i in time.indices {
            if event[i] { eventTimes.append(time[i]) } else { censorTimes.append(time[i]) }
        }
        if let weights {
            for i in time.indices {
                let w = UInt64(truncatingIfNeeded: weights[i])
                if event[i] { eventWeights.append(w) } else { censorWeights.append(w) }
            }
        }
        let weighted = weights != nil
        let sortedEvents: [Double], sortedCensors: [Double]
        if weighted {
            let e = SurvivalOrder.sorted(eventTimes, payload: eventWeights)
            let c = SurvivalOrder.sorted(censorTimes, payload: censorWeights)
            (sortedEvents, eventWeights, sortedCensors, censorWeights) = (e.values, e.payload, c.values, c.payload)
        } else {
            sortedEvents = SurvivalOrder.sortedValues(eventTimes)
            sortedCensors = SurvivalOrder.sortedValues(censorTimes)
        }

        var times: [Double] = []
        var events: [Int] = []
        var censors: [Int] = []
        // Not reserved for n: the table is kept by the fit, and its distinct times are usually far fewer
        // than the rows (a reservation of n held 24 bytes a row per curve at the report's peak).
        var i = 0, j = 0
        let ne = sortedEvents.count, nc = sortedCensors.count
        while i < ne || j < nc {
            let t: Double
            if j >= nc || (i < ne && sortedEvents[i] <= sortedCensors[j]) { t = sortedEvents[i] } else {
                t = sortedCensors[j]
            }
            var d = 0, c = 0
            while i < ne, sortedEvents[i] == t {
                d += weighted ? Int(truncatingIfNeeded: eventWeights[i]) : 1
                i += 1
            }
            while j < nc, sortedCensors[j] == t {
                c += weighted ? Int(truncatingIfNeeded: censorWeights[j]) : 1
                j += 1
            }
            times.append(t)
            events.append(d)
            censors.append(c)
        }
        guard let rule = timeFix, rule.tolerance > 0, times.count > 1 else {
            self.times = times
            self.eventCounts = events
            self.censorCounts = censors
            return
        }
        let representative = rule.representatives(ofSortedDistinct: times)
        var m = 0
        for k in 0..<times.count {
            if k > 0, representative[k] == times[m - 1] {
                events[m - 1] += events[k]
                censors[m - 1] += censors[k]
            } else {
                times[m] = representative[k]
                events[m] = events[k]
                censors[m] = censors[k]
                m += 1
            }
        }
        times.removeLast(times.count - m)
        events.removeLast(events.count - m)
        censors.removeLast(censors.count - m)
        self.times = times
        self.eventCounts = events
        self.censorCounts = censors
    }
}
