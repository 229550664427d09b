/// A data row that was not used, with where and why.
public struct Exclusion: Sendable, Equatable, Hashable {
    /// The 1-based physical line where the record starts.
    public let line: Int
    /// The column concerned, if one.
    public let column: String?
    /// Why the row was excluded, e.g. `missing relief_days` or `negative time -3`.
    public let reason: String
    /// `true` for a missing value, `false` for an invalid one (excluded under `skipInvalid`).
    public let isMissing: Bool

    /// Creates an exclusion.
    /// - Parameters:
    ///   - line: The 1-based physical line.
    ///   - column: The column concerned.
    ///   - reason: Why the row was excluded.
    ///   - isMissing: Whether the cause is a missing value.
    public init(line: Int, column: String?, reason: String, isMissing: Bool) {
        self.line = line
        self.column = column
        self.reason = reason
        self.isMissing = isMissing
    }
}
