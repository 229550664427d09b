/// The groups of a `frailty(column)` term: a code per row, numbered in sorted order of the group's value
/// (R's `match(x, sort(unique(x)))`, so `fit$frail` lists the groups in that order).
public struct FrailtyGroups: Sendable, Equatable {
    /// The column named in `frailty()`.
    public let column: String
    /// Per row, its group (0..<``labels``.count).
    public let codes: [Int]
    /// The group values, sorted (numbers in numeric order, text by bytes as R in the C locale).
    public let labels: [String]

    /// Groups from codes and labels.
    /// - Parameters:
    ///   - column: The column's name.
    ///   - codes: Per row, the index of its group in `labels`.
    ///   - labels: The distinct values, in sorted order.
    public init(column: String, codes: [Int], labels: [String]) {
        self.column = column
        self.codes = codes
        self.labels = labels
    }

    /// The number of groups.
    public var count: Int { labels.count }
}
