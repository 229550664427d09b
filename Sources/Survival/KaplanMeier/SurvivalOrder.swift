/// Sorting of finite times for the survival estimators: a least-significant-digit radix sort on
/// order-preserving 64-bit keys (11-bit digits, passes whose digit is the same for every key are
/// skipped), with the standard library sort for short inputs. Internal.
package enum SurvivalOrder {
    /// Below this count a comparison sort is cheaper than the radix passes.
    package static let radixThreshold = 2_048
    package static let digitBits: UInt64 = 11
    package static let bucketCount = 1 << 11
    package static let passCount = 6                     // 6 × 11 bits >= 64

    /// Row indices that put `times` in ascending order; equal times keep their input order.
    ///
    /// - Parameter times: finite values (NaN must be rejected by the caller; -0.0 sorts as 0.0).
    /// - Returns: a permutation of `0..<times.count`.
    /// - Complexity: O(n) for n >= `radixThreshold` (at most six passes), O(n log n) below.
    package static func ascending(_ times: [Double]) -> [Int] {
        let n = times.count
        if n < radixThreshold {
            return Array(0..<n).sorted { lhs, rhs in
                let a = times[lhs] + 0.0, b = times[rhs] + 0.0
                return a < b || (a == b && lhs < rhs)
            }
        }
        var keys = times.map(sortKey)
        var order = (0..<n).map { UInt64(truncatingIfNeeded: $0) }
        radixSort(&keys, payload: &order)
        return order.map { Int(truncatingIfNeeded: $0) }
    }

    /// The values of `times` in ascending order (-0.0 becomes 0.0).
    /// - Complexity: O(n) for n >= `radixThreshold`, O(n log n) below.
    package static func sortedValues(_ times: [Double]) -> [Double] {
        if times.count < radixThreshold { return times.map { $0 + 0.0 }.sorted() }
        var keys = times.map(sortKey)
        var none: [UInt64] = []
        radixSort(&keys, payload: &none)
        return keys.map(value(ofKey:))
    }

    /// Sorts finite `times` ascending, carrying one 64-bit payload per value (stable).
    /// - Returns: the sorted values (-0.0 as 0.0) and the payloads in the same order.
    /// - Complexity: O(n) for n >= `radixThreshold`, O(n log n) below.
    package static func sorted(_ times: [Double], payload: [UInt64]) -> (values: [Double], payload: [UInt64]) {
        if times.count < radixThreshold {
            let order = ascending(times)
            return (order.map { times[$0] + 0.0 }, order.map { payload[$0] })
        }
        var keys = times.map(sortKey)
        var carried = payload
        radixSort(&keys, payload: &carried)
        return (keys.map(value(ofKey:)), carried)
    }

    /// Stable LSD radix sort of `keys`, applying the same permutation to `payload` when it is not empty
    /// (then `payload.count == keys.count`).
    package static func radixSort(_ keys: inout [UInt64], payload: inout [UInt64]) {
        let n = keys.count
        guard n > 1 else { return }
        let carry = payload.count == n
        let mask = UInt64(bucketCount - 1)
        var counts = [Int](repeating: 0, count: passCount * bucketCount)
        counts.withUnsafeMutableBufferPointer { c in
            keys.withUnsafeBufferPointer { k in
                for key in k {
                    var shifted = key
                    for pass in 0..<passCount {
                        c[pass * bucketCount + Int(shifted & mask)] += 1
                        shifted >>= digitBits
                    }
                }
            }
        }
        var keysOut = [UInt64](repeating: 0, count: n)
        var payloadOut = [UInt64](repeating: 0, count: carry ? n : 0)
        var offsets = [Int](repeating: 0, count: bucketCount)
        for pass in 0..<passCount {
            let base = pass * bucketCount
            let shift = UInt64(pass) * digitBits
            // A digit shared by every key does not reorder anything.
            if counts[base + Int((keys[0] >> shift) & mask)] == n { continue }
            var running = 0
            for digit in 0..<bucketCount {
                offsets[digit] = running
                running += counts[base + digit]
            }
            // Without a payload both payload buffers are empty and never indexed.
            offsets.withUnsafeMutableBufferPointer { o in
                keys.withUnsafeBufferPointer { k in
                    keysOut.withUnsafeMutableBufferPointer { ko in
                        payload.withUnsafeBufferPointer { p in
                            payloadOut.withUnsafeMutableBufferPointer { po in
                                for i in 0..<n {
                                    let key = k[i]
                                    let digit = Int((key >> shift) & mask)
                                    let slot = o[digit]
                                    o[digit] = slot + 1
                                    ko[slot] = key
                                    if carry { po[slot] = p[i] }
                                }
                            }
                        }
                    }
                }
            }
            swap(&keys, &keysOut)
            if carry { swap(&payload, &payloadOut) }
        }
    }

    /// Maps a finite double to an unsigned key with the same order (-0.0 and 0.0 map to the same key).
    @inline(__always)
    package static func sortKey(_ value: Double) -> UInt64 {
        let bits = (value + 0.0).bitPattern
        return bits & (1 << 63) != 0 ? ~bits : bits | (1 << 63)
    }

    /// Inverse of `sortKey`.
    @inline(__always)
    package static func value(ofKey key: UInt64) -> Double {
        Double(bitPattern: key & (1 << 63) != 0 ? key & ~(1 << 63) : ~key)
    }
}
