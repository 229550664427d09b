extension Provenance {
    /// The leading members every JSON output shares, in this order: `version`, `command`, `date` (when
    /// set), `input` (file, sha256, rows read/used/excluded, exclusions) and `options`.
    /// - Parameter input: The input file record.
    /// - Returns: The members, for the renderer to extend with its own.
    public func jsonHeader(input: ReportInput) -> [(key: String, value: JSONValue)] {
        var members: [(key: String, value: JSONValue)] = [("version", .string(version)), ("command", .string(command))]
        if let date { members.append(("date", .string(date))) }
        members.append(("input", input.json))
        members.append(("options", .object(options.map { ($0.name, .string($0.value)) })))
        return members
    }

    /// A whole JSON output: the leading members every output shares (``jsonHeader(input:)``), then the
    /// result's own `members`, then `warnings` last.
    /// - Parameters:
    ///   - input: The input file record.
    ///   - members: The result's members, in order.
    ///   - warnings: The warnings.
    /// - Returns: The JSON object.
    /// - Complexity: O(size of the members and the exclusions).
    public func jsonDocument(
        input: ReportInput, members: [(key: String, value: JSONValue)], warnings: [String]
    ) -> JSONValue {
        .object(jsonHeader(input: input) + members + [("warnings", .array(warnings.map(JSONValue.string)))])
    }
}
