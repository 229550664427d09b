/// A growable byte buffer written through its pointer, for output built byte by byte (the carried
/// columns of an infusion log): `[UInt8].append` checks uniqueness and capacity on every call.
final class _ByteBuffer {
    @exclusivity(unchecked) private(set) var base: UnsafeMutablePointer<UInt8>
    @exclusivity(unchecked) private(set) var count = 0
    @exclusivity(unchecked) private var capacity: Int

    /// - Parameter capacity: Bytes to allocate at first (pages are touched only when written).
    init(capacity: Int) {
        self.capacity = max(capacity, 64)
        base = .allocate(capacity: self.capacity)
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
}
