/// Renders a ``ReportDocument`` as GitHub-flavoured Markdown.
///
/// Labels are escaped with ``ReportText/escaped(_:)``, `|` becomes `\|` so a label cannot break a
/// table, and a `<` or `&` that could open an HTML tag or entity becomes `&lt;` / `&amp;` so a label
/// such as `<script>` shows as text (``inline(_:escapingEmphasis:)``); labels are not truncated. Numbers use the column styles, as in the terminal table.
public struct MarkdownRenderer: Sendable {
    /// Creates a renderer.
    public init() {}

    /// The document as Markdown, ending in a newline.
    /// - Parameter document: The document.
    /// - Returns: The Markdown text.
    /// - Complexity: O(total cells).
    public func render(_ document: ReportDocument) -> String {
        var out = "# " + inline(document.title) + "\n\n"
        for (key, value) in document.header {
            out += "- **" + inline(key) + "**: " + inline(value) + "\n"
        }
        for section in document.sections {
            out += "\n## " + inline(section.heading) + "\n"
            for table in section.tables {
                out += "\n" + render(table)
            }
        }
        if !document.notes.isEmpty {
            out += "\n"
            for note in document.notes { out += "> " + inline(note) + "\n" }
        }
        return out
    }

    /// One table: a `###` title, the pipe table, and its notes as a list.
    /// - Parameter table: The table.
    /// - Returns: The Markdown, ending in a newline.
    /// - Complexity: O(cells).
    public func render(_ table: ReportTable) -> String {
        var out = ""
        if !table.title.isEmpty { out += "### " + inline(table.title) + "\n\n" }
        out += "| " + table.columns.map { inline($0.name) }.joined(separator: " | ") + " |\n"
        out += "|" + table.columns.map { $0.isRightAligned ? "---:|" : "---|" }.joined() + "\n"
        for rowIndex in table.rows.indices {
            let cells = table.columns.indices.map { index -> String in
                let column = table.columns[index]
                switch table.cell(rowIndex, index) {
                case .text(let value): return inline(value)
                case .integer(let value): return String(value)
                case .number(let value):
                    return ReportText.display(value, style: column.style, missing: column.missingLabel)
                case .empty: return ""
                }
            }
            out += "| " + cells.joined(separator: " | ") + " |\n"
        }
        if !table.notes.isEmpty {
            out += "\n"
            for note in table.notes { out += "- " + inline(note) + "\n" }
        }
        return out
    }

    /// Escapes text for a Markdown line or table cell.
    private func inline(_ raw: String) -> String {
        Self.inline(raw, escapingEmphasis: false)
    }

    /// Text made safe for one Markdown line or table cell: unprintables shown as ``ReportText`` does,
    /// `|` escaped, `<` before a letter, `/`, `!` or `?` written `&lt;` and `&` before a letter or `#`
    /// written `&amp;` (what could start raw HTML or an entity in CommonMark; `<=7` stays as it is).
    /// - Parameters:
    ///   - raw: Any text, e.g. a group label from the CSV.
    ///   - escapingEmphasis: Also backslash-escape `` ` ``, `*`, `_`, `[`, `]` and `#` (for prose; a
    ///     backslash is already doubled by ``ReportText/escaped(_:)``).
    /// - Returns: The escaped text.
    /// - Complexity: O(n) in the length of `raw`.
    package static func inline(_ raw: String, escapingEmphasis: Bool) -> String {
        let scalars = Array(ReportText.escaped(raw).unicodeScalars)
        var out = String.UnicodeScalarView()
        for (index, scalar) in scalars.enumerated() {
            let next = index + 1 < scalars.count ? scalars[index + 1] : nil
            switch scalar {
            case "|":
                out.append(contentsOf: "\\|".unicodeScalars)
            case "<" where next.map { Self.isASCIILetter($0) || $0 == "/" || $0 == "!" || $0 == "?" } ?? false:
                out.append(contentsOf: "&lt;".unicodeScalars)
            case "&" where next.map { Self.isASCIILetter($0) || $0 == "#" } ?? false:
                out.append(contentsOf: "&amp;".unicodeScalars)
            case _ where escapingEmphasis && "`*_[]#".unicodeScalars.contains(scalar):
                out.append("\\")
                out.append(scalar)
            default:
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// Whether `scalar` is an ASCII letter.
    package static func isASCIILetter(_ scalar: Unicode.Scalar) -> Bool {
        (scalar >= "a" && scalar <= "z") || (scalar >= "A" && scalar <= "Z")
    }
}
