/// One coordinate of a group label: a `by` column and the level the group has in it,
/// e.g. `dose_group = high`.
public struct ByLevel: Sendable, Equatable, Hashable {
    /// The column name.
    public let column: String
    /// The level label (for a banded numeric column, the band, e.g. `8-28`).
    public let level: String

    /// Creates a label coordinate.
    /// - Parameters:
    ///   - column: The column name.
    ///   - level: The level label.
    public init(column: String, level: String) {
        self.column = column
        self.level = level
    }
}

extension Array where Element == ByLevel {
    /// The label as R prints strata names, e.g. `dose_group=high, interval_days=<=7`; empty for the
    /// single group of a summary without `by` columns.
    public var displayLabel: String {
        map { "\($0.column)=\($0.level)" }.joined(separator: ", ")
    }
}
