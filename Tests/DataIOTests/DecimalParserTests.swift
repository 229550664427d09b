import Foundation
import Testing
@testable import DataIO

@Suite struct DecimalParserTests {
    private func parse(_ text: String, mark: UInt8 = UInt8(ascii: ".")) -> Double? {
        let bytes = Array(text.utf8) + [0]  // never empty, so the base address exists
        return bytes.withUnsafeBufferPointer { buffer -> Double? in
            guard let base = buffer.baseAddress else { return nil }
            return _DecimalParser.parse(base, buffer.count - 1, decimalMark: mark)
        }
    }

    @Test(arguments: [
        "12.34", "0.01", "180", "1e-3", "0.1", "0.3", "2.675", "-7.25", "+3", ".5", "5.", "1E5", "1e+22", "1e23",
        "123456789012345678", "0.000001234", "9007199254740993", "1.7976931348623157e308", "4.9e-324",
        "2.2250738585072014e-308", "0.1000000000000000055511151231257827", "3.14159265358979323846264338327950288",
        "00012.500", "-0", "1e400", "1e-400",
    ])
    func equalsCorrectlyRoundedStrtod(text: String) throws {
        let expected = try #require(Double(text))  // Swift's Double(String) is strtod: correctly rounded
        let value = try #require(parse(text))
        #expect(value.bitPattern == expected.bitPattern, "\(text): \(value) vs \(expected)")
    }

    @Test func manyRandomDecimalsMatchStrtodBitForBit() throws {
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<20_000 {
            let digits = Int.random(in: 1...17, using: &rng)
            var text = String(UInt64.random(in: 0..<UInt64(1) << 60, using: &rng)).prefix(digits)
            let point = Int.random(in: 0...text.count, using: &rng)
            text.insert(".", at: text.index(text.startIndex, offsetBy: point))
            if Bool.random(using: &rng) { text += "e\(Int.random(in: -30...30, using: &rng))" }
            let s = String(text)
            let expected = try #require(Double(s))
            let value = try #require(parse(s))
            #expect(value.bitPattern == expected.bitPattern, "\(s)")
        }
    }

    @Test func decimalComma() {
        #expect(parse("12,5", mark: UInt8(ascii: ",")) == 12.5)  // exact by construction (binary fraction)
        #expect(parse("0,01", mark: UInt8(ascii: ","))?.bitPattern == (0.01).bitPattern)
        #expect(parse("12.5", mark: UInt8(ascii: ",")) == nil)
    }

    @Test(arguments: ["", "-", ".", "e5", "1e", "1.2.3", "12a", "abc", "1,5", "--1", "1e+"])
    func rejectsNonNumbers(text: String) {
        #expect(parse(text) == nil)
    }

    @Test func oddFormsGoThroughDoubleString() {
        #expect(parse("inf") == .infinity)
        #expect(parse("-Infinity") == -.infinity)
        #expect(parse("nan")?.isNaN == true)
        #expect(parse("0x10") == 16)
    }
}

