import Foundation

/// Text conventions shared by the renderers: escaping of labels from the input, truncation with an
/// ellipsis, and number formatting.
///
/// Labels come from CSV files and may contain anything. Before they reach a terminal or Markdown,
/// control and format characters are shown escaped: tab as `\t`, newline as `\n`, carriage return as
/// `\r`, a backslash as `\\`, and every other control (Unicode category Cc) or format (Cf, e.g. the
/// bidi override U+202E) character as `\u{1B}` (upper-case hex, no padding), as in a Swift literal.
public enum ReportText {
    /// The widest label (in characters) the terminal table shows before truncating it with `…`.
    public static let defaultLabelWidth = 32

    /// `text` with control and format characters escaped (see ``ReportText``).
    /// - Parameter text: Raw text, e.g. a group level from the CSV.
    /// - Returns: Printable text; unchanged when it holds no control, format or backslash character.
    /// - Complexity: O(n) in the length of `text`.
    public static func escaped(_ text: String) -> String {
        replacingScalars(in: text) { scalar in scalar == "\\" ? "\\\\" : controlEscape(scalar) }
    }

    /// `text` with control and format characters escaped as ``escaped(_:)`` does, but backslashes kept:
    /// for messages and warnings on a terminal, which quote the user's text and the data's.
    /// - Parameter text: A message.
    /// - Returns: Printable text.
    /// - Complexity: O(n) in the length of `text`.
    public static func escapedControls(_ text: String) -> String {
        replacingScalars(in: text, controlEscape)
    }

    /// The escape of a control or format scalar (`\t`, `\n`, `\r`, `\u{1B}`), `nil` for any other.
    static func controlEscape(_ scalar: Unicode.Scalar) -> String? {
        switch scalar {
        case "\t": return "\\t"
        case "\n": return "\\n"
        case "\r": return "\\r"
        default: return isUnprintable(scalar) ? "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}" : nil
        }
    }

    /// `text` with every scalar for which `replacement` gives a text replaced by that text: the one loop
    /// behind the escaping of terminal text, HTML and JSON strings.
    /// - Parameters:
    ///   - text: The text.
    ///   - replacement: The replacement of a scalar, or `nil` to keep it.
    /// - Returns: The new text; `text` itself when no scalar is replaced.
    /// - Complexity: O(n) in the length of `text`.
    package static func replacingScalars(in text: String, _ replacement: (Unicode.Scalar) -> String?) -> String {
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { replacement($0) != nil }) else { return text }
        var out = String.UnicodeScalarView(scalars[..<first])
        for scalar in scalars[first...] {
            if let substitute = replacement(scalar) {
                out.append(contentsOf: substitute.unicodeScalars)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// Whether `scalar` is a control (Cc) or format (Cf) character, which terminals may interpret.
    /// - Parameter scalar: The scalar.
    /// - Returns: `true` for control and format characters.
    /// - Complexity: O(1); ASCII (all of a figure's numbers and paths) without the Unicode property lookup.
    public static func isUnprintable(_ scalar: Unicode.Scalar) -> Bool {
        // ASCII's control characters are U+0000–U+001F and U+007F; it has no format character.
        if scalar.isASCII { return scalar.value < 0x20 || scalar.value == 0x7F }
        switch scalar.properties.generalCategory {
        case .control, .format: return true
        default: return false
        }
    }

    /// `text` cut to at most `width` characters, ending in `…` when it was cut.
    /// - Parameters:
    ///   - text: The (already escaped) text.
    ///   - width: The maximum number of characters, at least 1.
    /// - Returns: `text` itself when it fits, else its first `width - 1` characters and `…`.
    /// - Complexity: O(n) in the length of `text`.
    public static func truncated(_ text: String, width: Int) -> String {
        let width = max(1, width)
        guard text.count > width else { return text }
        return String(text.prefix(width - 1)) + "…"
    }

    /// A number with full precision: the shortest decimal text that reads back as the same `Double`
    /// (Swift's `description`, e.g. `0.1`, `14.0`, `1e-300`), or `nil` when it is NaN or infinite.
    /// - Parameter value: The number.
    /// - Returns: The text, or `nil` for a non-finite value.
    public static func fullPrecision(_ value: Double) -> String? {
        guard value.isFinite else { return nil }
        return String(describing: value)
    }

    /// A number formatted for reading in the given column style.
    /// - Parameters:
    ///   - value: The number (`nil` or non-finite gives `missing`).
    ///   - style: The column style.
    ///   - missing: The text for an unknown value.
    /// - Returns: The formatted number.
    public static func display(_ value: Double?, style: ReportColumn.Style, missing: String) -> String {
        guard let value, value.isFinite else { return missing }
        switch style {
        case .label, .prose:
            return String(describing: value)
        case .count:
            if value.rounded() == value, abs(value) < 1e15 { return String(Int(value)) }
            return String(describing: value)
        case .fixed(let decimals):
            let text = String(format: "%.\(max(0, min(decimals, 17)))f", value)
            // "-0.0000" for a tiny negative number reads as a sign error; show it unsigned.
            if text.hasPrefix("-"), text.dropFirst().allSatisfy({ $0 == "0" || $0 == "." }) {
                return String(text.dropFirst())
            }
            return text
        case .general(let significant):
            return String(format: "%.\(max(1, min(significant, 17)))g", value)
        case .pValue:
            if value < 1e-4 { return String(format: "%.2e", value) }
            return String(format: "%.4f", value)
        }
    }
}
