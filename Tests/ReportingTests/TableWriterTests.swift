@testable import Reporting
import Testing

@Suite struct TableWriterTests {
    let table = ReportTable(
        title: "T",
        columns: [
            ReportColumn("group", style: .label), ReportColumn("n", style: .count),
            ReportColumn("median", style: .general(significant: 6), missingLabel: "NR"),
        ],
        rows: [
            [.text("a,\"quoted\""), .integer(5), .number(12.5)],
            [.text("tab\there|pipe"), .integer(123), .number(nil)],
            [.text(String(repeating: "long", count: 12)), .integer(1), .number(3)],
        ],
        notes: ["a note"])

    @Test func terminalTableAlignsTruncatesAndEscapes() {
        let text = TextWriter(labelWidth: 16).write(table)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[0] == "T")
        #expect(lines[1].hasPrefix("group"))
        #expect(text.contains("tab\\there|pipe"))
        #expect(!text.contains("\t"))
        #expect(text.contains("longlonglonglon…"))
        #expect(!text.contains(String(repeating: "long", count: 5)))
        #expect(text.contains("NR"))
        // Right-aligned counts: the "n" column ends at the same offset in every data row.
        let rows = lines[3...5]
        let ends = rows.map { line -> Int in
            let cells = line.split(separator: " ", omittingEmptySubsequences: true)
            let count = String(cells[cells.count - 2])
            return line.range(of: " " + count + " ").map { line.distance(from: line.startIndex, to: $0.upperBound) } ?? -1
        }
        #expect(Set(ends).count == 1)
        #expect(text.contains("  a note"))
    }

    @Test func markdownEscapesPipesAndControls() {
        let text = MarkdownWriter().write(table)
        #expect(text.contains("| group | n | median |"))
        #expect(text.contains("|---|---:|---:|"))
        #expect(text.contains("tab\\there\\|pipe"))
        #expect(text.contains(String(repeating: "long", count: 12)))   // Markdown does not truncate
    }

    @Test func markdownCannotCarryRawHTML() {
        let table = ReportTable(
            title: "<b>title</b>", columns: [ReportColumn("group", style: .label)],
            rows: [[.text("<script>alert(1)</script>")], [.text("<=7")], [.text("a & b &amp; &#60;")], [.text("<!-- x -->")]],
            notes: ["<img src=x onerror=alert(2)>"])
        let text = MarkdownWriter().write(table)
        #expect(!text.contains("<script") && !text.contains("</script") && !text.contains("<img") && !text.contains("<b>"))
        #expect(!text.contains("<!--"))
        #expect(text.contains("| &lt;script>alert(1)&lt;/script> |"))
        #expect(text.contains("| <=7 |"))                     // cannot open a tag: left as written
        #expect(text.contains("| a & b &amp;amp; &amp;#60; |"))  // entities shown literally
        #expect(MarkdownWriter.inline("dose_group *x* [a](b) \\ #1", escapingEmphasis: true)
            == "dose\\_group \\*x\\* \\[a\\](b) \\\\ \\#1")
        #expect(MarkdownWriter.inline("dose_group *x*", escapingEmphasis: false) == "dose_group *x*")
    }

    @Test func csvQuotesPerRFC4180AndKeepsFullPrecision() {
        var table = self.table
        table.rows.append([.text("x"), .integer(2), .number(1.0 / 3.0)])
        let text = CSVTableWriter().write(table)
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines[0] == "group,n,median")
        #expect(lines[1] == "\"a,\"\"quoted\"\"\",5,12.5")
        #expect(lines[2] == "tab\there|pipe,123,NA")
        #expect(lines[4] == "x,2,0.3333333333333333")
    }
}
