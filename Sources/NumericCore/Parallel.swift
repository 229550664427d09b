import Dispatch

/// Independent pieces of work run on all cores (`DispatchQueue.concurrentPerform`), their results
/// returned in order: refits of reduced models, bootstrap replicates.
///
/// ```swift
/// let squares = Parallel.map(4) { $0 * $0 }   // [0, 1, 4, 9]
/// ```
public enum Parallel {
    /// `body(0) ... body(count - 1)`, computed concurrently, in index order.
    ///
    /// - Parameters:
    ///   - count: The number of pieces (none when ≤ 0).
    ///   - body: The work of piece `i`; it must not depend on the others.
    /// - Returns: The results, `[body(0), ..., body(count - 1)]`.
    /// - Complexity: The pieces' work, spread over the cores.
    public static func map<T: Sendable>(_ count: Int, _ body: @Sendable (Int) -> T) -> [T] {
        guard count > 0 else { return [] }
        _ = BLASThreads.singleThreaded  // OpenBLAS's threads would compete with these pieces
        if count == 1 { return [body(0)] }
        let slots = _Slots<T>(count)
        DispatchQueue.concurrentPerform(iterations: count) { slots.store(body($0), at: $0) }
        return slots.values.compactMap { $0 }
    }

    /// Rows per piece of a pass over rows split for the cores (``mapRowChunks(_:chunk:_:)``): fixed, so a
    /// reduction of the pieces in order gives the same numbers on any number of cores, and a pass over at
    /// most this many rows is one piece, summed exactly as a single loop.
    public static let rowChunk = 65_536

    /// `body` on the consecutive row ranges `0..<chunk`, `chunk..<2 chunk`, … covering `0..<rows`,
    /// computed concurrently, in row order.
    ///
    /// - Parameters:
    ///   - rows: The number of rows (no pieces when ≤ 0).
    ///   - chunk: Rows per piece (> 0; default ``rowChunk``).
    ///   - body: The work on one range of rows.
    /// - Returns: The pieces' results, first rows first.
    /// - Complexity: The pieces' work, spread over the cores.
    public static func mapRowChunks<T: Sendable>(_ rows: Int, chunk: Int = rowChunk, _ body: @Sendable (Range<Int>) -> T) -> [T] {
        guard rows > 0, chunk > 0 else { return [] }
        let pieces = rows / chunk + (rows % chunk == 0 ? 0 : 1)
        return map(pieces) { body(($0 * chunk)..<Swift.min(rows, $0 * chunk + chunk)) }
    }
}

/// One result slot per piece in memory allocated once: each piece writes only its own slot (no access
/// to a shared Swift property, so no exclusivity conflict), and the slots are read after
/// `concurrentPerform` returns.
private final class _Slots<T: Sendable>: @unchecked Sendable {
    let count: Int
    let base: UnsafeMutablePointer<T?>

    init(_ count: Int) {
        self.count = count
        base = UnsafeMutablePointer<T?>.allocate(capacity: count)
        base.initialize(repeating: nil, count: count)
    }

    deinit {
        base.deinitialize(count: count)
        base.deallocate()
    }

    func store(_ value: T, at index: Int) {
        guard index >= 0, index < count else { return }
        base[index] = value
    }

    var values: [T?] { Array(UnsafeBufferPointer(start: base, count: count)) }
}
