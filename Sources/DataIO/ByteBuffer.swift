/// A growable byte buffer written through its pointer, for output built byte by byte (the carried
/// columns of an infusion log): `[UInt8].append` checks uniqueness and capacity on every call.
final class _ByteBuffer {
    @exclusivity(unchecked) private(set) var base: UnsafeMutablePointer<UInt8>
    @exclusivity(unchecked) private(set) var count = 0
    @exclusivity(unchecked) private var capacity: Int
    /// The sum of the bytes given to ``touch(_:)`` (meaningless; it keeps the reads).
    @exclusivity(unchecked) private(set) var touched: UInt8 = 0

    /// - Parameter capacity: Bytes to allocate at first (pages are touched only when written).
    init(capacity: Int) {
        self.capacity = max(capacity, 64)
        base = .allocate(capacity: self.capacity)
        _HugePages.advise(UnsafeMutableRawPointer(base), byteCount: self.capacity)
    }

    deinit { base.deallocate() }

    /// Makes room for `extra` more bytes.
    @inline(__always)
    func reserve(_ extra: Int) {
        if count + extra > capacity { grow(to: count + extra) }
    }

    private func grow(to needed: Int) {
        var size = capacity * 2
        while size < needed { size *= 2 }
        let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: size)
        _HugePages.advise(UnsafeMutableRawPointer(grown), byteCount: size)
        grown.update(from: base, count: count)
        base.deallocate()
        base = grown
        capacity = size
    }

    /// Appends one byte.
    @inline(__always)
    func append(_ byte: UInt8) {
        reserve(1)
        base[count] = byte
        count += 1
    }

    /// Appends `p[0..<n]`.
    @inline(__always)
    func append(_ p: UnsafePointer<UInt8>, _ n: Int) {
        reserve(n)
        if n <= 16 {
            for k in 0..<n { base[count + k] = p[k] }
        } else {
            (base + count).update(from: p, count: n)
        }
        count += n
    }

    /// The bytes as an array (one copy).
    func array() -> [UInt8] { Array(UnsafeBufferPointer(start: base, count: count)) }

    /// Hands the bytes over, without a copy, to an immutable value; the buffer is then empty.
    func freeze() -> _FrozenBytes {
        let frozen = _FrozenBytes(taking: base, count: count)
        capacity = 64
        base = .allocate(capacity: capacity)
        count = 0
        return frozen
    }
}

/// Bytes that no one changes any more (the carried columns of an infusion log), shared without copying.
/// `@unchecked Sendable`: the storage is written only before ``_ByteBuffer/freeze()`` hands it over and is
/// read-only afterwards.
final class _FrozenBytes: @unchecked Sendable {
    /// The first byte (valid for ``count`` bytes; never written).
    let base: UnsafePointer<UInt8>
    /// The number of bytes.
    let count: Int

    /// Takes ownership of `count` bytes at `base` (allocated with `UnsafeMutablePointer.allocate`).
    init(taking base: UnsafeMutablePointer<UInt8>, count: Int) {
        self.base = UnsafePointer(base)
        self.count = count
    }

    /// No bytes.
    convenience init() {
        self.init(taking: .allocate(capacity: 1), count: 0)
    }

    deinit { UnsafeMutablePointer(mutating: base).deallocate() }
}

extension _ByteBuffer {
    /// The end of the bytes written (where the next one goes).
    var end: UnsafeMutablePointer<UInt8> { base + count }

    /// Takes the bytes written through ``end`` (after ``reserve(_:)``) up to `pointer`.
    @inline(__always)
    func advance(to pointer: UnsafeMutablePointer<UInt8>) {
        count = pointer - base
    }

    /// Forgets the bytes (keeps the storage).
    func removeAll() { count = 0 }

    /// Reads `byte` early: a loop over data in another order than memory's (episodes in patient order, rows
    /// in file order) touches the rows a few steps ahead, so that their cache misses overlap with the work
    /// on the current one instead of stalling it. The sum is kept so that the read is not optimised away.
    @inline(__always)
    func touch(_ byte: UInt8) { touched &+= byte }
}
