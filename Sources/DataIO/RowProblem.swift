/// One invalid value in a row: which column (0-based; `nil` name for an extra field) and what.
struct _RowProblem {
    let column: Int?
    let columnName: String?
    let message: String
    let hint: String?
    /// Whether the value looks like a number with a decimal comma read without `--decimal-comma`.
    var looksDecimalComma = false
}
