/// Incremental UTF-8 validation over chunks, also reporting NUL bytes.
///
/// ASCII runs are checked eight bytes at a time; multi-byte sequences follow RFC 3629 (no overlongs,
/// no surrogates, nothing above U+10FFFF). A sequence may be split across chunks.
struct _UTF8Validator {
    /// What the validator found wrong.
    enum Problem: Equatable {
        /// A NUL byte at this offset of the chunk.
        case nul(offset: Int)
        /// An invalid UTF-8 byte at this offset of the chunk.
        case invalid(offset: Int)
    }

    private var pending = 0
    private var low: UInt8 = 0x80
    private var high: UInt8 = 0xBF

    /// Whether the input so far ends on a character boundary.
    var isComplete: Bool { pending == 0 }

    /// Validates the next chunk.
    /// - Parameters:
    ///   - p: The chunk.
    ///   - n: Its length.
    /// - Returns: The first problem, or `nil`.
    /// - Complexity: O(n).
    mutating func validate(_ p: UnsafePointer<UInt8>, _ n: Int) -> Problem? {
        let raw = UnsafeRawPointer(p)
        var i = 0
        while i < n {
            if pending == 0 {
                while i + 8 <= n {
                    let w = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                    let hasZero = (w &- 0x0101_0101_0101_0101) & ~w & 0x8080_8080_8080_8080
                    if (w & 0x8080_8080_8080_8080) | hasZero != 0 { break }
                    i += 8
                }
                if i >= n { break }
                let b = p[i]
                if b < 0x80 {
                    if b == 0 { return .nul(offset: i) }
                    i += 1
                    continue
                }
                switch b {
                case 0xC2...0xDF: pending = 1; low = 0x80; high = 0xBF
                case 0xE0: pending = 2; low = 0xA0; high = 0xBF
                case 0xE1...0xEC, 0xEE...0xEF: pending = 2; low = 0x80; high = 0xBF
                case 0xED: pending = 2; low = 0x80; high = 0x9F
                case 0xF0: pending = 3; low = 0x90; high = 0xBF
                case 0xF1...0xF3: pending = 3; low = 0x80; high = 0xBF
                case 0xF4: pending = 3; low = 0x80; high = 0x8F
                default: return .invalid(offset: i)
                }
                i += 1
            } else {
                let b = p[i]
                guard b >= low && b <= high else { return .invalid(offset: i) }
                pending -= 1
                low = 0x80
                high = 0xBF
                i += 1
            }
        }
        return nil
    }
}
