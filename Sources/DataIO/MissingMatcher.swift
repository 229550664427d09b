/// Matches field contents against the dialect's missing-value tokens without allocating.
struct _MissingMatcher {
    private let tokens: [[UInt8]]
    private let lengths: Set<Int>
    /// Bit `n` is set when a token has `n` bytes (`n` < 64): the per-cell test, without hashing `n`.
    private let shortLengths: UInt64
    private let maxLength: Int

    /// - Parameter tokens: The missing-value tokens, compared byte for byte.
    init(_ tokens: Set<String>) {
        self.tokens = tokens.map { Array($0.utf8) }.sorted { $0.lexicographicallyPrecedes($1) }
        lengths = Set(self.tokens.map(\.count))
        shortLengths = lengths.filter { $0 < 64 }.reduce(0) { $0 | (1 << UInt64($1)) }
        maxLength = self.tokens.map(\.count).max() ?? -1
    }

    /// Whether `p[0..<n]` is one of the tokens.
    /// - Complexity: O(tokens x n) worst case; O(1) when the length matches no token.
    @inline(__always)
    func matches(_ p: UnsafePointer<UInt8>, _ n: Int) -> Bool {
        if n > maxLength { return false }
        if n < 64 {
            if shortLengths & (1 << UInt64(n)) == 0 { return false }
        } else if !lengths.contains(n) {
            return false
        }
        outer: for token in tokens where token.count == n {
            for k in 0..<n where token[k] != p[k] { continue outer }
            return true
        }
        return false
    }
}
