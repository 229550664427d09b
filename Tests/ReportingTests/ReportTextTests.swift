@testable import Reporting
import Testing

@Suite struct ReportTextTests {
    @Test func controlCharactersAreEscaped() {
        #expect(ReportText.escaped("a\tb") == "a\\tb")
        #expect(ReportText.escaped("x\u{1B}[31my") == "x\\u{1B}[31my")
        #expect(ReportText.escaped("line\nbreak\r") == "line\\nbreak\\r")
        #expect(ReportText.escaped("nul\u{0}") == "nul\\u{0}")
        #expect(ReportText.escaped("rtl\u{202E}txt") == "rtl\\u{202E}txt")
        #expect(ReportText.escaped("back\\slash") == "back\\\\slash")
        #expect(ReportText.escaped("plain é ü 中") == "plain é ü 中")
    }

    @Test func longLabelsAreTruncatedWithAnEllipsis() {
        let label = String(repeating: "abcdefghij", count: 5)
        let cut = ReportText.truncated(label, width: 32)
        #expect(cut.count == 32)
        #expect(cut.hasSuffix("…"))
        #expect(cut.hasPrefix("abcdefghijabcdefghijabcdefghija"))
        #expect(ReportText.truncated("short", width: 32) == "short")
        #expect(ReportText.truncated(String(repeating: "x", count: 32), width: 32).count == 32)
        #expect(!ReportText.truncated(String(repeating: "x", count: 32), width: 32).hasSuffix("…"))
    }

    @Test func fullPrecisionRoundTrips() throws {
        for value in [0.1, 1.0 / 3.0, 1e-300, Double.leastNonzeroMagnitude, 123456789.123456789, -2.5] {
            let text = try #require(ReportText.fullPrecision(value))
            #expect(Double(text) == value)   // exact: the text must read back to the same Double
        }
        #expect(ReportText.fullPrecision(.nan) == nil)
        #expect(ReportText.fullPrecision(.infinity) == nil)
    }

    @Test func displayStyles() {
        #expect(ReportText.display(0.123456, style: .fixed(decimals: 4), missing: "NA") == "0.1235")
        #expect(ReportText.display(-0.00001, style: .fixed(decimals: 4), missing: "NA") == "0.0000")
        #expect(ReportText.display(14, style: .general(significant: 6), missing: "NA") == "14")
        #expect(ReportText.display(12.5, style: .general(significant: 6), missing: "NA") == "12.5")
        #expect(ReportText.display(nil, style: .general(significant: 6), missing: "NR") == "NR")
        #expect(ReportText.display(.nan, style: .fixed(decimals: 2), missing: "NA") == "NA")
        #expect(ReportText.display(0.03, style: .pValue, missing: "NA") == "0.0300")
        #expect(ReportText.display(1.5e-12, style: .pValue, missing: "NA") == "1.50e-12")
    }

    @Test("the ASCII fast path of isUnprintable agrees with the Unicode general category on every ASCII and Latin-1 scalar")
    func unprintableFastPathMatchesTheCategory() throws {
        for value in UInt32(0)..<0x100 {
            let scalar = try #require(Unicode.Scalar(value))
            let category = scalar.properties.generalCategory
            #expect(ReportText.isUnprintable(scalar) == (category == .control || category == .format), "U+\(value)")
        }
    }
}
