/// Maps arbitrary integer labels (strata, clusters) to dense codes `0..<count` that keep the ascending
/// order of the labels. Internal.
package enum CoxCodes {
    /// Dense codes for `labels`.
    ///
    /// - Parameter labels: any integers.
    /// - Returns: per label its code, and the number of distinct labels.
    /// - Complexity: O(n) when the labels span less than `4 n + 1024` values, O(n log n) otherwise.
    package static func dense(_ labels: [Int]) -> (codes: [Int], count: Int) {
        guard let low = labels.min(), let high = labels.max() else { return ([], 0) }
        let (span, overflow) = high.subtractingReportingOverflow(low)
        if !overflow, span < 4 * labels.count + 1024 {
            var slot = [Int](repeating: -1, count: span + 1)
            for label in labels { slot[label &- low] = 0 }
            var next = 0
            for index in slot.indices where slot[index] == 0 {
                slot[index] = next
                next += 1
            }
            // Labels that are already 0..<count (every value present) are their own codes: no copy.
            if low == 0, next == slot.count { return (labels, next) }
            return (labels.map { slot[$0 &- low] }, next)
        }
        let distinct = Array(Set(labels)).sorted()
        var lookup: [Int: Int] = [:]
        lookup.reserveCapacity(distinct.count)
        for (code, label) in distinct.enumerated() { lookup[label] = code }
        return (labels.map { lookup[$0] ?? 0 }, distinct.count)
    }
}
