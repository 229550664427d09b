@testable import NumericCore
import ReliefTestSupport
import Testing

// Reference values: R 4.x, printed with formatC(v, digits = 17, format = "g").
// For df = 1e6 R's pt uses a normal approximation; it agrees to all 17 digits with the exact
//   0.5 * pbeta(t^2 / (1e6 + t^2), 0.5, 5e5, lower.tail = FALSE)   (TOMS 708),
// so R's pt/qt values are used. R's qt(1e-300, 3) is off by 8e-9 relative; that reference is the
// closed form t = (2√3 / (π q))^(1/3) (exact to O(ν/t²) = 1e-200), evaluated with mpmath at 30 digits.
// first = p or t, second = degrees of freedom.
@Suite("Student t distribution against R")
struct StudentTTests {
    @Test(arguments: [
        Reference2(0.975, 1, 12.706204736174694, "qt(0.975, 1)"),
        Reference2(0.999, 1, 318.30883898555015, "qt(0.999, 1)"),
        Reference2(1e-10, 1, -3183098861.8379064, "qt(1e-10, 1)"),
        Reference2(0.975, 2, 4.3026527297494619, "qt(0.975, 2)"),
        Reference2(0.999, 2, 22.327124770119866, "qt(0.999, 2)"),
        Reference2(1e-10, 2, -70710.678108048145, "qt(1e-10, 2)"),
        Reference2(0.975, 5, 2.5705818356363137, "qt(0.975, 5)"),
        Reference2(0.999, 5, 5.8934295313560083, "qt(0.999, 5)"),
        Reference2(1e-10, 5, -156.82559270889428, "qt(1e-10, 5)"),
        Reference2(0.975, 30, 2.0422724563012378, "qt(0.975, 30)"),
        Reference2(0.999, 30, 3.3851848668293054, "qt(0.999, 30)"),
        Reference2(1e-10, 30, -9.377489780407144, "qt(1e-10, 30)"),
        Reference2(0.975, 1e6, 1.9599663568141066, "qt(0.975, 1e6)"),
        Reference2(0.999, 1e6, 3.0902404563165193, "qt(0.999, 1e6)"),
        Reference2(1e-10, 1e6, -6.3614068488767419, "qt(1e-10, 1e6)"),
        Reference2(1e-300, 3, -1.03311083604465290955609326157e+100, "mpmath: -cbrt(2*sqrt(3)/pi/1e-300)"),
        Reference2(1e-300, 1, -3.183098861837907e+299, "qt(1e-300, 1)"),
        Reference2(1e-300, 1e4, -3.8356384321004242e+01, "qt(1e-300, 1e4)"),
        Reference2(1e-100, 1e6, -2.1275865985490611e+01, "qt(1e-100, 1e6)"),
    ])
    func quantile(_ r: Reference2) {
        let value = StudentT(degreesOfFreedom: r.second).quantile(r.first)
        Tolerance.relative(1e-12).expect(value, r.expected)
    }

    @Test(arguments: [
        Reference2(-40, 1, 0.007956089912025812, "pt(-40, 1)"),
        Reference2(-2, 1, 0.14758361765043321, "pt(-2, 1)"),
        Reference2(0.5, 1, 0.64758361765043326, "pt(0.5, 1)"),
        Reference2(1000, 1, 0.99968169021991948, "pt(1000, 1)"),
        Reference2(-40, 2, 0.0003122073360923703, "pt(-40, 2)"),
        Reference2(3, 2, 0.95226701686664539, "pt(3, 2)"),
        Reference2(1000, 2, 0.99999950000075, "pt(1000, 2)"),
        Reference2(-40, 5, 9.2059810858864758e-08, "pt(-40, 5)"),
        Reference2(-2, 5, 0.05096973941492914, "pt(-2, 5)"),
        Reference2(0.5, 5, 0.68085056417953549, "pt(0.5, 5)"),
        Reference2(3, 5, 0.98495037605126878, "pt(3, 5)"),
        Reference2(-40, 30, 6.8630225972031808e-28, "pt(-40, 30)"),
        Reference2(-2, 30, 0.02731252248149155, "pt(-2, 30)"),
        Reference2(0.5, 30, 0.68963849755743634, "pt(0.5, 30)"),
        Reference2(3, 30, 0.99730501796717408, "pt(3, 30)"),
        Reference2(-2, 1e6, 0.022750266925659592, "pt(-2, 1e6)"),
        Reference2(0.5, 1e6, 0.69146240626381417, "pt(0.5, 1e6)"),
    ])
    func cdf(_ r: Reference2) {
        let value = StudentT(degreesOfFreedom: r.second).cdf(r.first)
        Tolerance.relative(1e-12).expect(value, r.expected)
    }

    @Test(arguments: [
        Reference2(2, 1, 0.14758361765043321, "pt(2, 1, lower.tail = FALSE)"),
        Reference2(10, 1, 0.03172551743055356, "pt(10, 1, lower.tail = FALSE)"),
        Reference2(1e6, 1, 3.1830988618368455e-07, "pt(1e6, 1, lower.tail = FALSE)"),
        Reference2(1e300, 1, 3.1830988618377598e-301, "pt(1e300, 1, lower.tail = FALSE)"),
        Reference2(2, 3, 0.069662984279421566, "pt(2, 3, lower.tail = FALSE)"),
        Reference2(10, 3, 0.0010641995292070747, "pt(10, 3, lower.tail = FALSE)"),
        Reference2(1e6, 3, 1.1026577908396162e-18, "pt(1e6, 3, lower.tail = FALSE)"),
        Reference2(2, 30, 0.02731252248149155, "pt(2, 30, lower.tail = FALSE)"),
        Reference2(10, 30, 2.2876257041148048e-11, "pt(10, 30, lower.tail = FALSE)"),
        Reference2(1e6, 30, 1.0364534648044268e-159, "pt(1e6, 30, lower.tail = FALSE)"),
        Reference2(3, 1e6, 0.0013499312707108962, "pt(3, 1e6, lower.tail = FALSE)"),
        Reference2(4, 1e8, 3.1671264584264067e-05, "pt(4, 1e8, lower.tail = FALSE)"),
        Reference2(1.5, 250, 6.7438095353671429e-02, "pt(-1.5, 250), equal to pt(1.5, 250, lower.tail = FALSE)"),
    ])
    func survival(_ r: Reference2) {
        let value = StudentT(degreesOfFreedom: r.second).survival(r.first)
        Tolerance.relative(1e-12).expect(value, r.expected)
    }

    @Test(arguments: [
        Reference2(0, 1, 0.31830988618379069, "dt(0, 1)"),
        Reference2(1.5, 1, 0.09794150344116638, "dt(1.5, 1)"),
        Reference2(20, 1, 0.00079379023985982726, "dt(20, 1)"),
        Reference2(0, 4, 0.375, "dt(0, 4)"),
        Reference2(1.5, 4, 0.12287999999999999, "dt(1.5, 4)"),
        Reference2(20, 4, 3.6578663496593067e-06, "dt(20, 4)"),
        Reference2(0, 30, 0.39563218489409785, "dt(0, 30)"),
        Reference2(1.5, 30, 0.12896160173967178, "dt(1.5, 30)"),
        Reference2(20, 30, 4.7196522574461727e-19, "dt(20, 30)"),
    ])
    func density(_ r: Reference2) {
        let value = StudentT(degreesOfFreedom: r.second).density(r.first)
        Tolerance.relative(1e-13).expect(value, r.expected)
    }

    @Test(arguments: [1.0, 2, 3.5, 7, 30, 1e6])
    func quantileInvertsCdf(_ df: Double) {
        let t = StudentT(degreesOfFreedom: df)
        for p in [1e-200, 1e-8, 0.01, 0.3, 0.49, 0.51, 0.8, 0.999] {
            Tolerance.relative(1e-12).expect(t.cdf(t.quantile(p)), p, "df \(df), p \(p)")
        }
    }

    @Test func edgesAndDomain() {
        let t = StudentT(degreesOfFreedom: 4)
        #expect(t.quantile(0.5) == 0)
        #expect(t.quantile(0) == -.infinity)
        #expect(t.quantile(1) == .infinity)
        #expect(t.quantile(2).isNaN)
        #expect(t.cdf(0) == 0.5)
        #expect(t.cdf(.infinity) == 1)
        #expect(t.survival(.infinity) == 0)
        #expect(t.cdf(.nan).isNaN)
        #expect(StudentT(degreesOfFreedom: 0).cdf(1).isNaN)
        #expect(StudentT(degreesOfFreedom: .nan).quantile(0.3).isNaN)
        // ν = 0.5, p = 1e-300: the quantile is about -1e600, beyond the largest double.
        #expect(StudentT(degreesOfFreedom: 0.5).quantile(1e-300) == -.infinity)
        // Infinite degrees of freedom is the standard normal.
        let normal = StudentT(degreesOfFreedom: .infinity)
        Tolerance.relative(1e-15).expect(normal.quantile(0.975), Normal.quantile(0.975))
    }
}
