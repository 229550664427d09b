extension ReportDocument {
    /// A section of a ``ReportDocument``: a heading, its blocks in order, then its subsections.
    ///
    /// Top-level sections are written as second-level headings (`##`, `<h2>`), subsections one level
    /// deeper each.
    public struct Section: Sendable, Equatable {
        /// The heading, e.g. "By dose_group".
        public var heading: String
        /// An anchor id for links (letters, digits and dashes), or `nil`; used by the HTML writer.
        public var id: String?
        /// Whether a printed page starts a new page at this section (HTML print).
        public var startsPage: Bool
        /// The blocks in order.
        public var blocks: [ReportBlock]
        /// Sections nested in this one, written after its blocks.
        public var subsections: [Section]

        /// Creates a section.
        /// - Parameters:
        ///   - heading: The heading.
        ///   - id: An anchor id, or `nil`.
        ///   - startsPage: Whether print starts a new page here.
        ///   - blocks: The blocks.
        ///   - subsections: Nested sections.
        public init(
            heading: String, id: String? = nil, startsPage: Bool = false, blocks: [ReportBlock] = [],
            subsections: [Section] = []
        ) {
            self.heading = heading
            self.id = id
            self.startsPage = startsPage
            self.blocks = blocks
            self.subsections = subsections
        }

        /// Creates a section of tables.
        /// - Parameters:
        ///   - heading: The heading.
        ///   - tables: The tables, one block each.
        public init(heading: String, tables: [ReportTable]) {
            self.init(heading: heading, blocks: tables.map(ReportBlock.table))
        }

        /// The tables among the blocks, in order.
        public var tables: [ReportTable] {
            blocks.compactMap { block in
                if case .table(let table) = block { return table }
                return nil
            }
        }

        /// Appends a table block.
        /// - Parameter table: The table.
        public mutating func append(_ table: ReportTable) {
            blocks.append(.table(table))
        }

        /// A section listing warnings as a one-column table (`warning`), headed "WARNINGS (n)" so they
        /// cannot be missed; `nil` without warnings.
        /// - Parameter warnings: The warnings.
        /// - Returns: The section, or `nil`.
        public static func warnings(_ warnings: [String]) -> Section? {
            guard !warnings.isEmpty else { return nil }
            return Section(
                heading: "WARNINGS (\(warnings.count))",
                tables: [
                    ReportTable(title: "", columns: [ReportColumn("warning", style: .prose)], rows: warnings.map { [.text($0)] })
                ])
        }
    }
}
