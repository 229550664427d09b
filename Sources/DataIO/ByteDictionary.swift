/// An open-addressing hash table from byte strings to dense indices 0, 1, 2, ... (insertion order).
///
/// Used to dictionary-encode string columns without creating a `String` per cell: each distinct key is
/// copied once into an arena; lookups hash the bytes and compare byte for byte. A table slot is two
/// words: the entry index with 24 bits of the hash and the key's length (up to 255), and the key's first
/// 8 bytes. A probe touches one cache line until a real candidate is found, and a key of at most 8 bytes
/// (a patient id such as `P0000001`) is matched in the slot alone, without reading the arena: with many
/// distinct keys in no order (a log sorted by date) that is one cache miss per lookup instead of three.
/// The last hit is cached, which makes runs of equal values (sorted ids, grouped exports) nearly free.
/// While the keys arrive in strictly increasing byte order (the patient ids of a file sorted by patient)
/// no table is kept: a key above the last one is new by order alone, so it is appended without hashing
/// or a random probe; the first key out of order builds the table once. At most ``capacityLimit``
/// distinct keys are held.
final class _ByteDictionary {
    /// The largest number of distinct keys.
    static let capacityLimit = Int(UInt32.max) - 2

    @exclusivity(unchecked) private var arena: UnsafeMutablePointer<UInt8>
    @exclusivity(unchecked) private var arenaCapacity: Int
    @exclusivity(unchecked) private var arenaCount = 0
    /// Per key: start in the arena and length.
    @exclusivity(unchecked) private var starts: UnsafeMutablePointer<Int>
    @exclusivity(unchecked) private var lengths: UnsafeMutablePointer<Int>
    @exclusivity(unchecked) private var hashes: UnsafeMutablePointer<UInt64>
    @exclusivity(unchecked) private var keyCapacity: Int
    /// Slot `s` is `table[2s]`: 0 = empty, else (index + 1) << 32 | ``tag(_:_:)``; and `table[2s + 1]`:
    /// the key's first 8 bytes (``prefix(_:_:)``).
    @exclusivity(unchecked) private var table: UnsafeMutablePointer<UInt64>
    @exclusivity(unchecked) private var tableMask: Int
    @exclusivity(unchecked) private var lastIndex = -1
    /// Whether every key so far came in strictly increasing byte order; the table and ``hashes`` are then
    /// not filled (``buildTable()`` fills them when the first key out of order comes).
    @exclusivity(unchecked) private var isSortedRun = true
    /// The last hit's length and first 8 bytes, so that a key of at most 8 bytes is compared with it
    /// without reading the arena.
    @exclusivity(unchecked) private var lastLength = -1
    @exclusivity(unchecked) private var lastPrefix: UInt64 = 0
    /// The number of distinct keys.
    @exclusivity(unchecked) private(set) var count = 0

    init() {
        arenaCapacity = 1024
        arena = .allocate(capacity: arenaCapacity)
        keyCapacity = 32
        starts = .allocate(capacity: keyCapacity)
        lengths = .allocate(capacity: keyCapacity)
        hashes = .allocate(capacity: keyCapacity)
        tableMask = 63
        table = .allocate(capacity: 2 * (tableMask + 1))
        table.initialize(repeating: 0, count: 2 * (tableMask + 1))
    }

    deinit {
        arena.deallocate()
        starts.deallocate()
        lengths.deallocate()
        hashes.deallocate()
        table.deallocate()
    }

    @inline(__always)
    private static func hash(_ p: UnsafePointer<UInt8>, _ n: Int) -> UInt64 {
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(truncatingIfNeeded: n)
        let raw = UnsafeRawPointer(p)
        var i = 0
        while i + 8 <= n {
            let w = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            h = (h ^ w) &* 0xBF58_476D_1CE4_E5B9
            h ^= h >> 31
            i += 8
        }
        var tail: UInt64 = 0
        while i < n {
            tail = (tail << 8) | UInt64(p[i])
            i += 1
        }
        h = (h ^ tail) &* 0x94D0_49BB_1331_11EB
        h ^= h >> 29
        return h
    }

    /// 24 bits of the hash and the key length (capped at 255) in the low 32 bits of a slot.
    @inline(__always)
    private static func tag(_ h: UInt64, _ n: Int) -> UInt64 {
        ((h >> 32) & 0xFFFF_FF00) | UInt64(truncatingIfNeeded: min(n, 255))
    }

    /// The first `min(n, 8)` bytes of the key, little-endian, zero-padded.
    @inline(__always)
    private static func prefix(_ p: UnsafePointer<UInt8>, _ n: Int) -> UInt64 {
        if n >= 8 { return UInt64(littleEndian: UnsafeRawPointer(p).loadUnaligned(as: UInt64.self)) }
        var word: UInt64 = 0
        var k = n
        while k > 0 {
            k -= 1
            word = (word << 8) | UInt64(p[k])
        }
        return word
    }

    @inline(__always)
    private func equals(_ index: Int, _ p: UnsafePointer<UInt8>, _ n: Int) -> Bool {
        guard lengths[index] == n else { return false }
        let q = arena + starts[index]
        var i = 0
        while i < n {
            if q[i] != p[i] { return false }
            i += 1
        }
        return true
    }

    /// The index of `p[0..<n]` when it is the key last found or inserted (a run of equal values), else -1.
    /// - Complexity: O(1) for keys of at most 8 bytes, O(n) otherwise.
    @inline(__always)
    func lastHit(_ p: UnsafePointer<UInt8>, _ n: Int) -> Int {
        guard lastIndex >= 0, n == lastLength, Self.prefix(p, n) == lastPrefix else { return -1 }
        return n <= 8 || equals(lastIndex, p, n) ? lastIndex : -1
    }

    /// The index of the key `p[0..<n]`, inserting it when new.
    /// - Parameters:
    ///   - p: The key bytes.
    ///   - n: The key length.
    /// - Returns: The dense index (-1 when the dictionary is full) and whether the key was inserted now.
    /// - Complexity: O(n) expected.
    @inline(__always)
    func index(of p: UnsafePointer<UInt8>, _ n: Int) -> (index: Int, inserted: Bool) {
        let prefix = Self.prefix(p, n)
        if lastIndex >= 0, n == lastLength, prefix == lastPrefix, n <= 8 || equals(lastIndex, p, n) { return (lastIndex, false) }
        if isSortedRun {
            if count == 0 || Self.precedes(arena + starts[count - 1], lengths[count - 1], p, n) {
                guard count < Self.capacityLimit else { return (-1, false) }
                let index = appendKey(p, n, hash: 0)
                (lastIndex, lastLength, lastPrefix) = (index, n, prefix)
                return (index, true)
            }
            buildTable()
        }
        let h = Self.hash(p, n)
        let tag = Self.tag(h, n)
        var slot = Int(truncatingIfNeeded: h) & tableMask
        while true {
            let packed = table[2 * slot]
            if packed == 0 { break }
            if packed & 0xFFFF_FFFF == tag, table[2 * slot + 1] == prefix {
                let entry = Int(packed >> 32) - 1
                // Equal tags mean equal lengths (below 256); a key of at most 8 bytes is then its prefix.
                if n <= 8 || equals(entry, p, n) {
                    (lastIndex, lastLength, lastPrefix) = (entry, n, prefix)
                    return (entry, false)
                }
            }
            slot = (slot + 1) & tableMask
        }
        guard count < Self.capacityLimit else { return (-1, false) }
        let index = insert(p, n, hash: h, slot: slot, prefix: prefix)
        (lastIndex, lastLength, lastPrefix) = (index, n, prefix)
        return (index, true)
    }

    /// Forgets every key, keeping the storage (a dictionary reused for the next piece of a file).
    func removeAll() {
        if !isSortedRun { table.update(repeating: 0, count: 2 * (tableMask + 1)) }
        isSortedRun = true
        count = 0
        arenaCount = 0
        (lastIndex, lastLength, lastPrefix) = (-1, -1, 0)
    }

    /// Looks up each key of `other` in its index order, inserting the new ones (so that keys first seen
    /// in `other` follow this dictionary's in the order `other` saw them).
    /// - Parameters:
    ///   - other: Another dictionary.
    ///   - inserted: Called with the index in `other` of each key inserted here; returning `false` stops.
    /// - Returns: This dictionary's index of each key of `other` looked up (all of them unless stopped).
    /// - Complexity: O(total key length of `other`) expected.
    func index(ofKeysOf other: _ByteDictionary, inserted: (Int) -> Bool) -> [Int] {
        var map: [Int] = []
        map.reserveCapacity(other.count)
        for key in 0..<other.count {
            let (index, isNew) = index(of: UnsafePointer(other.arena + other.starts[key]), other.lengths[key])
            map.append(index)
            if isNew && !inserted(key) { break }
        }
        return map
    }

    /// Whether `a[0..<an]` comes strictly before `b[0..<bn]` in byte order.
    @inline(__always)
    private static func precedes(_ a: UnsafePointer<UInt8>, _ an: Int, _ b: UnsafePointer<UInt8>, _ bn: Int) -> Bool {
        let common = min(an, bn)
        var i = 0
        while i < common {
            if a[i] != b[i] { return a[i] < b[i] }
            i += 1
        }
        return an < bn
    }

    /// Ends the sorted run: hashes every key and fills a table at most half full.
    private func buildTable() {
        isSortedRun = false
        for index in 0..<count { hashes[index] = Self.hash(arena + starts[index], lengths[index]) }
        var size = tableMask + 1
        while count * 2 > size { size *= 2 }
        refill(size: size)
    }

    private func insert(_ p: UnsafePointer<UInt8>, _ n: Int, hash h: UInt64, slot: Int, prefix: UInt64) -> Int {
        let index = appendKey(p, n, hash: h)
        table[2 * slot] = Self.pack(index: index, hash: h, length: n)
        table[2 * slot + 1] = prefix
        if count * 2 > tableMask + 1 { rehash() }
        return index
    }

    /// Copies key `p[0..<n]` into the arena as the next index (the table is not touched).
    private func appendKey(_ p: UnsafePointer<UInt8>, _ n: Int, hash h: UInt64) -> Int {
        if arenaCount + n > arenaCapacity {
            var capacity = arenaCapacity * 2
            while arenaCount + n > capacity { capacity *= 2 }
            let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
            grown.update(from: arena, count: arenaCount)
            arena.deallocate()
            arena = grown
            arenaCapacity = capacity
        }
        if count == keyCapacity {
            let capacity = keyCapacity * 2
            starts = Self.grow(starts, from: count, to: capacity)
            lengths = Self.grow(lengths, from: count, to: capacity)
            hashes = Self.grow(hashes, from: count, to: capacity)
            keyCapacity = capacity
        }
        (arena + arenaCount).update(from: p, count: n)
        let index = count
        starts[index] = arenaCount
        lengths[index] = n
        hashes[index] = h
        arenaCount += n
        count += 1
        return index
    }

    @inline(__always)
    private static func pack(index: Int, hash h: UInt64, length n: Int) -> UInt64 {
        (UInt64(truncatingIfNeeded: index + 1) << 32) | tag(h, n)
    }

    private static func grow<T>(_ old: UnsafeMutablePointer<T>, from count: Int, to capacity: Int) -> UnsafeMutablePointer<T> {
        let grown = UnsafeMutablePointer<T>.allocate(capacity: capacity)
        grown.moveInitialize(from: old, count: count)
        old.deallocate()
        return grown
    }

    private func rehash() {
        refill(size: (tableMask + 1) * 2)
    }

    /// A fresh table of `size` slots (a power of two) holding every key, from the stored hashes.
    private func refill(size: Int) {
        table.deallocate()
        table = .allocate(capacity: 2 * size)
        _HugePages.advise(UnsafeMutableRawPointer(table), byteCount: 2 * size * MemoryLayout<UInt64>.stride)
        table.initialize(repeating: 0, count: 2 * size)
        tableMask = size - 1
        for index in 0..<count {
            let h = hashes[index]
            var slot = Int(truncatingIfNeeded: h) & tableMask
            while table[2 * slot] != 0 { slot = (slot + 1) & tableMask }
            table[2 * slot] = Self.pack(index: index, hash: h, length: lengths[index])
            table[2 * slot + 1] = Self.prefix(arena + starts[index], lengths[index])
        }
    }

    /// The bytes of key `index`.
    /// - Parameter index: A dense index below ``count``.
    /// - Returns: A copy of the key bytes.
    func key(_ index: Int) -> [UInt8] {
        Array(UnsafeBufferPointer(start: arena + starts[index], count: lengths[index]))
    }

    /// The key `index` decoded as UTF-8 (the file was validated as UTF-8 while reading).
    /// - Parameter index: A dense index below ``count``.
    /// - Returns: The key as a string.
    func string(_ index: Int) -> String {
        String(decoding: UnsafeBufferPointer(start: arena + starts[index], count: lengths[index]), as: UTF8.self)
    }

    /// Calls `body` with the key bytes of `index`.
    func withKey<R>(_ index: Int, _ body: (UnsafePointer<UInt8>, Int) -> R) -> R {
        body(UnsafePointer(arena + starts[index]), lengths[index])
    }
}
