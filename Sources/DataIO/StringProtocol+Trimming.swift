extension StringProtocol {
    /// The text without leading and trailing spaces (U+0020 only: tabs and other white space are kept,
    /// as a CSV field or an option value is written).
    /// - Complexity: O(n).
    package var trimmingSpaces: String {
        guard let first = firstIndex(where: { $0 != " " }), let last = lastIndex(where: { $0 != " " }) else { return "" }
        return String(self[first...last])
    }
}
