/// Documented limits of the CSV reader; exceeding one is a ``DataError`` naming the limit.
public struct CSVLimits: Sendable, Equatable {
    /// The largest size of one field in bytes (default 1 MiB).
    public var maxFieldBytes = 1 << 20
    /// The largest number of columns in the header (default 10,000).
    public var maxColumns = 10_000
    /// The largest number of groups (levels) of one `by` or strata column (default 1,000).
    public var maxGroups = 1_000

    /// Creates limits.
    /// - Parameters:
    ///   - maxFieldBytes: The largest size of one field in bytes.
    ///   - maxColumns: The largest number of columns.
    ///   - maxGroups: The largest number of levels of a grouping column.
    public init(maxFieldBytes: Int = 1 << 20, maxColumns: Int = 10_000, maxGroups: Int = 1_000) {
        self.maxFieldBytes = maxFieldBytes
        self.maxColumns = maxColumns
        self.maxGroups = maxGroups
    }
}
