/// A dictionary-encoded column being read: distinct tokens with their attributes, and the token of
/// each used row.
final class _TokenColumn {
    /// The column name.
    let name: String
    /// The 0-based column index in the header.
    let index: Int
    /// Distinct tokens (trimmed / unescaped field contents).
    let dictionary = _ByteDictionary()
    /// Token status: usable.
    static let usable: UInt8 = 0
    /// Token status: a missing-value token.
    static let missing: UInt8 = 1
    /// Token status: not a finite number in a column that must be numeric (banded).
    static let notNumeric: UInt8 = 2
    /// Whether values must be numbers (an explicitly banded column).
    let mustBeNumeric: Bool
    /// Per token: ``usable``, ``missing`` or ``notNumeric``.
    @exclusivity(unchecked) var status: [UInt8] = []
    /// Per token: its numeric value, or NaN when it is not a finite number.
    @exclusivity(unchecked) var value: [Double] = []
    /// Per token: the physical line where it was first seen.
    @exclusivity(unchecked) var firstLine: [Int] = []
    /// Per used row: its token.
    @exclusivity(unchecked) var rowTokens: [Int] = []
    /// The token of each one-byte field seen so far (-1 when not seen): event codes such as `0`/`1`
    /// skip the dictionary's hashing.
    /// (A pointer, not an array: reading an array stored in a class retained and released its buffer
    /// on every cell.)
    private let byteTokens: UnsafeMutablePointer<Int>

    init(name: String, index: Int, mustBeNumeric: Bool) {
        self.name = name
        self.index = index
        self.mustBeNumeric = mustBeNumeric
        byteTokens = .allocate(capacity: 256)
        byteTokens.initialize(repeating: -1, count: 256)
    }

    deinit { byteTokens.deallocate() }

    /// Forgets the tokens of one-byte fields (the dictionary was emptied).
    func forgetByteTokens() {
        byteTokens.update(repeating: -1, count: 256)
    }

    /// Whether token `token` is a missing-value token.
    @inline(__always)
    func isMissing(_ token: Int) -> Bool { status[token] == Self.missing }

    /// Looks up (or adds) the token `p[0..<n]`.
    /// - Returns: The token index.
    /// - Throws: ``DataError`` when the column has more distinct values than the dictionary holds.
    /// - Complexity: O(1) for a one-byte value seen before or the value of the previous row (inlined into
    ///   the row loop); otherwise a hash lookup.
    @inline(__always)
    func token(_ p: UnsafePointer<UInt8>, _ n: Int, line: Int, missing: _MissingMatcher, decimalMark: UInt8) throws(DataError) -> Int {
        if n == 1, case let known = byteTokens[Int(p[0])], known >= 0 { return known }
        let last = dictionary.lastHit(p, n)
        if last >= 0 { return last }
        return try lookUp(p, n, line: line, missing: missing, decimalMark: decimalMark)
    }

    /// The hash lookup (and insertion) behind ``token(_:_:line:missing:decimalMark:)``.
    @inline(never)
    private func lookUp(_ p: UnsafePointer<UInt8>, _ n: Int, line: Int, missing: _MissingMatcher, decimalMark: UInt8) throws(DataError) -> Int {
        let (index, inserted) = dictionary.index(of: p, n)
        if n == 1, index >= 0 { byteTokens[Int(p[0])] = index }
        if index < 0 {
            throw DataError(
                .badData, line: line, column: name, columnNumber: self.index + 1,
                message: "more than \(_ByteDictionary.capacityLimit) distinct values", hint: "split the file")
        }
        if inserted {
            let isMissingToken = missing.matches(p, n)
            var number = Double.nan
            if !isMissingToken, let v = _DecimalParser.parse(p, n, decimalMark: decimalMark), v.isFinite {
                number = v
            }
            value.append(number)
            status.append(isMissingToken ? Self.missing : (mustBeNumeric && number.isNaN ? Self.notNumeric : Self.usable))
            firstLine.append(line)
        }
        return index
    }
}
