import Reporting

/// Renders a ``ClinicalReport`` as one self-contained HTML document: inline CSS, inline SVG plots, no
/// scripts and nothing fetched (a Content-Security-Policy forbids it). Every label from the input is
/// escaped. It lays out the report through ``ClinicalReportLayout`` and computes nothing.
///
/// The same document serves screen and print: the stylesheet's print rules start the major sections on
/// a new A4 page and keep tables and figures whole.
public struct ClinicalReportHTMLRenderer: Sendable {
    /// Creates a renderer.
    public init() {}

    /// The HTML document of a report.
    /// - Parameter report: The computed report.
    /// - Returns: The complete HTML text.
    public func render(_ report: ClinicalReport) -> String {
        let layout = ClinicalReportLayout(report)
        var page = HTMLPage(title: layout.title)
        page.append(
            rawHTML: "<header class=\"report-header\">\n<h1>" + HTMLEscaper.text(layout.title) + "</h1>\n<p class=\"subtitle\">"
                + HTMLEscaper.text(layout.subtitle) + "</p>\n</header>\n")
        page.append(rawHTML: contents(layout))
        for section in layout.sections {
            page.append(rawHTML: html(section))
        }
        page.append(
            rawHTML: "<footer class=\"report-footer\"><p>" + HTMLEscaper.text(
                "Relief \(report.provenance.version) · input SHA-256 \(report.input.sha256) · \(report.provenance.command)")
                + "</p></footer>\n")
        return page.html()
    }

    /// The table of contents.
    package func contents(_ layout: ClinicalReportLayout) -> String {
        var out = "<nav class=\"contents\" aria-label=\"Contents\">\n<p class=\"contents-title\">Contents</p>\n<ol>\n"
        for section in layout.sections {
            out += "<li><a href=\"#" + HTMLEscaper.attribute(section.id) + "\">" + HTMLEscaper.text(section.heading) + "</a></li>\n"
        }
        return out + "</ol>\n</nav>\n"
    }

    /// One section (printing starts the major ones on a new page).
    package func html(_ section: ClinicalReportLayout.Section) -> String {
        HTMLPage.sectionHTML(
            heading: section.heading, bodyHTML: section.blocks.map(html).joined(), id: section.id,
            pageBreak: section.startsPage)
    }

    /// One block.
    package func html(_ block: ClinicalReportLayout.Block) -> String {
        switch block {
        case .paragraph(let text):
            return HTMLPage.paragraphHTML(text)
        case .table(let table):
            return HTMLTableRenderer().render(table)
        case .figure(let svg, let caption, let name):
            return HTMLPage.figureHTML(svg: svg, caption: caption, id: "fig-" + name)
        case .warning(let title, let messages):
            return HTMLPage.warningHTML(title: title, messages: messages)
        case .unavailable(let reason):
            return HTMLPage.paragraphHTML(reason, cssClass: "unavailable")
        case .facts(let facts):
            var out = "<dl class=\"provenance\">\n"
            for fact in facts {
                out += "<dt>" + HTMLEscaper.text(fact.key) + "</dt><dd>" + HTMLEscaper.text(fact.value) + "</dd>\n"
            }
            return out + "</dl>\n"
        }
    }
}
