/// A document: what every command and the clinical report produce, and the only thing the writers know.
///
/// A document has a title (and an optional line under it), header key/value lines (input, options,
/// provenance), sections of blocks (tables, paragraphs, key/value lines, notes, warnings, figures,
/// explanations of what is unavailable; sections may nest) and closing notes. Models do not know about
/// formats: the result renderers of the Analysis module fill a document, and one writer per format lays
/// it out — ``TextWriter`` (terminal), ``MarkdownWriter`` (Markdown plus SVG files) and ``HTMLWriter``
/// (one self-contained page) — the statsmodels `summary2` design. Documents hold text and values, never
/// markup: each writer escapes every label for its format.
public struct ReportDocument: Sendable, Equatable {
    /// The title.
    public var title: String
    /// A line under the title (e.g. input, date and version of the clinical report), or `nil`.
    public var subtitle: String?
    /// Key/value lines under the title (input file, SHA-256, CI transform, version, ...).
    public var header: [(key: String, value: String)]
    /// The sections in order.
    public var sections: [Section]
    /// Closing notes (warnings, footnotes), written after the sections.
    public var notes: [String]
    /// A line at the foot of the HTML page (e.g. version, input hash and command, for print), or `nil`.
    /// The text and Markdown writers leave it out: the header or a section says the same.
    public var footer: String?
    /// Whether the HTML page starts with a table of contents linking the top-level sections.
    public var listsContents: Bool

    /// Creates a document.
    /// - Parameters:
    ///   - title: The title.
    ///   - subtitle: A line under the title, or `nil`.
    ///   - header: Key/value lines under the title.
    ///   - sections: The sections.
    ///   - notes: Closing notes.
    ///   - footer: A line at the foot of the HTML page, or `nil`.
    ///   - listsContents: Whether the HTML page lists the sections in a table of contents.
    public init(
        title: String, subtitle: String? = nil, header: [(key: String, value: String)] = [], sections: [Section] = [],
        notes: [String] = [], footer: String? = nil, listsContents: Bool = false
    ) {
        self.title = title
        self.subtitle = subtitle
        self.header = header
        self.sections = sections
        self.notes = notes
        self.footer = footer
        self.listsContents = listsContents
    }

    /// Documents are equal when every part is equal (header lines compared key by key, in order).
    public static func == (lhs: ReportDocument, rhs: ReportDocument) -> Bool {
        lhs.title == rhs.title && lhs.subtitle == rhs.subtitle && lhs.sections == rhs.sections
            && lhs.notes == rhs.notes && lhs.footer == rhs.footer && lhs.listsContents == rhs.listsContents
            && ReportBlock.keyValues(lhs.header) == ReportBlock.keyValues(rhs.header)
    }
}
