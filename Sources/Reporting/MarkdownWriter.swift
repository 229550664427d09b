/// Writes a ``ReportDocument`` as GitHub-flavoured Markdown, with its figures as SVG files to be written
/// beside the Markdown file.
///
/// The title is a `#` heading, top-level sections `##` (deeper ones one `#` more each), tables pipe
/// tables with a `###` title and their notes as a list, header and key/value lines a list with the key in
/// bold, notes block quotes, a warning a block quote starting with **WARNING**, an unavailable part an
/// italic line, and a figure an image link to `<figurePrefix>-<name>.svg` with its caption in italics.
/// Blocks are separated by blank lines.
///
/// Labels are escaped with ``ReportText/escaped(_:)``, `|` becomes `\|` so a label cannot break a table,
/// and a `<` or `&` that could open an HTML tag or entity becomes `&lt;` / `&amp;` so a label such as
/// `<script>` shows as text (``inline(_:escapingEmphasis:)``); labels are not truncated. Numbers use the
/// column styles, as in the terminal table.
public struct MarkdownWriter: Sendable {
    /// The two layouts of Relief's Markdown.
    public enum Style: Sendable, Equatable {
        /// The output of a command (`--format markdown`): prose escapes only what could break a line or
        /// open HTML (labels such as `dose_group` read as typed), and the text ends after its last block.
        case compact
        /// A standalone report file read rendered: prose (title, headings, paragraphs, key/value lines,
        /// captions; not tables) also backslash-escapes emphasis, link and heading punctuation, and every
        /// block, the last included, is followed by a blank line.
        case standalone
    }

    /// A figure file to write beside the Markdown.
    public struct Figure: Sendable, Equatable {
        /// The file name (no directory), e.g. `report-km-1.svg`.
        public let fileName: String
        /// The SVG document, starting with an XML declaration.
        public let svg: String
    }

    /// The Markdown text and its figure files.
    public struct Output: Sendable, Equatable {
        /// The Markdown document.
        public let markdown: String
        /// The SVG files it links to, in the order they appear.
        public let figures: [Figure]
    }

    /// The layout.
    public var style: Style
    /// The file-name prefix of the figures (usually the Markdown file's name without extension); when
    /// used, only letters, digits, `-`, `_` and `.` are kept, others become `_`.
    public var figurePrefix: String

    /// Creates a writer.
    /// - Parameters:
    ///   - style: The layout, ``Style/compact`` by default.
    ///   - figurePrefix: The prefix of the figure file names, `figure` by default.
    public init(style: Style = .compact, figurePrefix: String = "figure") {
        self.style = style
        self.figurePrefix = figurePrefix
    }

    /// The document as Markdown, ending in a newline, and its figures.
    /// - Parameter document: The document.
    /// - Returns: The Markdown text and the SVG files it links to.
    /// - Complexity: O(total cells and text).
    public func write(_ document: ReportDocument) -> Output {
        var chunks = ["# " + prose(document.title) + "\n"]
        if let subtitle = document.subtitle { chunks.append("_" + prose(subtitle) + "_\n") }
        if !document.header.isEmpty { chunks.append(keyValues(document.header)) }
        var figures: [Figure] = []
        let prefix = Self.safeFileStem(figurePrefix)
        for section in document.sections { append(section, level: 2, prefix: prefix, to: &chunks, figures: &figures) }
        if !document.notes.isEmpty { chunks.append(notes(document.notes)) }
        let markdown = chunks.joined(separator: "\n") + (style == .standalone ? "\n" : "")
        return Output(markdown: markdown, figures: figures)
    }

    /// One table: a `###` title, the pipe table, and its notes as a list.
    /// - Parameter table: The table.
    /// - Returns: The Markdown, ending in a newline.
    /// - Complexity: O(cells).
    public func write(_ table: ReportTable) -> String {
        var out = ""
        if !table.title.isEmpty { out += "### " + cell(table.title) + "\n\n" }
        out += "| " + table.columns.map { cell($0.heading) }.joined(separator: " | ") + " |\n"
        out += "|" + table.columns.map { $0.isRightAligned ? "---:|" : "---|" }.joined() + "\n"
        for rowIndex in table.rows.indices {
            let cells = table.columns.indices.map { index -> String in
                let column = table.columns[index]
                switch table.cell(rowIndex, index) {
                case .text(let value): return cell(value)
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
            for note in table.notes { out += "- " + cell(note) + "\n" }
        }
        return out
    }

    /// Appends a section's heading, blocks and subsections as chunks (each ending in one newline).
    private func append(
        _ section: ReportDocument.Section, level: Int, prefix: String, to chunks: inout [String], figures: inout [Figure]
    ) {
        chunks.append(String(repeating: "#", count: min(level, 6)) + " " + prose(section.heading) + "\n")
        for block in section.blocks {
            switch block {
            case .keyValues(let lines): if !lines.isEmpty { chunks.append(keyValues(lines)) }
            case .table(let table): chunks.append(write(table))
            case .paragraph(let text): chunks.append(prose(text) + "\n")
            case .notes(let lines): if !lines.isEmpty { chunks.append(notes(lines)) }
            case .warning(let title, let messages):
                guard !messages.isEmpty else { continue }
                chunks.append(
                    "> **WARNING: " + prose(title) + "**\n>\n" + messages.map { "> - " + prose($0) + "\n" }.joined())
            case .figure(let svg, let caption, let name):
                let fileName = prefix + "-" + Self.safeFileStem(name) + ".svg"
                figures.append(Figure(fileName: fileName, svg: Self.standaloneSVG(svg)))
                chunks.append("![" + prose(caption) + "](" + fileName + ")\n\n*" + prose(caption) + "*\n")
            case .unavailable(let reason): chunks.append("_" + prose(reason) + "_\n")
            }
        }
        for subsection in section.subsections {
            append(subsection, level: level + 1, prefix: prefix, to: &chunks, figures: &figures)
        }
    }

    /// Key/value lines as a list, the key in bold.
    private func keyValues(_ lines: [(key: String, value: String)]) -> String {
        lines.map { "- **" + prose($0.key) + "**: " + prose($0.value) + "\n" }.joined()
    }

    /// Notes as block-quote lines.
    private func notes(_ lines: [String]) -> String {
        lines.map { "> " + prose($0) + "\n" }.joined()
    }

    /// Prose escaped for the ``style``.
    private func prose(_ raw: String) -> String {
        Self.inline(raw, escapingEmphasis: style == .standalone)
    }

    /// A table cell, title or note: never escapes emphasis.
    private func cell(_ raw: String) -> String {
        Self.inline(raw, escapingEmphasis: false)
    }

    /// The SVG as a file: with an XML declaration in front and a final newline.
    private static func standaloneSVG(_ svg: String) -> String {
        svg.hasPrefix("<?xml") ? svg : "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + svg + "\n"
    }
}
