import Reporting

/// A clinical report laid out as a ``Reporting/ReportDocument``: the same document type every command
/// fills, written by Reporting's `HTMLWriter` (``ClinicalReportHTMLRenderer``) and `MarkdownWriter`
/// (``ClinicalReportMarkdownRenderer``), so both show the same content. Building it only arranges and
/// formats numbers already in the ``ClinicalReport``; nothing is recomputed.
///
/// The document has a subtitle (input, date, version), a table of contents, a footer (version, input
/// hash, command) and these sections: at a glance, provenance, baseline, one per Kaplan–Meier
/// comparison, the adjusted regression, dose-response, coverage, methods and, only with identifiers
/// allowed, the patient listing. The major sections start a new printed page.
public struct ClinicalReportLayout: Sendable {
    /// The laid-out report.
    public let document: ReportDocument

    /// Lays out a report.
    /// - Parameter report: The computed report.
    public init(_ report: ClinicalReport) {
        typealias Section = ReportDocument.Section
        let words = report.input.wording
        var sections = [
            Section(heading: "At a glance", id: "summary", blocks: Self.glance(report)),
            Section(heading: "Provenance", id: "provenance", blocks: Self.provenance(report)),
            Section(heading: "Baseline characteristics", id: "baseline", startsPage: true, blocks: Self.baseline(report)),
        ]
        for (index, comparison) in report.comparisons.enumerated() {
            sections.append(
                Section(
                    heading: "\(words.outcomeTitle) by " + comparison.title.lowercasedFirst, id: "relief-\(index + 1)",
                    startsPage: true, blocks: Self.comparison(comparison, index: index, words: words)))
        }
        sections += [
            Section(heading: "Adjusted regression", id: "regression", startsPage: true, blocks: Self.regression(report)),
            Section(heading: "Dose-response", id: "dose-response", startsPage: true, blocks: Self.doseResponse(report)),
            Section(heading: "\(words.outcomeTitle) coverage by dose and interval", id: "coverage", blocks: Self.coverage(report)),
            Section(
                heading: "Methods", id: "methods", startsPage: true,
                blocks: report.methods.paragraphs().map(ReportBlock.paragraph)),
        ]
        if report.includesIdentifiers, let listing = report.patientListing {
            sections.append(
                Section(
                    heading: "Patient listing (identifiers shown)", id: "patients", startsPage: true,
                    blocks: Self.listing(listing, words: words)))
        }
        document = ReportDocument(
            title: report.title,
            subtitle: "Input " + report.input.file + " · " + (report.provenance.date.map { "generated " + $0 + " · " } ?? "")
                + "Relief " + report.provenance.version,
            sections: sections,
            footer: "Relief \(report.provenance.version) · input SHA-256 \(report.input.sha256) · \(report.provenance.command)",
            listsContents: true)
    }
}

extension String {
    /// The string with its first character lower-cased ("Dose group" → "dose group").
    var lowercasedFirst: String {
        guard let first else { return self }
        return first.lowercased() + dropFirst()
    }
}
