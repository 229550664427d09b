/// Formats user data for messages: control characters escaped, long values shortened.
enum _Quoting {
    /// `text` with control characters shown as `\n`, `\t`, `\u{..}` and at most `limit` characters.
    static func display(_ text: String, limit: Int = 40) -> String {
        var out = ""
        var count = 0
        for scalar in text.unicodeScalars {
            if count >= limit {
                out += "…"
                break
            }
            switch scalar {
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    out += "\\u{\(String(scalar.value, radix: 16))}"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
            count += 1
        }
        return out
    }

    /// A list of names for messages: `'a', 'b', 'c'` with at most `limit` entries.
    static func list(_ names: [String], limit: Int = 30) -> String {
        var shown = names.prefix(limit).map { "'\(display($0))'" }.joined(separator: ", ")
        if names.count > limit { shown += ", … (\(names.count) in all)" }
        return shown
    }
}
