import Reporting

/// Renders a ``ClinicalReport`` as Markdown with its plots as separate SVG files (named
/// `<prefix>-<figure>.svg`, to be written beside the Markdown file). The content is the HTML report's,
/// through ``ClinicalReportLayout``; labels are escaped for Markdown tables.
public struct ClinicalReportMarkdownRenderer: Sendable {
    /// A figure file to write beside the Markdown.
    public struct Figure: Sendable, Equatable {
        /// The file name (no directory), e.g. `report-km-1.svg`.
        public let fileName: String
        /// The SVG document.
        public let svg: String
    }

    /// The Markdown text and its figure files.
    public struct Output: Sendable, Equatable {
        /// The Markdown document.
        public let markdown: String
        /// The SVG files it links to.
        public let figures: [Figure]
    }

    /// The file-name prefix of the figures (usually the Markdown file's name without extension).
    public var figurePrefix: String

    /// Creates a renderer.
    /// - Parameter figurePrefix: The prefix of the figure file names.
    public init(figurePrefix: String) {
        self.figurePrefix = Self.safeFileStem(figurePrefix)
    }

    /// The Markdown and its figures.
    /// - Parameter report: The computed report.
    /// - Returns: The output.
    public func render(_ report: ClinicalReport) -> Output {
        let layout = ClinicalReportLayout(report)
        var out = "# " + Self.inline(layout.title) + "\n\n_" + Self.inline(layout.subtitle) + "_\n\n"
        var figures: [Figure] = []
        for section in layout.sections {
            out += "## " + Self.inline(section.heading) + "\n\n"
            for block in section.blocks {
                switch block {
                case .paragraph(let text):
                    out += Self.inline(text) + "\n\n"
                case .table(let table):
                    out += MarkdownRenderer().render(table) + "\n"
                case .figure(let svg, let caption, let name):
                    let fileName = "\(figurePrefix)-\(name).svg"
                    figures.append(Figure(fileName: fileName, svg: svg.hasPrefix("<?xml") ? svg : "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + svg + "\n"))
                    out += "![" + Self.inline(caption) + "](" + fileName + ")\n\n*" + Self.inline(caption) + "*\n\n"
                case .warning(let title, let messages):
                    out += "> **WARNING: " + Self.inline(title) + "**\n>\n"
                    for message in messages { out += "> - " + Self.inline(message) + "\n" }
                    out += "\n"
                case .unavailable(let reason):
                    out += "_" + Self.inline(reason) + "_\n\n"
                case .facts(let facts):
                    for fact in facts { out += "- **" + Self.inline(fact.key) + "**: " + Self.inline(fact.value) + "\n" }
                    out += "\n"
                }
            }
        }
        return Output(markdown: out, figures: figures)
    }

    /// Text made safe for Markdown prose: as table cells (``MarkdownRenderer``), plus Markdown
    /// punctuation backslash-escaped so labels such as `dose_group` are not read as emphasis.
    package static func inline(_ raw: String) -> String {
        MarkdownRenderer.inline(raw, escapingEmphasis: true)
    }

    /// A file stem of letters, digits, dashes, dots and underscores only.
    package static func safeFileStem(_ raw: String) -> String {
        let allowed = raw.unicodeScalars.map { scalar -> Character in
            let ok = (scalar >= "a" && scalar <= "z") || (scalar >= "A" && scalar <= "Z") || (scalar >= "0" && scalar <= "9")
                || scalar == "-" || scalar == "_" || scalar == "."
            return ok ? Character(scalar) : "_"
        }
        let stem = String(allowed)
        return stem.isEmpty ? "report" : stem
    }
}
