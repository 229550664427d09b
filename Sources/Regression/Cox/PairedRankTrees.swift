/// Two weight tallies over ranks `1...size` (for the concordance: everyone passed so far, and the
/// events passed so far), each answering "weight below / at / above rank r".
///
/// Each tally is a Fenwick (binary indexed) tree over blocks of 16 consecutive ranks plus the per-rank
/// weights; the per-rank weights and the block trees of the two tallies are interleaved, so the usual
/// pattern of touching both tallies at the same rank costs the cache misses of one. The block trees are small enough to stay in
/// cache. An update or query costs O(log(size / 16)) cached steps, one access to the per-rank array and
/// a scan of at most 15 neighbouring ranks. Internal.
package struct PairedRankTrees: Sendable {
    /// Which tally.
    package enum Tally: Int, Sendable {
        case everyone = 0
        case events = 1
    }

    private static let blockShift = 4
    /// Block trees, tally t of block node i at `2 i + t`.
    private var blocks: [Double]
    /// Per-rank weights, tally t of rank r at `2 r + t`.
    private var single: [Double]
    private let blockCapacity: Int
    private var blockCount: Int
    private var totals = (0.0, 0.0)

    /// Empty tallies with room for ranks `1...capacity`.
    package init(capacity: Int) {
        blockCapacity = (capacity >> Self.blockShift) + 1
        blockCount = blockCapacity
        blocks = [Double](repeating: 0, count: 2 * (blockCapacity + 1))
        single = [Double](repeating: 0, count: 2 * (capacity + 1))
    }

    /// The total weight of a tally.
    package func total(_ tally: Tally) -> Double { tally == .everyone ? totals.0 : totals.1 }

    /// Empties both tallies and restricts them to ranks `1...size` (`size <= capacity`).
    /// - Complexity: O(size).
    package mutating func reset(size: Int) {
        blockCount = (size >> Self.blockShift) + 1
        totals = (0, 0)
        let count = blockCount
        blocks.withUnsafeMutableBufferPointer { b in
            for i in 0..<(2 * (count + 1)) { b[i] = 0 }
        }
        single.withUnsafeMutableBufferPointer { s in
            for i in 0..<(2 * (size + 1)) { s[i] = 0 }
        }
    }

    /// Adds `weight` at `rank` (1-based, at most `size`) to `tally`.
    /// - Complexity: O(log(size / 16)).
    package mutating func add(_ weight: Double, at rank: Int, to tally: Tally) {
        let t = tally.rawValue
        single[2 * rank + t] += weight
        if t == 0 { totals.0 += weight } else { totals.1 += weight }
        var i = (rank >> Self.blockShift) + 1
        let limit = blockCount
        blocks.withUnsafeMutableBufferPointer { b in
            while i <= limit {
                b[2 * i + t] += weight
                i += i & (-i)
            }
        }
    }

    /// The weights of `tally` strictly below, equal to, and strictly above `rank`.
    /// - Complexity: O(log(size / 16) + 16).
    package func query(_ rank: Int, in tally: Tally) -> (less: Double, equal: Double, greater: Double) {
        let t = tally.rawValue
        let block = rank >> Self.blockShift
        var less = 0.0
        var i = block
        blocks.withUnsafeBufferPointer { b in
            while i > 0 {
                less += b[2 * i + t]
                i -= i & (-i)
            }
        }
        let equal = single.withUnsafeBufferPointer { s in
            var q = block << Self.blockShift
            while q < rank {
                less += s[2 * q + t]
                q += 1
            }
            return s[2 * rank + t]
        }
        return (less, equal, total(tally) - less - equal)
    }
}
