import Reporting

extension JSONValue {
    /// The members of an estimate with its standard error and confidence limits, in this order:
    /// `estimate`, `std_error`, `lower`, `upper`; each `null` when unknown or not finite.
    /// - Parameters:
    ///   - estimate: The estimate.
    ///   - standardError: Its standard error.
    ///   - lower: The lower confidence limit.
    ///   - upper: The upper confidence limit.
    /// - Returns: The four members.
    static func estimateMembers(
        _ estimate: Double?, standardError: Double?, lower: Double?, upper: Double?
    ) -> [(key: String, value: JSONValue)] {
        [
            ("estimate", .optional(estimate)), ("std_error", .optional(standardError)), ("lower", .optional(lower)),
            ("upper", .optional(upper)),
        ]
    }

    /// The `cluster` member of a model's JSON: `{"column", "count"}` for robust variances clustered by a
    /// column, else `null`.
    /// - Parameters:
    ///   - column: The cluster column, or `nil`.
    ///   - count: The number of clusters, if known.
    /// - Returns: The value.
    static func cluster(column: String?, count: Int?) -> JSONValue {
        column.map { .object([("column", .string($0)), ("count", .optional(count))]) } ?? .null
    }
}
