import Testing

/// The golden comparison itself: it must fail where outputs differ.
@Suite("Golden comparison")
struct GoldenComparisonTests {
    let compare = GoldenComparison(relativeTolerance: 1e-10)

    @Test("numbers within 1e-10 relative agree; beyond it they do not")
    func tolerance() {
        #expect(compare.firstDifference(expected: "coef 0.123456789012", actual: "coef 0.123456789013") == nil)
        #expect(compare.firstDifference(expected: "coef 0.1234567", actual: "coef 0.1234568") != nil)
        #expect(compare.firstDifference(expected: "p 1e-300", actual: "p 1.0000000000001e-300") == nil)
        #expect(compare.firstDifference(expected: "p 0", actual: "p 1e-17") == nil)
    }

    @Test("text, line count and token shape must match exactly")
    func text() {
        #expect(compare.firstDifference(expected: "median 12", actual: "mean 12") != nil)
        #expect(compare.firstDifference(expected: "a\nb", actual: "a") != nil)
        #expect(compare.firstDifference(expected: "x 1 2", actual: "x 1") != nil)
        #expect(compare.firstDifference(expected: "S01", actual: "S02") != nil)
    }

    @Test("iteration counts are not compared")
    func iterations() {
        #expect(compare.firstDifference(expected: "\"iterations\": 5,", actual: "\"iterations\": 6,") == nil)
        #expect(compare.firstDifference(expected: "yes (7 iterations)", actual: "yes (9 iterations)") == nil)
        #expect(compare.firstDifference(expected: "\"loglik\": 5,", actual: "\"loglik\": 6,") != nil)
    }

    @Test("tokens: signed and exponent numbers; names with digits stay text")
    func tokens() {
        #expect(GoldenComparison.tokens("x1 -1.5e-3 ad75") == [.text("x1 "), .number("-1.5e-3"), .text(" ad75")])
        #expect(GoldenComparison.tokens("<=7") == [.text("<="), .number("7")])
    }
}
