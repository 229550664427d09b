@testable import Reporting
import Testing

@Suite struct HTMLWriterTests {
    static let hostile = "<script>alert(1)</script>"
    static let svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"></svg>"

    /// A command's document: header lines, a section of tables, closing notes.
    static func document() -> ReportDocument {
        ReportDocument(
            title: "Relief summary by " + hostile,
            header: [(key: "input", value: "trial.csv"), (key: "by", value: hostile)],
            sections: [
                ReportDocument.Section(
                    heading: "Groups " + hostile, tables: [HTMLTableTests.table])
            ],
            notes: ["warning: " + hostile])
    }

    /// A report's document: subtitle, contents, every kind of block, a nested section, a footer.
    static func report() -> ReportDocument {
        ReportDocument(
            title: "Report " + hostile,
            subtitle: "Input " + hostile,
            sections: [
                ReportDocument.Section(
                    heading: "At a glance", id: "summary",
                    blocks: [
                        .warning(title: "Model warnings", messages: ["did not converge " + hostile]),
                        .warning(title: "Nothing", messages: []),
                        .keyValues([(key: "Patients", value: "400 " + hostile)]),
                        .paragraph("Median " + hostile),
                    ]),
                ReportDocument.Section(
                    heading: "Baseline", id: "baseline", startsPage: true,
                    blocks: [
                        .figure(svg: svg, caption: "KM " + hostile, name: "km-1"),
                        .table(HTMLTableTests.table),
                        .unavailable("Not available: " + hostile),
                        .notes(["note " + hostile]),
                    ],
                    subsections: [ReportDocument.Section(heading: "Detail " + hostile, blocks: [.paragraph("x")])]),
            ],
            footer: "Relief 0.1.0 · " + hostile,
            listsContents: true)
    }

    @Test func documentPageHasHeaderSectionsAndNotesEscaped() {
        let html = HTMLWriter().write(Self.document())
        #expect(!html.contains("<script"))
        #expect(html.contains("<main class=\"report\">\n<header class=\"report-header\">\n<h1>Relief summary by &lt;script&gt;"))
        #expect(html.contains("<dl class=\"report-header\">\n<dt>input</dt><dd>trial.csv</dd>\n<dt>by</dt><dd>&lt;script&gt;alert(1)&lt;/script&gt;</dd>\n</dl>\n</header>"))
        #expect(html.contains("<section>\n<h2>Groups &lt;script&gt;alert(1)&lt;/script&gt;</h2>\n<div class=\"table-block\">"))
        #expect(html.contains("<ul class=\"report-notes\">\n<li>warning: &lt;script&gt;alert(1)&lt;/script&gt;</li>\n</ul>\n</main>"))
        #expect(!html.contains("<nav") && !html.contains("<footer"))
    }

    @Test func pageIsSelfContainedWithCSPAndNoScripts() {
        for document in [Self.document(), Self.report()] {
            let html = HTMLWriter().write(document)
            #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"))
            #expect(html.contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:\">"))
            #expect(html.contains("<meta name=\"viewport\""))
            #expect(html.contains("<title>" + HTMLEscaper.text(document.title) + "</title>"))
            #expect(html.contains("<style>\n" + HTMLStyleSheet.css + "\n</style>"))
            #expect(!html.lowercased().contains("<script"))
            #expect(!html.contains("https:"))
            #expect(!html.contains("src=\"http"))
            #expect(!html.contains("@import"))
            #expect(html.hasSuffix("</main>\n</body>\n</html>\n"))
        }
    }

    @Test func everyBlockIsEscapedAndKeepsItsOrder() throws {
        let html = HTMLWriter().write(Self.report())
        #expect(html.contains("<h1>Report &lt;script&gt;alert(1)&lt;/script&gt;</h1>\n<p class=\"subtitle\">Input &lt;script&gt;"))
        #expect(html.contains("<nav class=\"contents\" aria-label=\"Contents\">\n<p class=\"contents-title\">Contents</p>\n<ol>\n<li><a href=\"#summary\">At a glance</a></li>\n<li><a href=\"#baseline\">Baseline</a></li>\n</ol>\n</nav>"))
        #expect(html.contains("<div class=\"warning\" role=\"note\">\n<p class=\"warning-title\">Model warnings</p>\n<ul>\n<li>did not converge &lt;script&gt;"))
        #expect(!html.contains("Nothing"))   // no warning box without messages
        #expect(html.contains("<dl class=\"provenance\">\n<dt>Patients</dt><dd>400 &lt;script&gt;"))
        #expect(html.contains("<p>Median &lt;script&gt;"))
        #expect(html.contains("<section id=\"baseline\">\n<h2 class=\"page-break\">Baseline</h2>\n<figure id=\"fig-km-1\">\n<svg"))
        #expect(html.contains("</svg>\n<figcaption>KM &lt;script&gt;alert(1)&lt;/script&gt;</figcaption>\n</figure>"))
        #expect(html.contains("<p class=\"unavailable\">Not available: &lt;script&gt;"))
        #expect(html.contains("<section>\n<h3>Detail &lt;script&gt;alert(1)&lt;/script&gt;</h3>\n<p>x</p>\n</section>\n</section>"))
        #expect(html.contains("<footer class=\"report-footer\"><p>Relief 0.1.0 · &lt;script&gt;"))
        let order = ["<h1>Report", "<nav", "id=\"summary\"", "class=\"warning\"", "class=\"provenance\"", "<p>Median",
                     "id=\"baseline\"", "<figure", "<div class=\"table-block\">", "class=\"unavailable\"",
                     "class=\"report-notes\"", "<h3>Detail", "<footer"]
        let offsets = try order.map { marker in try #require(html.range(of: marker)).lowerBound }
        #expect(offsets == offsets.sorted())
    }

    @Test func contentsLinkSectionsWithoutIds() {
        var document = Self.document()
        document.listsContents = true
        let html = HTMLWriter().write(document)
        #expect(html.contains("<li><a href=\"#section-1\">Groups &lt;script&gt;"))
        #expect(html.contains("<section id=\"section-1\">"))
    }

    @Test func outputIsDeterministic() {
        #expect(HTMLWriter().write(Self.report()) == HTMLWriter().write(Self.report()))
        #expect(Self.report() == Self.report())
        #expect(Self.report() != Self.document())
    }

    @Test func styleSheetCarriesThePrintRules() {
        let css = HTMLStyleSheet.css
        #expect(css.contains("@page { size: A4; margin: 16mm 14mm; }"))
        #expect(css.contains("@media print"))
        #expect(css.contains("break-inside: avoid"))
        #expect(css.contains("tabular-nums"))
        #expect(css.contains("\"DejaVu Sans\", \"Liberation Sans\", Arial, sans-serif"))
        #expect(css.contains("content: \"WARNING: \""))
        #expect(css.contains("max-width: 960px"))
        #expect(!css.contains("url("))
    }
}
