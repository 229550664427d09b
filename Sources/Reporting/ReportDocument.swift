/// A report: a title, header lines (input, options, provenance), titled tables and closing notes.
///
/// Models do not know about formats; a renderer such as ``SummaryRenderer`` fills a document from a
/// result and ``TextTableRenderer`` or ``MarkdownRenderer`` turn it into text (the statsmodels
/// `summary2` design).
public struct ReportDocument: Sendable, Equatable {
    /// A section: a heading and its tables.
    public struct Section: Sendable, Equatable {
        /// The section heading, e.g. "By dose_group".
        public var heading: String
        /// The tables in the section.
        public var tables: [ReportTable]

        /// Creates a section.
        /// - Parameters:
        ///   - heading: The heading.
        ///   - tables: The tables.
        public init(heading: String, tables: [ReportTable] = []) {
            self.heading = heading
            self.tables = tables
        }
    }

    /// The report title.
    public var title: String
    /// Key/value lines under the title (input file, SHA-256, CI transform, version, ...).
    public var header: [(key: String, value: String)]
    /// The sections in order.
    public var sections: [Section]
    /// Closing notes (warnings, footnotes).
    public var notes: [String]

    /// Creates a document.
    /// - Parameters:
    ///   - title: The title.
    ///   - header: Key/value lines under the title.
    ///   - sections: The sections.
    ///   - notes: Closing notes.
    public init(
        title: String, header: [(key: String, value: String)] = [], sections: [Section] = [],
        notes: [String] = []
    ) {
        self.title = title
        self.header = header
        self.sections = sections
        self.notes = notes
    }

    /// Documents are equal when title, header, sections and notes are equal.
    public static func == (lhs: ReportDocument, rhs: ReportDocument) -> Bool {
        lhs.title == rhs.title && lhs.sections == rhs.sections && lhs.notes == rhs.notes
            && lhs.header.map(\.key) == rhs.header.map(\.key)
            && lhs.header.map(\.value) == rhs.header.map(\.value)
    }
}
