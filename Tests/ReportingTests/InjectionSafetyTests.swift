import Foundation
import Testing
@testable import Reporting

/// Issue 11, items 7–8: spreadsheet formulas are neutralised in CSV text cells, and control and format
/// characters never reach a terminal, Markdown or JSON raw.
@Suite struct InjectionSafetyTests {
    @Test("text starting with = + - @ tab or CR gets a leading quote; numbers and other text stay",
          arguments: [
            ("=HYPERLINK(\"x\")", "'=HYPERLINK(\"x\")"), ("+cmd", "'+cmd"), ("-2+3", "'-2+3"), ("@SUM(A1)", "'@SUM(A1)"),
            ("\tx", "'\tx"), ("\rx", "'\rx"), ("-0.5", "-0.5"), ("+3", "+3"), ("1e-3", "1e-3"), ("low", "low"),
            ("", ""), ("a=b", "a=b"), ("-inf", "'-inf"), ("-nan", "'-nan"),
          ])
    func neutralised(raw: String, expected: String) {
        #expect(CSVTableWriter.neutralised(raw) == expected)
    }

    @Test("the CSV of a table neutralises text cells and headers but not numeric cells")
    func table() {
        let table = ReportTable(
            title: "", columns: [ReportColumn("=group", style: .label), ReportColumn("estimate", style: .general(significant: 6))],
            rows: [[.text("=1+1"), .number(-1.5)], [.text("-0.25"), .integer(-3)]])
        let csv = CSVTableWriter().write(table)
        #expect(csv == "'=group,estimate\n'=1+1,-1.5\n-0.25,-3\n")
    }

    @Test("JSON writes C0, DEL, C1, bidi and zero-width characters as \\u escapes (surrogates beyond the BMP)")
    func json() {
        let value = JSONValue.string("a\u{1B}[31m\u{7F}\u{9B}\u{202E}\u{200B}\u{2066}\u{E0001}é")
        let text = value.serialized(pretty: false)
        #expect(text == "\"a\\u001b[31m\\u007f\\u009b\\u202e\\u200b\\u2066\\udb40\\udc01é\"")
        let decoded = try? JSONSerialization.jsonObject(with: Data(text.utf8), options: .fragmentsAllowed) as? String
        #expect(decoded == "a\u{1B}[31m\u{7F}\u{9B}\u{202E}\u{200B}\u{2066}\u{E0001}é")
    }

    @Test("messages keep backslashes but escape controls; terminal text escapes both")
    func terminal() {
        #expect(ReportText.escapedControls("C:\\data \u{1B}[2J\u{9B}\u{202E}x\ty") == "C:\\data \\u{1B}[2J\\u{9B}\\u{202E}x\\ty")
        #expect(ReportText.escaped("a\\b\u{1B}") == "a\\\\b\\u{1B}")
        #expect(MarkdownWriter.inline("\u{202E}abc", escapingEmphasis: false) == "\\u{202E}abc")
    }
}
