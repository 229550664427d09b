import Reporting

/// A clinical report laid out as sections of blocks (paragraphs, tables, figures, warnings), shared by
/// the HTML and Markdown renderers so both show the same content. Building it only arranges and
/// formats numbers already in the ``ClinicalReport``; nothing is recomputed.
public struct ClinicalReportLayout: Sendable {
    /// One block of a section.
    public enum Block: Sendable {
        /// A paragraph of plain text (escaped by the renderer).
        case paragraph(String)
        /// A table.
        case table(ReportTable)
        /// A figure: an SVG document, its caption and a short file-name stem (for Markdown's SVG files).
        case figure(svg: String, caption: String, name: String)
        /// A prominent warning box.
        case warning(title: String, messages: [String])
        /// A part that could not be computed, and why.
        case unavailable(String)
        /// Key/value lines.
        case facts([(key: String, value: String)])
    }

    /// A section: an anchor id, a heading and its blocks.
    public struct Section: Sendable {
        /// The anchor id (letters, digits and dashes).
        public var id: String
        /// The heading.
        public var heading: String
        /// The blocks in order.
        public var blocks: [Block]
        /// Whether a printed report starts the section on a new page.
        public var startsPage: Bool
    }

    /// The title.
    public let title: String
    /// The line under the title (input, date, version).
    public let subtitle: String
    /// The sections in order.
    public let sections: [Section]

    /// Lays out a report.
    /// - Parameter report: The computed report.
    public init(_ report: ClinicalReport) {
        title = report.title
        subtitle = "Input " + report.input.file + " · " + (report.provenance.date.map { "generated " + $0 + " · " } ?? "")
            + "Relief " + report.provenance.version
        var sections: [Section] = []
        sections.append(Section(id: "summary", heading: "At a glance", blocks: Self.glance(report), startsPage: false))
        sections.append(Section(id: "provenance", heading: "Provenance", blocks: Self.provenance(report), startsPage: false))
        sections.append(Section(id: "baseline", heading: "Baseline characteristics", blocks: Self.baseline(report), startsPage: true))
        for (index, comparison) in report.comparisons.enumerated() {
            sections.append(
                Section(
                    id: "relief-\(index + 1)", heading: "Relief by " + comparison.title.lowercasedFirst,
                    blocks: Self.comparison(comparison, index: index), startsPage: true))
        }
        sections.append(Section(id: "regression", heading: "Adjusted regression", blocks: Self.regression(report), startsPage: true))
        sections.append(Section(id: "dose-response", heading: "Dose-response", blocks: Self.doseResponse(report), startsPage: true))
        sections.append(Section(id: "coverage", heading: "Relief coverage by dose and interval", blocks: Self.coverage(report), startsPage: false))
        sections.append(Section(id: "methods", heading: "Methods", blocks: report.methods.paragraphs().map(Block.paragraph), startsPage: true))
        if report.includesIdentifiers, let listing = report.patientListing {
            sections.append(Section(id: "patients", heading: "Patient listing (identifiers shown)", blocks: Self.listing(listing), startsPage: true))
        }
        self.sections = sections
    }
}

extension String {
    /// The string with its first character lower-cased ("Dose group" → "dose group").
    var lowercasedFirst: String {
        guard let first else { return self }
        return first.lowercased() + dropFirst()
    }
}
