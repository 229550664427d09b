/// The columns of a design matrix that come from one formula term (for Wald tests per term).
public struct DesignTerm: Sendable, Equatable, Hashable {
    /// The term label, e.g. `condition` or `dose_mg_kg:cotherapy`.
    public let label: String
    /// The columns of ``DesignMatrix/x`` from this term (after the intercept column, if any).
    public let columns: Range<Int>

    /// Creates a term record.
    /// - Parameters:
    ///   - label: The term label.
    ///   - columns: Its columns in the design matrix.
    public init(label: String, columns: Range<Int>) {
        self.label = label
        self.columns = columns
    }

    /// The number of columns (the term's degrees of freedom when none is aliased).
    public var count: Int { columns.count }
}
