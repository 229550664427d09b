@testable import Reporting
import Testing

@Suite struct HTMLPageTests {
    static let hostile = "<script>alert(1)</script>"

    static func document() -> ReportDocument {
        ReportDocument(
            title: "Relief summary by " + hostile,
            header: [(key: "input", value: "trial.csv"), (key: "by", value: hostile)],
            sections: [
                ReportDocument.Section(heading: "Groups " + hostile, tables: [HTMLTableRendererTests.table])
            ],
            notes: ["warning: " + hostile])
    }

    static func page() -> HTMLPage {
        var page = HTMLPage(title: "Report " + hostile)
        page.appendHeading("Relief " + hostile, level: 1)
        page.appendParagraph("Input " + hostile, cssClass: "muted")
        page.appendWarning(title: "Model warnings", messages: ["did not converge " + hostile])
        page.appendSection(heading: "Baseline", bodyHTML: "<p>x</p>", id: "baseline", pageBreak: true)
        page.appendFigure(svg: "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"></svg>", caption: "KM " + hostile)
        page.appendTable(HTMLTableRendererTests.table)
        page.appendDocument(document())
        return page
    }

    @Test func documentRendersHeaderSectionsAndNotesEscaped() {
        let html = HTMLDocumentRenderer().render(Self.document())
        #expect(!html.contains("<script"))
        #expect(html.hasPrefix("<article class=\"report-document\">\n<h1>Relief summary by &lt;script&gt;"))
        #expect(html.contains("<dl class=\"report-header\">\n<dt>input</dt><dd>trial.csv</dd>\n<dt>by</dt><dd>&lt;script&gt;alert(1)&lt;/script&gt;</dd>\n</dl>"))
        #expect(html.contains("<section>\n<h2>Groups &lt;script&gt;alert(1)&lt;/script&gt;</h2>\n<div class=\"table-block\">"))
        #expect(html.contains("<ul class=\"report-notes\">\n<li>warning: &lt;script&gt;alert(1)&lt;/script&gt;</li>\n</ul>"))
        let nested = HTMLDocumentRenderer(titleLevel: 3).render(Self.document())
        #expect(nested.contains("<h3>Relief summary") && nested.contains("<h4>Groups"))
    }

    @Test func pageIsSelfContainedWithCSPAndNoScripts() {
        let html = Self.page().html()
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"))
        #expect(html.contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:\">"))
        #expect(html.contains("<meta name=\"viewport\""))
        #expect(html.contains("<title>Report &lt;script&gt;alert(1)&lt;/script&gt;</title>"))
        #expect(html.contains("<style>\n" + HTMLStyleSheet.css + "\n</style>"))
        #expect(!html.lowercased().contains("<script"))
        #expect(!html.contains("https:"))
        #expect(!html.contains("src=\"http"))
        #expect(!html.contains("@import"))
        #expect(html.hasSuffix("</main>\n</body>\n</html>\n"))
    }

    @Test func helpersEscapeAndKeepOrder() throws {
        let html = Self.page().html()
        #expect(html.contains("<h1>Relief &lt;script&gt;alert(1)&lt;/script&gt;</h1>"))
        #expect(html.contains("<p class=\"muted\">Input &lt;script&gt;"))
        #expect(html.contains("<div class=\"warning\" role=\"note\">\n<p class=\"warning-title\">Model warnings</p>\n<ul>\n<li>did not converge &lt;script&gt;"))
        #expect(html.contains("<section id=\"baseline\">\n<h2 class=\"page-break\">Baseline</h2>\n<p>x</p>\n</section>"))
        #expect(html.contains("</svg>\n<figcaption>KM &lt;script&gt;alert(1)&lt;/script&gt;</figcaption>\n</figure>"))
        let order = ["<h1>Relief", "class=\"warning\"", "id=\"baseline\"", "<figure>", "<div class=\"table-block\">", "<article"]
        let offsets = try order.map { marker in
            try #require(html.range(of: marker)).lowerBound
        }
        #expect(offsets == offsets.sorted())
        // No warning box when there is nothing to warn about.
        var quiet = HTMLPage(title: "q")
        quiet.appendWarning(title: "Model warnings", messages: [])
        #expect(quiet.parts.isEmpty)
    }

    @Test func outputIsDeterministic() {
        #expect(Self.page().html() == Self.page().html())
        #expect(Self.page() == Self.page())
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
