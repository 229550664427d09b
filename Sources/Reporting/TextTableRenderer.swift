/// Renders a ``ReportDocument`` as aligned plain text for a terminal.
///
/// Columns are separated by two spaces; text columns are left-aligned, numbers right-aligned. Labels
/// (text cells and column headers) are escaped with ``ReportText/escaped(_:)`` and cut to
/// ``labelWidth`` characters with a trailing `…` (default ``ReportText/defaultLabelWidth``, 32).
public struct TextTableRenderer: Sendable {
    /// The widest label shown before truncation.
    public var labelWidth: Int

    /// Creates a renderer.
    /// - Parameter labelWidth: The widest label shown, 32 by default.
    public init(labelWidth: Int = ReportText.defaultLabelWidth) {
        self.labelWidth = labelWidth
    }

    /// The document as terminal text, ending in a newline.
    /// - Parameter document: The document.
    /// - Returns: The text.
    /// - Complexity: O(total cells).
    public func render(_ document: ReportDocument) -> String {
        var out = document.title + "\n" + String(repeating: "=", count: document.title.count) + "\n"
        let keyWidth = document.header.map { $0.key.count }.max() ?? 0
        for (key, value) in document.header {
            out += pad(key + ":", to: keyWidth + 1, right: false) + " " + ReportText.escaped(value) + "\n"
        }
        for section in document.sections {
            out += "\n" + section.heading + "\n" + String(repeating: "-", count: section.heading.count) + "\n"
            for table in section.tables {
                out += "\n" + render(table)
            }
        }
        if !document.notes.isEmpty {
            out += "\n"
            for note in document.notes { out += ReportText.escaped(note) + "\n" }
        }
        return out
    }

    /// One table: its title, the header row, a rule, the rows, and its notes.
    /// - Parameter table: The table.
    /// - Returns: The text, ending in a newline.
    /// - Complexity: O(cells).
    public func render(_ table: ReportTable) -> String {
        let columns = table.columns
        var grid: [[String]] = [columns.map { label($0.name) }]
        for rowIndex in table.rows.indices {
            grid.append(columns.indices.map { text(table.cell(rowIndex, $0), column: columns[$0]) })
        }
        var widths = [Int](repeating: 0, count: columns.count)
        for row in grid {
            for (index, cell) in row.enumerated() where cell.count > widths[index] { widths[index] = cell.count }
        }
        var out = ""
        if !table.title.isEmpty { out += table.title + "\n" }
        for (rowIndex, row) in grid.enumerated() {
            let line = row.enumerated().map { index, cell in
                pad(cell, to: widths[index], right: columns[index].isRightAligned)
            }.joined(separator: "  ")
            out += trimTrailing(line) + "\n"
            if rowIndex == 0 {
                out += widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ") + "\n"
            }
        }
        for note in table.notes { out += "  " + ReportText.escaped(note) + "\n" }
        return out
    }

    private func label(_ raw: String) -> String {
        ReportText.truncated(ReportText.escaped(raw), width: labelWidth)
    }

    private func text(_ cell: ReportCell, column: ReportColumn) -> String {
        switch cell {
        case .text(let value): return column.style == .prose ? ReportText.escaped(value) : label(value)
        case .integer(let value): return String(value)
        case .number(let value): return ReportText.display(value, style: column.style, missing: column.missingLabel)
        case .empty: return ""
        }
    }

    private func pad(_ text: String, to width: Int, right: Bool) -> String {
        let fill = String(repeating: " ", count: max(0, width - text.count))
        return right ? fill + text : text + fill
    }

    private func trimTrailing(_ line: String) -> String {
        var line = Substring(line)
        while line.last == " " { line = line.dropLast() }
        return String(line)
    }
}
