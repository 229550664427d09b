/// Order statistics without a full sort: the k-th smallest values of an array by introselect
/// (quickselect with a median-of-three pivot that falls back to sorting the remaining range when the
/// partitions stop shrinking), so a median and quartiles of n values cost O(n) expected and O(n log n)
/// at worst, against O(n log n) always for `sorted()`.
package enum OrderStatistics {
    /// The values at the 0-based sorted positions `ranks` (any order, repeats allowed), as
    /// `values.sorted()[rank]` would give them. `values` must be free of NaN.
    /// - Parameters:
    ///   - values: The values (not changed; one copy is made).
    ///   - ranks: Positions in `0..<values.count`; others give NaN.
    /// - Returns: One value per rank, in the order of `ranks`.
    /// - Complexity: O(n · distinct ranks) expected, O(n log n) at worst.
    package static func values(_ values: [Double], at ranks: [Int]) -> [Double] {
        var work = values
        let wanted = Set(ranks.filter { $0 >= 0 && $0 < work.count }).sorted()
        var found: [Int: Double] = [:]
        var lower = 0
        for rank in wanted {
            select(&work, rank, from: lower, to: work.count)
            found[rank] = work[rank]
            lower = rank + 1
        }
        return ranks.map { found[$0] ?? .nan }
    }

    /// Puts the `k`-th smallest of `a[low..<high]` at `a[k]`, smaller or equal values before it and larger or
    /// equal after it, within the range.
    static func select(_ a: inout [Double], _ k: Int, from low: Int, to high: Int) {
        var (lo, hi) = (low, high - 1)
        var budget = 2 * (Int.bitWidth - max(high - low, 1).leadingZeroBitCount) + 4
        while lo < hi {
            if budget == 0 {
                a[lo...hi].sort()
                return
            }
            budget -= 1
            let mid = lo + (hi - lo) / 2
            // Median of three as the pivot.
            if a[mid] < a[lo] { a.swapAt(mid, lo) }
            if a[hi] < a[lo] { a.swapAt(hi, lo) }
            if a[hi] < a[mid] { a.swapAt(hi, mid) }
            let pivot = a[mid]
            var (i, j) = (lo, hi)
            while i <= j {
                while a[i] < pivot { i += 1 }
                while pivot < a[j] { j -= 1 }
                if i <= j {
                    a.swapAt(i, j)
                    i += 1
                    j -= 1
                }
            }
            if k <= j {
                hi = j
            } else if k >= i {
                lo = i
            } else {
                return
            }
        }
    }
}
