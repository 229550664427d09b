@testable import Reporting
import Testing

@Suite struct SVGTextTests {
    @Test func hostileTextIsEscaped() {
        #expect(SVGWriter.escaped("<script>alert(1)</script>") == "&lt;script&gt;alert(1)&lt;/script&gt;")
        #expect(SVGWriter.escaped("a & b \"c\" 'd'") == "a &amp; b &quot;c&quot; &#39;d&#39;")
        #expect(SVGWriter.escaped("tab\there\u{0}") == "tab\\there\\u{0}")
        #expect(SVGWriter.escaped("plain é 中") == "plain é 中")
    }

    @Test func controlCharactersKeepTheDocumentWellFormed() {
        let label = "bell\u{7} nul\u{0} rtl\u{202E} \u{FFFF}"
        let plot = ForestPlot(title: label, rows: [.init(label: label, estimate: 1.2, lower: 1, upper: 1.5)])
        let document = SVGTestDocument(plot.svg())
        #expect(document.isWellFormed, "\(document.parseError ?? "")")
        #expect(document.elements("title").first?.text == "bell\\u{7} nul\\u{0} rtl\\u{202E} \u{FFFD}")
    }

    @Test func coordinatesHaveAtMostTwoDecimals() {
        #expect(SVGNumber.coordinate(12.345) == "12.35")
        #expect(SVGNumber.coordinate(12.3) == "12.3")
        #expect(SVGNumber.coordinate(100) == "100")
        #expect(SVGNumber.coordinate(-0.001) == "0")
        #expect(SVGNumber.coordinate(-3.5) == "-3.5")
        #expect(SVGNumber.coordinate(.nan) == "0")
        #expect(SVGNumber.coordinate(1e300) == "1000000")
    }

    @Test func estimatesUseTwoDecimalsOrThreeSignificant() {
        #expect(SVGNumber.estimate(1.5234) == "1.52")
        #expect(SVGNumber.estimate(1.375) == "1.38")
        #expect(SVGNumber.estimate(12) == "12.00")
        #expect(SVGNumber.estimate(0.04567) == "0.0457")
        #expect(SVGNumber.estimate(0.0012345) == "0.00123")
        #expect(SVGNumber.estimate(0.25) == "0.25")
        #expect(SVGNumber.estimate(-0.5) == "-0.50")
        #expect(SVGNumber.estimate(.infinity) == nil)
        #expect(SVGNumber.general(0.5) == "0.5")
        #expect(SVGNumber.general(2) == "2")
        #expect(SVGNumber.general(1000) == "1000")
        #expect(SVGNumber.general(0.001) == "0.001")
        #expect(SVGNumber.fixed(0.2, decimals: 1) == "0.2")
        #expect(SVGNumber.fixed(-0.0001, decimals: 2) == "0.00")
    }

    @Test func forestRowText() {
        let row = ForestPlot.Row(label: "high", estimate: 1.52, lower: 1.38, upper: 1.67)
        #expect(row.estimateText == "1.52 (1.38, 1.67)")
        #expect(ForestPlot.Row(label: "x", estimate: 0.5, lower: nil, upper: 0.9).estimateText == "0.500 (NA, 0.900)")
        // Issue 11, item 18: 3 significant digits, and a ratio other than 1 never shown as 1.
        #expect(ForestPlot.Row(label: "x", estimate: 1.004, lower: 0.998, upper: 1.0101).estimateText == "1.004 (0.998, 1.01)")
        #expect(ForestPlot.Row(label: "x", estimate: 12.345, lower: 0.01234, upper: 1).estimateText == "12.3 (0.0123, 1.00)")
        #expect(ForestPlot.Row(label: "x", estimate: nil, lower: nil, upper: nil).estimateText == "not estimable")
        #expect(ForestPlot.Row.reference("low").estimateText == "reference")
        #expect(ForestPlot.Row.header("dose").estimateText == "")
    }
}
