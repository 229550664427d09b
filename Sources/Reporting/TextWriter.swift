/// Writes a ``ReportDocument`` as aligned plain text for a terminal.
///
/// The title is underlined with `=`, top-level section headings with `-` (deeper ones with `~`); header
/// and key/value lines are aligned on their keys; blocks are separated by blank lines. In tables,
/// columns are separated by two spaces, text columns are left-aligned and numbers right-aligned. Every
/// text is escaped with ``ReportText/escaped(_:)``, and labels (text cells of ``ReportColumn/Style/label``
/// columns and column headers) are cut to ``labelWidth`` characters with a trailing `…`. A figure shows
/// its caption only.
public struct TextWriter: Sendable {
    /// The widest label shown before truncation.
    public var labelWidth: Int

    /// Creates a writer.
    /// - Parameter labelWidth: The widest label shown, ``ReportText/defaultLabelWidth`` (32) by default.
    public init(labelWidth: Int = ReportText.defaultLabelWidth) {
        self.labelWidth = labelWidth
    }

    /// The document as terminal text, ending in a newline.
    /// - Parameter document: The document.
    /// - Returns: The text.
    /// - Complexity: O(total cells).
    public func write(_ document: ReportDocument) -> String {
        var out = underlined(document.title, with: "=")
        if let subtitle = document.subtitle { out += ReportText.escaped(subtitle) + "\n" }
        out += keyValues(document.header)
        for section in document.sections { out += write(section, level: 2) }
        if !document.notes.isEmpty { out += "\n" + notes(document.notes) }
        return out
    }

    /// One table: its title, the header row, a rule, the rows, and its notes.
    /// - Parameter table: The table.
    /// - Returns: The text, ending in a newline.
    /// - Complexity: O(cells).
    public func write(_ table: ReportTable) -> String {
        let columns = table.columns
        var grid: [[String]] = [columns.map { label($0.heading) }]
        for rowIndex in table.rows.indices {
            grid.append(columns.indices.map { text(table.cell(rowIndex, $0), column: columns[$0]) })
        }
        var widths = [Int](repeating: 0, count: columns.count)
        for row in grid {
            for (index, cell) in row.enumerated() where cell.count > widths[index] { widths[index] = cell.count }
        }
        var out = ""
        if !table.title.isEmpty { out += ReportText.escaped(table.title) + "\n" }
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

    /// A section: its underlined heading, then each block and subsection after a blank line.
    private func write(_ section: ReportDocument.Section, level: Int) -> String {
        var out = "\n" + underlined(section.heading, with: level <= 2 ? "-" : "~")
        for block in section.blocks {
            let text = write(block)
            if !text.isEmpty { out += "\n" + text }
        }
        for subsection in section.subsections { out += write(subsection, level: level + 1) }
        return out
    }

    /// One block, ending in a newline (empty for a warning without messages).
    private func write(_ block: ReportBlock) -> String {
        switch block {
        case .keyValues(let lines): return keyValues(lines)
        case .table(let table): return write(table)
        case .paragraph(let text): return ReportText.escaped(text) + "\n"
        case .notes(let lines): return notes(lines)
        case .warning(let title, let messages):
            guard !messages.isEmpty else { return "" }
            return "WARNING: " + ReportText.escaped(title) + "\n" + messages.map { "  - " + ReportText.escaped($0) + "\n" }.joined()
        case .figure(_, let caption, _): return "Figure: " + ReportText.escaped(caption) + "\n"
        case .unavailable(let reason): return ReportText.escaped(reason) + "\n"
        }
    }

    /// `text` escaped, with a rule of `character` as long as it under it.
    private func underlined(_ text: String, with character: Character) -> String {
        let text = ReportText.escaped(text)
        return text + "\n" + String(repeating: character, count: text.count) + "\n"
    }

    /// Key/value lines, the values aligned after the longest key.
    private func keyValues(_ lines: [(key: String, value: String)]) -> String {
        let keys = lines.map { ReportText.escaped($0.key) + ":" }
        let width = keys.map(\.count).max() ?? 0
        return zip(keys, lines).map { key, line in pad(key, to: width, right: false) + " " + ReportText.escaped(line.value) + "\n" }
            .joined()
    }

    /// Notes, one per line.
    private func notes(_ lines: [String]) -> String {
        lines.map { ReportText.escaped($0) + "\n" }.joined()
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
