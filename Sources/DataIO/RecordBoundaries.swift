#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Where buffered CSV bytes that start at a record boundary may be cut into pieces to parse on their own.
///
/// A cut goes just after a line feed at which an even number of `"` has been seen since the start: in
/// a file quoted as RFC 4180 says (quotes only around fields, doubled inside them) that line feed ends a
/// record. A quote inside an unquoted field (`5"`) is literal to the parser and breaks that rule, so a
/// cut is only a candidate: the reader proves it by parsing the piece before it, which must end
/// exactly at the cut (a piece whose end falls inside a quoted field finds its quote unclosed), and
/// parses from the first unproven cut on one thread. Line feeds are found with `memchr` between the
/// quotes, so a file without quotes costs one `memchr` pass over the bytes.
enum _RecordBoundaries {
    /// The cuts of `base[start..<end]` into at most `pieces` pieces.
    /// - Parameters:
    ///   - base: The buffer.
    ///   - start: A record boundary.
    ///   - end: The end of the buffered bytes.
    ///   - isAtEOF: Whether `end` is the end of the file (the last piece then runs to it; otherwise it
    ///     ends at the last candidate line feed, and the bytes after it wait for more of the file).
    ///   - pieces: The number of pieces wanted (near-equal sizes).
    /// - Returns: Increasing offsets `[start, c1, ..., last]`; the pieces are between neighbours. Just
    ///   `[start]` when there is nothing to cut.
    /// - Complexity: O(end - start), a `memchr` per quote.
    static func cuts(_ base: UnsafePointer<UInt8>, from start: Int, to end: Int, isAtEOF: Bool, pieces: Int) -> [Int] {
        guard end > start, pieces > 1 else { return [start] }
        let span = end - start
        let targets = (1..<pieces).map { start + span / pieces * $0 }
        var cuts = [start]
        var next = 0
        // The last stretch outside quotes (by count) that holds a line feed.
        var lastStretch: (from: Int, to: Int)?
        var p = start
        var outside = true
        while p < end {
            let q = find(0x22, base, from: p, to: end)
            if outside {
                while next < targets.count {
                    let from = max(p, targets[next])
                    guard from < q else { break }
                    let lf = find(0x0A, base, from: from, to: q)
                    guard lf < q else { break }
                    cuts.append(lf + 1)
                    while next < targets.count && targets[next] <= lf { next += 1 }
                }
                if find(0x0A, base, from: p, to: q) < q { lastStretch = (p, q) }
            }
            outside.toggle()
            p = q + 1
        }
        var last = isAtEOF ? end : start
        if !isAtEOF, let stretch = lastStretch {
            var k = stretch.to - 1
            while k >= stretch.from && base[k] != 0x0A { k -= 1 }
            last = k + 1
        }
        guard last > start else { return [start] }
        cuts = cuts.filter { $0 < last }
        cuts.append(last)
        return cuts
    }

    /// The offset of the first `byte` in `base[from..<to]`, or `to`.
    @inline(__always)
    private static func find(_ byte: UInt8, _ base: UnsafePointer<UInt8>, from: Int, to: Int) -> Int {
        guard from < to, let hit = memchr(base + from, Int32(byte), to - from) else { return to }
        return base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
    }
}
