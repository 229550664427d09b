/// Collects one covariate column while the file streams past, without a `String` per cell.
///
/// The column starts dictionary-encoded (one copy per distinct value, a 32-bit token per row). While
/// every distinct value is a finite number and there are more than ``numericSwitch`` of them, the
/// column can only be numeric in the end (or categorical with absurdly many levels), so it switches to
/// parsing each cell straight to a `Double`. A later value that is not a number is then an invalid
/// value (an error, or an exclusion with `skipInvalid`) rather than turning the column categorical.
final class _CovariateAccumulator {
    /// Distinct values after which an all-numeric column is parsed cell by cell.
    static let numericSwitch = 65_536

    /// The column name.
    let name: String
    /// The 0-based column index.
    let index: Int
    let dictionary = _ByteDictionary()
    /// Per token: its value when a finite number, NaN otherwise.
    @exclusivity(unchecked) var tokenValue: [Double] = []
    /// Per token: the physical line where it was first seen.
    @exclusivity(unchecked) var firstLine: [Int] = []
    /// The number of distinct non-numeric tokens.
    var textTokens = 0
    /// The first non-numeric token (the number of tokens before it), `nil` while there is none.
    var firstTextToken: Int?
    /// Per used row (dictionary mode): its token.
    @exclusivity(unchecked) var rowTokens: [UInt32] = []
    /// Per used row (numeric mode): its value.
    @exclusivity(unchecked) var values: [Double] = []
    /// Whether cells are parsed straight to numbers.
    private(set) var isNumericMode = false
    /// The line where numeric mode began.
    private(set) var numericSince = 0
    /// Whether a value was not a number in numeric mode (a problem whose message names ``numericSince``).
    private(set) var hadNumericProblem = false

    /// Whether a missing value keeps the row (stored as NaN / code -1) instead of excluding it.
    let allowsMissing: Bool
    /// The row token of a missing value (only when ``allowsMissing``).
    static let missingToken = UInt32.max

    init(name: String, index: Int, allowsMissing: Bool = false) {
        self.name = name
        self.index = index
        self.allowsMissing = allowsMissing
    }

    /// Sizes the per-row storage for `rows` rows (dictionary mode).
    func reserve(_ rows: Int) {
        rowTokens.reserveCapacity(rows)
    }

    /// Appends a missing value of a used row (columns that allow missing values only).
    func appendMissing() {
        if isNumericMode {
            values.append(.nan)
        } else {
            rowTokens.append(Self.missingToken)
        }
    }

    /// Appends the (non-missing) value `p[0..<n]` of a used row.
    /// - Returns: `nil`, or the problem when the column is in numeric mode and the value is not a number.
    /// - Throws: ``DataError`` when the column has more distinct values than a dictionary holds.
    @inline(__always)
    func append(_ p: UnsafePointer<UInt8>, _ n: Int, line: Int, decimalMark: UInt8) throws(DataError) -> _RowProblem? {
        if isNumericMode {
            if let v = _DecimalParser.parse(p, n, decimalMark: decimalMark), v.isFinite {
                values.append(v)
                return nil
            }
            let text = String(decoding: UnsafeBufferPointer(start: p, count: n), as: UTF8.self)
            hadNumericProblem = true
            return _RowProblem(
                column: index, columnName: name,
                message: "value '\(_Quoting.display(text))' is not a number, but the column held more than \(Self.numericSwitch) distinct numbers by line \(numericSince)",
                hint: "fix the value or write it as missing (NA)")
        }
        let (token, inserted) = dictionary.index(of: p, n)
        if token < 0 {
            throw DataError(
                .badData, line: line, column: name, columnNumber: index + 1,
                message: "more than \(_ByteDictionary.capacityLimit) distinct values", hint: "split the file")
        }
        if inserted {
            var number = Double.nan
            if let v = _DecimalParser.parse(p, n, decimalMark: decimalMark), v.isFinite { number = v }
            tokenValue.append(number)
            firstLine.append(line)
            if number.isNaN {
                if textTokens == 0 { firstTextToken = token }
                textTokens += 1
            }
        }
        rowTokens.append(UInt32(truncatingIfNeeded: token))
        if inserted && textTokens == 0 && dictionary.count > Self.numericSwitch { switchToNumeric(since: line) }
        return nil
    }

    /// Forgets every token and row and leaves numeric mode, keeping the storage (a piece's column reused
    /// for the next piece).
    func removeAll() {
        dictionary.removeAll()
        tokenValue.removeAll(keepingCapacity: true)
        firstLine.removeAll(keepingCapacity: true)
        rowTokens.removeAll(keepingCapacity: true)
        values.removeAll(keepingCapacity: true)
        (textTokens, firstTextToken) = (0, nil)
        (isNumericMode, numericSince, hadNumericProblem) = (false, 0, false)
    }

    /// Turns the rows' tokens into their values; from now on cells are parsed straight to numbers.
    func switchToNumeric(since line: Int) {
        values = rowTokens.map { $0 == Self.missingToken ? .nan : tokenValue[Int($0)] }
        rowTokens = []
        isNumericMode = true
        numericSince = line
    }

    /// Removes the value of the last row (when a later column of that row is invalid).
    func dropLast() {
        if isNumericMode {
            values.removeLast()
        } else {
            rowTokens.removeLast()
        }
    }

    /// The finished column: numeric when every value of the used rows is a finite number, otherwise
    /// categorical with the levels present among the used rows in byte order.
    /// - Parameter file: The file, for the error.
    /// - Throws: `DataError` (bad data) for a text column with `Int32.max` levels or more (codes are 4 bytes).
    /// - Complexity: O(rows + distinct values x log(distinct values)).
    func column(file: String) throws(DataError) -> CovariateColumn {
        if isNumericMode {
            return CovariateColumn(name: name, columnNumber: index + 1, values: .numeric(values))
        }
        var used = [Bool](repeating: false, count: dictionary.count)
        for token in rowTokens where token != Self.missingToken { used[Int(token)] = true }
        let usedTokens = used.indices.filter { used[$0] }
        if usedTokens.allSatisfy({ !tokenValue[$0].isNaN }) {
            let numbers = rowTokens.map { $0 == Self.missingToken ? .nan : tokenValue[Int($0)] }
            return CovariateColumn(name: name, columnNumber: index + 1, values: .numeric(numbers))
        }
        guard usedTokens.count < Int(Int32.max) else {
            throw DataError(.badData, file: file, column: name, columnNumber: index + 1,
                            message: "more than \(Int32.max - 1) distinct values", hint: "split the file")
        }
        let keys = usedTokens.map { dictionary.key($0) }
        let order = keys.indices.sorted { keys[$0].lexicographicallyPrecedes(keys[$1]) }
        var levelOfToken = [Int32](repeating: 0, count: dictionary.count)
        var levels: [String] = []
        levels.reserveCapacity(keys.count)
        for k in order {
            levelOfToken[usedTokens[k]] = Int32(truncatingIfNeeded: levels.count)
            levels.append(String(decoding: keys[k], as: UTF8.self))
        }
        let codes = rowTokens.map { $0 == Self.missingToken ? -1 : levelOfToken[Int($0)] }
        return CovariateColumn(name: name, columnNumber: index + 1, values: .categorical(levels: levels, codes: codes))
    }
}
