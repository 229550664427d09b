extension JSONValue {
    /// The value as JSON text.
    ///
    /// Strings escape `"`, `\`, control characters (`\n`, `\t`, ..., `\u001b`) and U+2028/U+2029;
    /// other characters are written as UTF-8. Numbers use the shortest text that reads back as the
    /// same `Double` (full precision); NaN and infinities become `null`.
    /// - Parameter pretty: Indent with two spaces, one member per line (default `true`).
    /// - Returns: The JSON text (without a trailing newline).
    /// - Complexity: O(size of the value).
    public func serialized(pretty: Bool = true) -> String {
        var out = ""
        write(into: &out, indent: 0, pretty: pretty)
        return out
    }

    private func write(into out: inout String, indent: Int, pretty: Bool) {
        switch self {
        case .null: out += "null"
        case .bool(let value): out += value ? "true" : "false"
        case .integer(let value): out += String(value)
        case .number(let value): out += ReportText.fullPrecision(value) ?? "null"
        case .string(let value): Self.writeString(value, into: &out)
        case .array(let items):
            Self.writeList(items, brackets: ("[", "]"), into: &out, indent: indent, pretty: pretty) { item, out in
                item.write(into: &out, indent: indent + 1, pretty: pretty)
            }
        case .object(let members):
            Self.writeList(members, brackets: ("{", "}"), into: &out, indent: indent, pretty: pretty) { member, out in
                Self.writeString(member.key, into: &out)
                out += pretty ? ": " : ":"
                member.value.write(into: &out, indent: indent + 1, pretty: pretty)
            }
        }
    }

    /// An array or object: the brackets around the elements, separated by commas, each on its own line
    /// one level deeper when pretty; `[]` / `{}` when empty.
    private static func writeList<Element>(
        _ elements: [Element], brackets: (open: String, close: String), into out: inout String, indent: Int, pretty: Bool,
        element write: (Element, inout String) -> Void
    ) {
        out += brackets.open
        guard !elements.isEmpty else {
            out += brackets.close
            return
        }
        for (index, element) in elements.enumerated() {
            if index > 0 { out += "," }
            newline(&out, indent: indent + 1, pretty: pretty)
            write(element, &out)
        }
        newline(&out, indent: indent, pretty: pretty)
        out += brackets.close
    }

    private static func newline(_ out: inout String, indent: Int, pretty: Bool) {
        guard pretty else { return }
        out += "\n" + String(repeating: "  ", count: indent)
    }

    private static func writeString(_ value: String, into out: inout String) {
        let escaped = ReportText.replacingScalars(in: value) { scalar in
            switch scalar {
            case "\"": return "\\\""
            case "\\": return "\\\\"
            case "\n": return "\\n"
            case "\r": return "\\r"
            case "\t": return "\\t"
            case "\u{08}": return "\\b"
            case "\u{0C}": return "\\f"
            default:
                // Controls (C0, DEL, C1), format characters (bidi overrides, zero-width) and the line
                // separators JavaScript rejects are written as \u escapes (UTF-16, surrogate pairs).
                guard ReportText.isUnprintable(scalar) || scalar.value == 0x2028 || scalar.value == 0x2029 else {
                    return nil
                }
                return String(scalar).utf16.map { unit in
                    let hex = String(unit, radix: 16)
                    return "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
                }.joined()
            }
        }
        out += "\"" + escaped + "\""
    }
}
