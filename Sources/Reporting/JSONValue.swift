/// A JSON value with ordered object keys, so outputs have a stable, documented key order.
///
/// Numbers that are NaN or infinite are written as `null`: Relief's JSON never contains NaN.
public enum JSONValue: Sendable, Equatable {
    /// `null`.
    case null
    /// `true` / `false`.
    case bool(Bool)
    /// An integer.
    case integer(Int)
    /// A real number, written with full precision; non-finite is written as `null`.
    case number(Double)
    /// A string.
    case string(String)
    /// An array.
    case array([JSONValue])
    /// An object whose keys keep their order.
    case object([(key: String, value: JSONValue)])

    /// A number or `null`.
    /// - Parameter value: The number, or `nil`.
    /// - Returns: ``number(_:)`` or ``null``.
    public static func optional(_ value: Double?) -> JSONValue {
        guard let value, value.isFinite else { return .null }
        return .number(value)
    }

    /// A string or `null`.
    /// - Parameter value: The string, or `nil`.
    /// - Returns: ``string(_:)`` or ``null``.
    public static func optional(_ value: String?) -> JSONValue {
        guard let value else { return .null }
        return .string(value)
    }

    /// An integer or `null`.
    /// - Parameter value: The integer, or `nil`.
    /// - Returns: ``integer(_:)`` or ``null``.
    public static func optional(_ value: Int?) -> JSONValue {
        guard let value else { return .null }
        return .integer(value)
    }

    /// An array of one object per row, e.g. `.objects(rows) { [("time", .optional($0.time))] }`.
    /// - Parameters:
    ///   - rows: The rows, in order.
    ///   - members: A row's members, in order.
    /// - Returns: ``array(_:)`` of ``object(_:)``s.
    /// - Complexity: O(rows x members).
    public static func objects<Rows: Sequence>(
        _ rows: Rows, _ members: (Rows.Element) -> [(key: String, value: JSONValue)]
    ) -> JSONValue {
        .array(rows.map { .object(members($0)) })
    }

    /// Values are equal when they have the same case and contents (object keys compared in order).
    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): return true
        case (.bool(let a), .bool(let b)): return a == b
        case (.integer(let a), .integer(let b)): return a == b
        case (.number(let a), .number(let b)): return a == b || (a.isNaN && b.isNaN)
        case (.string(let a), .string(let b)): return a == b
        case (.array(let a), .array(let b)): return a == b
        case (.object(let a), .object(let b)):
            return a.count == b.count && zip(a, b).allSatisfy { $0.key == $1.key && $0.value == $1.value }
        default: return false
        }
    }
}
