@testable import Reporting
import Testing

@Suite struct HTMLTableTests {
    static let hostile = "<script>alert(1)</script>"

    static let table = ReportTable(
        title: "Median relief " + hostile,
        columns: [
            ReportColumn("group " + hostile, style: .label), ReportColumn("n", style: .count),
            ReportColumn("median", style: .general(significant: 4), missingLabel: "NR"),
            ReportColumn("survival", style: .fixed(decimals: 4)),
            ReportColumn("p", style: .pValue), ReportColumn("reason", style: .prose),
        ],
        rows: [
            [.text(hostile), .integer(825), .number(15.791234), .number(0.71234567), .number(0.0312), .text("ok")],
            [.text("low"), .integer(772), .number(nil), .number(-0.00000001), .number(3.2e-9), .text("a & b")],
            [.text(String(repeating: "long", count: 12)), .number(14), .number(1234567), .number(1), .number(nil)],
        ],
        notes: ["NR = not reached", "note " + hostile])

    /// The `<td>` contents of each body row.
    static func bodyCells(_ html: String) -> [[String]] {
        guard let start = html.range(of: "<tbody>"), let end = html.range(of: "</tbody>") else { return [] }
        let body = html[start.upperBound..<end.lowerBound]
        return body.components(separatedBy: "<tr>").dropFirst().map { row in
            row.components(separatedBy: "</td>").dropLast().map { cell in
                guard let close = cell.range(of: ">", options: .backwards) else { return "" }
                return String(cell[close.upperBound...])
            }
        }
    }

    /// The cells of each body row of a Markdown pipe table.
    static func markdownCells(_ markdown: String) -> [[String]] {
        let lines = markdown.split(separator: "\n").map(String.init).filter { $0.hasPrefix("| ") }
        return lines.dropFirst().map { line in
            String(line.dropFirst(2).dropLast(2)).components(separatedBy: " | ")
        }
    }

    @Test func hostileLabelsAreEscapedEverywhere() {
        let html = HTMLWriter().write(Self.table)
        #expect(!html.contains("<script"))
        #expect(html.contains("<caption>Median relief &lt;script&gt;alert(1)&lt;/script&gt;</caption>"))
        #expect(html.contains("<th scope=\"col\">group &lt;script&gt;alert(1)&lt;/script&gt;</th>"))
        #expect(html.contains("<td>&lt;script&gt;alert(1)&lt;/script&gt;</td>"))
        #expect(html.contains("<p class=\"table-note\">note &lt;script&gt;alert(1)&lt;/script&gt;</p>"))
        #expect(html.contains("<td>a &amp; b</td>"))
    }

    @Test func structureHasCaptionHeadBodyAndNumericClasses() {
        let html = HTMLWriter().write(Self.table)
        #expect(html.hasPrefix("<div class=\"table-block\">\n<table class=\"report-table\">\n<caption>"))
        #expect(html.contains("<thead>\n<tr><th scope=\"col\">group"))
        #expect(html.contains("<th scope=\"col\" class=\"num\">n</th>"))
        #expect(html.contains("<th scope=\"col\">reason</th>"))
        #expect(html.contains("<td class=\"num\">825</td>"))
        #expect(html.hasSuffix("</table>\n<p class=\"table-note\">NR = not reached</p>\n<p class=\"table-note\">note &lt;script&gt;alert(1)&lt;/script&gt;</p>\n</div>\n"))
        let rows = Self.bodyCells(html)
        #expect(rows.count == 3)
        // Short rows are padded with empty cells; labels are never truncated.
        #expect(rows.allSatisfy { $0.count == 6 })
        #expect(rows.last?.last == "")
        #expect(html.contains(String(repeating: "long", count: 12)))
    }

    @Test func numbersReadExactlyAsInMarkdown() throws {
        var table = Self.table
        table.rows[0][0] = .text("high")   // a label both formats leave alone
        let html = Self.bodyCells(HTMLWriter().write(table))
        let markdown = Self.markdownCells(MarkdownWriter().write(table))
        try #require(html.count == 3 && markdown.count == 3)
        for (htmlRow, markdownRow) in zip(html, markdown) {
            #expect(Array(htmlRow.prefix(5)) == Array(markdownRow.prefix(5)))
        }
        #expect(html[0][2] == "15.79")
        #expect(html[1][2] == "NR")
        #expect(html[1][3] == "0.0000")
        #expect(html[1][4] == "3.20e-09")
        #expect(html[2][1] == "14")
    }

    @Test func tableWithoutTitleHasNoCaption() {
        let table = ReportTable(title: "", columns: [ReportColumn("x", style: .label)], rows: [[.text("a")]])
        let html = HTMLWriter().write(table)
        #expect(!html.contains("<caption"))
        #expect(!html.contains("table-note"))
    }
}
