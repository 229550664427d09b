/// One row of a ``BaselineTable``: a variable summarised in every group.
public struct BaselineVariable: Sendable, Equatable {
    /// The summaries of a variable.
    public enum Kind: Sendable, Equatable {
        /// A numeric variable: one summary per group (same order as ``BaselineTable/groups``).
        case numeric([NumericSummary])
        /// A categorical variable: its levels (byte order, as read) and `counts[group][level]`,
        /// episodes per level among the group's non-missing rows.
        case categorical(levels: [String], counts: [[Int]])
    }

    /// The column name.
    public let name: String
    /// The summaries.
    public let kind: Kind
    /// Per group, the number of episodes with a missing value (excluded from that group's summary).
    public let missing: [Int]
}
