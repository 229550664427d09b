/// Escapes text for HTML: labels taken from the input can never become markup.
///
/// Text first goes through ``ReportText/escaped(_:)``, so control and format characters (tab, newline,
/// the bidi override U+202E, ...) are shown visibly as `\t`, `\n`, `\u{202E}`, exactly as in the terminal
/// and Markdown output. Then `&`, `<`, `>`, `"` and `'` become character references, so the result is
/// safe both as element content and inside a quoted attribute value.
public enum HTMLEscaper {
    /// `raw` as HTML element content.
    ///
    /// Example: `<script>alert(1)</script>` becomes `&lt;script&gt;alert(1)&lt;/script&gt;`.
    /// - Parameter raw: Any text, e.g. a group label from the CSV.
    /// - Returns: Escaped text that a browser shows as `raw` (with unprintables made visible).
    /// - Complexity: O(n) in the length of `raw`.
    public static func text(_ raw: String) -> String {
        ReportText.replacingScalars(in: ReportText.escaped(raw)) { scalar in
            switch scalar {
            case "&": return "&amp;"
            case "<": return "&lt;"
            case ">": return "&gt;"
            case "\"": return "&quot;"
            case "'": return "&#39;"
            case "\u{FFFE}", "\u{FFFF}": return "\u{FFFD}"   // noncharacters, not allowed in XML (inline SVG)
            default: return nil
            }
        }
    }

    /// `raw` as the value of a quoted HTML attribute (`title="..."`, `id='...'`).
    ///
    /// The same escaping as ``text(_:)``: both quote characters are escaped, and newlines or tabs are
    /// shown as `\n` and `\t` rather than being normalised away by the browser.
    /// - Parameter raw: Any text.
    /// - Returns: Escaped text, safe between single or double quotes.
    /// - Complexity: O(n) in the length of `raw`.
    public static func attribute(_ raw: String) -> String {
        text(raw)
    }
}
