@testable import Reporting
import Testing

/// The text and Markdown writers on documents with every kind of block.
@Suite struct DocumentWriterTests {
    static let table = ReportTable(
        title: "RMST", columns: [ReportColumn("group", style: .label), ReportColumn("rmst", style: .fixed(decimals: 2), unit: "days")],
        rows: [[.text("dose_group"), .number(12.345)]])

    static func document() -> ReportDocument {
        ReportDocument(
            title: "Relief by dose_group",
            subtitle: "Input trial_1.csv",
            header: [(key: "input", value: "trial_1.csv"), (key: "confidence intervals", value: "95%")],
            sections: [
                ReportDocument.Section(
                    heading: "At a glance",
                    blocks: [
                        .warning(title: "2 warning(s)", messages: ["first *one*", "second"]),
                        .keyValues([(key: "Patients", value: "400")]),
                        .paragraph("Median relief by dose_group: 15 days."),
                        .figure(svg: "<svg></svg>", caption: "KM by dose_group", name: "km-1"),
                        .table(table),
                        .unavailable("Not available: no dose column."),
                        .notes(["n1"]),
                    ],
                    subsections: [ReportDocument.Section(heading: "Detail", blocks: [.paragraph("inner")])])
            ],
            notes: ["warning: closing"], footer: "HTML only")
    }

    @Test func textShowsEveryBlockInOrder() throws {
        let text = TextWriter().write(Self.document())
        #expect(text.hasPrefix("Relief by dose_group\n====================\nInput trial_1.csv\ninput:                trial_1.csv\nconfidence intervals: 95%\n"))
        #expect(text.contains("\nAt a glance\n-----------\n\nWARNING: 2 warning(s)\n  - first *one*\n  - second\n\nPatients: 400\n"))
        #expect(text.contains("\nFigure: KM by dose_group\n"))
        #expect(text.contains("group       rmst (days)\n"))   // the unit joins the header
        #expect(text.contains("\nDetail\n~~~~~~\n\ninner\n"))
        #expect(text.hasSuffix("\n\nwarning: closing\n"))
        #expect(!text.contains("HTML only") && !text.contains("<svg"))
        let order = ["WARNING", "Patients", "Median", "Figure", "RMST", "Not available", "n1", "Detail", "warning: closing"]
        let offsets = try order.map { marker in try #require(text.range(of: marker)).lowerBound }
        #expect(offsets == offsets.sorted())
    }

    @Test func textEscapesTitlesAndHeadings() {
        let document = ReportDocument(
            title: "by a\u{1B}[31m", sections: [ReportDocument.Section(heading: "x\ny", blocks: [.paragraph("p\u{202E}")])])
        let text = TextWriter().write(document)
        #expect(!text.contains("\u{1B}") && !text.contains("\u{202E}"))
        #expect(text.hasPrefix("by a\\u{1B}[31m\n==============\n"))
        #expect(text.contains("x\\ny\n----\n"))
    }

    @Test func compactMarkdownSeparatesBlocksAndKeepsLabels() {
        let output = MarkdownWriter().write(Self.document())
        let markdown = output.markdown
        #expect(markdown.hasPrefix("# Relief by dose_group\n\n_Input trial_1.csv_\n\n- **input**: trial_1.csv\n- **confidence intervals**: 95%\n\n## At a glance\n\n"))
        #expect(markdown.contains("> **WARNING: 2 warning(s)**\n>\n> - first *one*\n> - second\n\n- **Patients**: 400\n\n"))
        #expect(markdown.contains("![KM by dose_group](figure-km-1.svg)\n\n*KM by dose_group*\n\n### RMST\n\n| group | rmst (days) |\n|---|---:|\n| dose_group | 12.35 |\n"))
        #expect(markdown.contains("_Not available: no dose column._\n\n> n1\n\n### Detail\n\ninner\n"))
        #expect(markdown.hasSuffix("inner\n\n> warning: closing\n"))
        #expect(!markdown.contains("HTML only"))
        #expect(output.figures == [MarkdownWriter.Figure(fileName: "figure-km-1.svg", svg: "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg></svg>\n")])
    }

    @Test func standaloneMarkdownEscapesProseButNotTables() {
        let output = MarkdownWriter(style: .standalone, figurePrefix: "my report/../x").write(Self.document())
        let markdown = output.markdown
        #expect(markdown.hasPrefix("# Relief by dose\\_group\n\n_Input trial\\_1.csv_\n\n"))
        #expect(markdown.contains("> - first \\*one\\*\n"))
        #expect(markdown.contains("Median relief by dose\\_group: 15 days.\n\n"))
        #expect(markdown.contains("| dose_group | 12.35 |"))   // table cells as typed
        #expect(markdown.hasSuffix("> warning: closing\n\n"))   // every block ends in a blank line
        #expect(output.figures.map(\.fileName) == ["my_report_.._x-km-1.svg"])
    }

    @Test func sectionTablesAndWarningsHelpers() {
        var section = ReportDocument.Section(heading: "S", blocks: [.paragraph("p")])
        section.append(Self.table)
        #expect(section.tables == [Self.table])
        #expect(ReportDocument.Section.warnings([]) == nil)
        let warnings = ReportDocument.Section.warnings(["a", "b"])
        #expect(warnings?.heading == "WARNINGS (2)")
        #expect(warnings?.tables.first?.rows.count == 2)
        #expect(ReportColumn("x", style: .count).heading == "x")
        #expect(ReportColumn("x", style: .count, unit: "days").heading == "x (days)")
    }
}
