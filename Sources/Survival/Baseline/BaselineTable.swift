/// The result of ``BaselineCharacteristics/fit(_:by:)``: groups, one row per shown variable, and the
/// variables withheld.
///
/// All counts and summaries are per episode (row); ``BaselineGroup/patients`` counts distinct
/// patients. Holds no patient identifier and no value of a withheld column.
public struct BaselineTable: Sendable, Equatable {
    /// The grouping column, or `nil` when only the overall group is shown.
    public let groupColumn: String?
    /// One group per level of the grouping in level order, then the overall group (always present).
    public let groups: [BaselineGroup]
    /// One row per shown variable, in the order requested; each holds one entry per group.
    public let rows: [BaselineVariable]
    /// Variables not shown, in the order requested, with the reason.
    public let withheld: [WithheldColumn]

    /// Creates a table.
    /// - Parameters:
    ///   - groupColumn: The grouping column, or `nil`.
    ///   - groups: The groups, the overall group last.
    ///   - rows: The shown variables.
    ///   - withheld: The withheld variables.
    public init(groupColumn: String?, groups: [BaselineGroup], rows: [BaselineVariable], withheld: [WithheldColumn]) {
        self.groupColumn = groupColumn
        self.groups = groups
        self.rows = rows
        self.withheld = withheld
    }

    /// The overall (all-rows) group.
    public var overall: BaselineGroup? { groups.last { $0.isOverall } }
}
