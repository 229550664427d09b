@testable import NumericCore
import ReliefTestSupport
import Testing

// Reference values: R 4.x, printed with formatC(v, digits = 17, format = "g").
@Suite("Normal distribution against R")
struct NormalTests {
    @Test(arguments: [
        Reference(-20, 2.7536241186062337e-89, "pnorm(-20)"),
        Reference(-8, 6.2209605742717849e-16, "pnorm(-8)"),
        Reference(-1.5, 0.066807201268858071, "pnorm(-1.5)"),
        Reference(-0.3, 0.38208857781104733, "pnorm(-0.3)"),
        Reference(0, 0.5, "pnorm(0)"),
        Reference(0.7, 0.75803634777692697, "pnorm(0.7)"),
        Reference(2.5, 0.99379033467422384, "pnorm(2.5)"),
        Reference(6, 0.9999999990134123, "pnorm(6)"),
        Reference(-37, 5.7255712225245771e-300, "pnorm(-37)"),
    ])
    func cdf(_ r: Reference) {
        Tolerance.relative(1e-13).expect(Normal.cdf(r.input), r.expected)
    }

    @Test(arguments: [
        Reference(-3, 0.9986501019683699, "pnorm(-3, lower.tail = FALSE)"),
        Reference(1.5, 0.066807201268858071, "pnorm(1.5, lower.tail = FALSE)"),
        Reference(8, 6.2209605742717849e-16, "pnorm(8, lower.tail = FALSE)"),
        Reference(25, 3.0566967063825616e-138, "pnorm(25, lower.tail = FALSE)"),
        Reference(37, 5.7255712225245771e-300, "pnorm(37, lower.tail = FALSE)"),
    ])
    func survival(_ r: Reference) {
        Tolerance.relative(1e-13).expect(Normal.survival(r.input), r.expected)
    }

    @Test func farTailIsPositiveUntilUnderflow() {
        #expect(Normal.survival(38) > 0)         // 2.9e-316, subnormal; R prints 0 at 17 digits
        #expect(Normal.cdf(-38) > 0)
        #expect(Normal.survival(40) == 0)        // below the smallest subnormal: exact 0 by construction
        #expect(Normal.cdf(.infinity) == 1)
        #expect(Normal.cdf(-.infinity) == 0)
        #expect(Normal.cdf(.nan).isNaN)
    }

    @Test(arguments: [
        Reference(0, 0.3989422804014327, "dnorm(0)"),
        Reference(1.3, 0.17136859204780736, "dnorm(1.3)"),
        Reference(-6, 6.0758828498232861e-09, "dnorm(-6)"),
        Reference(30, 1.4736461348785476e-196, "dnorm(30)"),
    ])
    func density(_ r: Reference) {
        Tolerance.relative(1e-13).expect(Normal.density(r.input), r.expected)
    }

    @Test(arguments: [
        Reference(1e-300, -37.047096299361201, "qnorm(1e-300)"),
        Reference(1e-10, -6.3613409024040557, "qnorm(1e-10)"),
        Reference(0.025, -1.9599639845400538, "qnorm(0.025)"),
        Reference(0.3, -0.52440051270804067, "qnorm(0.3)"),
        Reference(0.975, 1.9599639845400536, "qnorm(0.975)"),
        Reference(1 - 1e-10, 6.3613408896974208, "qnorm(1 - 1e-10)"),
    ])
    func quantile(_ r: Reference) {
        Tolerance.relative(1e-14).expect(Normal.quantile(r.input), r.expected)
    }

    @Test func quantileEdges() {
        #expect(Normal.quantile(0.5) == 0)       // q = 0 in the central rational function: exact
        #expect(Normal.quantile(0) == -.infinity)
        #expect(Normal.quantile(1) == .infinity)
        #expect(Normal.quantile(-0.1).isNaN)
        #expect(Normal.quantile(1.1).isNaN)
        #expect(Normal.quantile(.nan).isNaN)
    }

    @Test(arguments: [1e-300, 1e-100, 1e-20, 1e-5, 0.01, 0.2, 0.45, 0.6, 0.9])
    func quantileInvertsCdf(_ p: Double) {
        Tolerance.relative(2e-13).expect(Normal.cdf(Normal.quantile(p)), p)
    }
}
