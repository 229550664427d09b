@testable import NumericCore
import ReliefTestSupport
import Testing

// Reference values: R 4.x, printed with formatC(v, digits = 17, format = "g").
@Suite("Special functions against R")
struct SpecialFunctionsTests {
    @Test(arguments: [
        Reference(0.5, 0.57236494292470008, "lgamma(0.5)"),
        Reference(3, 0.69314718055994529, "lgamma(3)"),
        Reference(10.5, 13.940625219403763, "lgamma(10.5)"),
        Reference(100, 359.1342053695754, "lgamma(100)"),
        Reference(1e5, 1051287.7089736569, "lgamma(1e5)"),
        Reference(1e-8, 18.420680738180209, "lgamma(1e-8)"),
    ])
    func logGamma(_ r: Reference) {
        Tolerance.relative(1e-14).expect(SpecialFunctions.logGamma(r.input), r.expected)
    }

    @Test(arguments: [
        Reference2(0.5, 0.5, 1.1447298858494004, "lbeta(0.5, 0.5)"),
        Reference2(3, 7, -5.5294290875114234, "lbeta(3, 7)"),
        Reference2(5e5, 0.5, -5.9888164957774643, "lbeta(5e5, 0.5)"),
        Reference2(20, 30, -33.968820791977386, "lbeta(20, 30)"),
        Reference2(1e3, 1e4, -3353.4842707670969, "lbeta(1e3, 1e4)"),
    ])
    func logBeta(_ r: Reference2) {
        Tolerance.relative(1e-14).expect(SpecialFunctions.logBeta(r.first, r.second), r.expected)
    }

    // first = shape a, second = x.
    @Test(arguments: [
        Reference2(0.5, 0.1, 0.34527915398142295, "pgamma(0.1, 0.5)"),
        Reference2(1, 1, 0.63212055882855767, "pgamma(1, 1)"),
        Reference2(3, 2.5, 0.45618688411667041, "pgamma(2.5, 3)"),
        Reference2(10, 3, 0.0011024881301154794, "pgamma(3, 10)"),
        Reference2(10, 30, 0.99999287824913718, "pgamma(30, 10)"),
        Reference2(50, 49, 0.46210439360093997, "pgamma(49, 50)"),
        Reference2(200, 260, 0.99995249987555701, "pgamma(260, 200)"),
        Reference2(1e4, 10150, 0.93265937849605085, "pgamma(10150, 1e4)"),
    ])
    func regularizedGammaP(_ r: Reference2) {
        Tolerance.relative(1e-12).expect(SpecialFunctions.regularizedGammaP(r.first, r.second), r.expected)
    }

    @Test(arguments: [
        Reference2(0.5, 0.1, 0.65472084601857694, "pgamma(0.1, 0.5, lower.tail = FALSE)"),
        Reference2(1, 1, 0.36787944117144233, "pgamma(1, 1, lower.tail = FALSE)"),
        Reference2(3, 2.5, 0.54381311588332959, "pgamma(2.5, 3, lower.tail = FALSE)"),
        Reference2(10, 3, 0.99889751186988451, "pgamma(3, 10, lower.tail = FALSE)"),
        Reference2(10, 30, 7.1217508628155784e-06, "pgamma(30, 10, lower.tail = FALSE)"),
        Reference2(50, 49, 0.53789560639906009, "pgamma(49, 50, lower.tail = FALSE)"),
        Reference2(200, 260, 4.7500124443008757e-05, "pgamma(260, 200, lower.tail = FALSE)"),
        Reference2(1e4, 10150, 0.067340621503949136, "pgamma(10150, 1e4, lower.tail = FALSE)"),
    ])
    func regularizedGammaQ(_ r: Reference2) {
        Tolerance.relative(1e-12).expect(SpecialFunctions.regularizedGammaQ(r.first, r.second), r.expected)
    }

    @Test func gammaEdgesAndDomain() {
        #expect(SpecialFunctions.regularizedGammaP(2, 0) == 0)
        #expect(SpecialFunctions.regularizedGammaQ(2, 0) == 1)
        #expect(SpecialFunctions.regularizedGammaQ(2, .infinity) == 0)
        #expect(SpecialFunctions.regularizedGammaP(0, 1).isNaN)
        #expect(SpecialFunctions.regularizedGammaP(-1, 1).isNaN)
        #expect(SpecialFunctions.regularizedGammaP(1, -1).isNaN)
        #expect(SpecialFunctions.regularizedGammaQ(.nan, 1).isNaN)
    }

    struct BetaCase: Sendable, CustomTestStringConvertible {
        let x: Double, a: Double, b: Double, lower: Double, upper: Double, rCall: String
        var testDescription: String { rCall }
    }

    @Test(arguments: [
        BetaCase(x: 0.3, a: 2, b: 3, lower: 0.34829999999999989, upper: 0.65170000000000017,
                 rCall: "pbeta(0.3, 2, 3), lower.tail = FALSE"),
        BetaCase(x: 0.9, a: 0.5, b: 0.5, lower: 0.79516723530086664, upper: 0.20483276469913339,
                 rCall: "pbeta(0.9, 0.5, 0.5), lower.tail = FALSE"),
        BetaCase(x: 0.1, a: 5, b: 1.5, lower: 2.5917092737191308e-05, upper: 0.99997408290726275,
                 rCall: "pbeta(0.1, 5, 1.5), lower.tail = FALSE"),
        BetaCase(x: 0.5, a: 50, b: 60, lower: 0.83090729390166929, upper: 0.16909270609833066,
                 rCall: "pbeta(0.5, 50, 60), lower.tail = FALSE"),
        BetaCase(x: 0.999, a: 2, b: 30, lower: 1, upper: 3.0970000000001255e-89,
                 rCall: "pbeta(0.999, 2, 30), lower.tail = FALSE"),
        BetaCase(x: 0.2, a: 400, b: 1200, lower: 6.1792792992703429e-07, upper: 0.99999938207207006,
                 rCall: "pbeta(0.2, 400, 1200), lower.tail = FALSE"),
        // Large-shape asymptotic expansion (one shape ≥ 100, the other ≤ 2).
        BetaCase(x: 0.999, a: 2000, b: 0.7, lower: 7.6180853186759184e-02, upper: 9.2381914681324084e-01,
                 rCall: "pbeta(0.999, 2000, 0.7), lower.tail = FALSE"),
        BetaCase(x: 0.002, a: 1.5, b: 800, lower: 6.3880038331079314e-01, upper: 3.6119961668920680e-01,
                 rCall: "pbeta(0.002, 1.5, 800), lower.tail = FALSE"),
    ])
    func regularizedBeta(_ c: BetaCase) {
        // Cancellation in a·log x + b·log y - log B(a, b) costs about 1e-13 at a, b in the hundreds.
        let tolerance = min(c.a, c.b) > 100 ? 1e-11 : 1e-12
        Tolerance.relative(tolerance).expect(SpecialFunctions.regularizedBeta(c.x, a: c.a, b: c.b), c.lower)
        Tolerance.relative(tolerance).expect(SpecialFunctions.regularizedBetaComplement(c.x, a: c.a, b: c.b), c.upper)
    }

    @Test func betaEdgesAndDomain() {
        #expect(SpecialFunctions.regularizedBeta(0, a: 2, b: 3) == 0)
        #expect(SpecialFunctions.regularizedBeta(1, a: 2, b: 3) == 1)
        #expect(SpecialFunctions.regularizedBeta(-0.1, a: 2, b: 3).isNaN)
        #expect(SpecialFunctions.regularizedBeta(0.5, a: 0, b: 3).isNaN)
        #expect(SpecialFunctions.regularizedBeta(.nan, a: 1, b: 3).isNaN)
        // I_x(1, 1) = x exactly in exact arithmetic.
        Tolerance.relative(1e-15).expect(SpecialFunctions.regularizedBeta(0.37, a: 1, b: 1), 0.37)
    }
}
