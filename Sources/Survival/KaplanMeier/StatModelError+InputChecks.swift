extension StatModelError {
    /// Throws `.lengthMismatch` when an array of `count` values (`nil`: the optional argument was not
    /// given) does not have one value per row.
    ///
    /// - Parameters:
    ///   - count: The array's length, or `nil` when it was not given.
    ///   - argument: The argument's name in the message.
    ///   - rows: The number of rows `n`.
    ///   - context: The operation, e.g. `"CoxPH.fit"`.
    package static func checkLength(
        _ count: Int?, of argument: String, rows: Int, context: String
    ) throws(StatModelError) {
        if let count, count != rows {
            throw .lengthMismatch(context: context, argument: argument, expected: rows, found: count)
        }
    }

    /// Checks every value in row order: throws `.nonFiniteValue` at the first NaN or infinite one and
    /// `.invalidArgument` with `message(value, row)` at the first that `isValid` refuses.
    ///
    /// - Parameters:
    ///   - values: The values, one per row.
    ///   - argument: The argument's name for `.nonFiniteValue`.
    ///   - context: The operation.
    ///   - isValid: Whether a finite value is allowed, e.g. `{ $0 > 0 }`.
    ///   - message: What to say about a refused value at a 0-based row.
    /// - Complexity: O(n).
    package static func checkEach(
        _ values: [Double], of argument: String, context: String, isValid: (Double) -> Bool,
        message: (_ value: Double, _ row: Int) -> String
    ) throws(StatModelError) {
        for (row, value) in values.enumerated() {
            guard value.isFinite else { throw .nonFiniteValue(context: context, argument: argument, index: row) }
            guard isValid(value) else { throw .invalidArgument(context: context, message: message(value, row)) }
        }
    }
}
