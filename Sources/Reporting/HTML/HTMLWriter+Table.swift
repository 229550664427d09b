extension HTMLWriter {
    /// One table as an HTML fragment, in the layout of the terminal and Markdown tables, ending in a
    /// newline.
    ///
    /// The title becomes the `<caption>`, column headings the `<thead>` row, and the rows the `<tbody>`.
    /// Numbers are formatted with ``ReportText/display(_:style:missing:)``, so every number reads exactly
    /// as in ``MarkdownWriter`` and ``TextWriter``. Right-aligned (numeric) columns carry the CSS class
    /// `num` on their `<th>` and `<td>` cells (see ``HTMLStyleSheet``). Every text cell, the caption, the
    /// headings and the notes are escaped with ``HTMLEscaper/text(_:)``; labels are never truncated. The
    /// table and its notes (`<p class="table-note">`) are wrapped in `<div class="table-block">`, so print
    /// keeps them together.
    /// - Parameter table: The table.
    /// - Returns: A `<div class="table-block">` holding the `<table>` and its notes.
    /// - Complexity: O(cells).
    public func write(_ table: ReportTable) -> String {
        var out = "<div class=\"table-block\">\n<table class=\"report-table\">\n"
        if !table.title.isEmpty {
            out += "<caption>" + HTMLEscaper.text(table.title) + "</caption>\n"
        }
        out += "<thead>\n<tr>"
        for column in table.columns {
            out += "<th scope=\"col\"" + numericClass(column) + ">" + HTMLEscaper.text(column.heading) + "</th>"
        }
        out += "</tr>\n</thead>\n<tbody>\n"
        for rowIndex in table.rows.indices {
            out += "<tr>"
            for (index, column) in table.columns.enumerated() {
                out += "<td" + numericClass(column) + ">" + text(table.cell(rowIndex, index), column: column) + "</td>"
            }
            out += "</tr>\n"
        }
        out += "</tbody>\n</table>\n"
        for note in table.notes {
            out += "<p class=\"table-note\">" + HTMLEscaper.text(note) + "</p>\n"
        }
        return out + "</div>\n"
    }

    /// ` class="num"` for a right-aligned column, else nothing.
    private func numericClass(_ column: ReportColumn) -> String {
        column.isRightAligned ? " class=\"num\"" : ""
    }

    /// The escaped content of one cell.
    private func text(_ cell: ReportCell, column: ReportColumn) -> String {
        switch cell {
        case .text(let value): return HTMLEscaper.text(value)
        case .integer(let value): return String(value)
        case .number(let value):
            return HTMLEscaper.text(ReportText.display(value, style: column.style, missing: column.missingLabel))
        case .empty: return ""
        }
    }
}
