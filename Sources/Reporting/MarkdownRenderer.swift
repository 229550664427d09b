/// Renders a ``ReportDocument`` as GitHub-flavoured Markdown.
///
/// Labels are escaped with ``ReportText/escaped(_:)`` and `|` becomes `\|` so a label cannot break a
/// table; labels are not truncated. Numbers use the column styles, as in the terminal table.
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
        ReportText.escaped(raw).replacingOccurrences(of: "|", with: "\\|")
    }
}
