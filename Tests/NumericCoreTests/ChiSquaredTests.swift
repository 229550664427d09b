@testable import NumericCore
import ReliefTestSupport
import Testing

// Reference values: R 4.x, printed with formatC(v, digits = 17, format = "g").
// first = x (statistic), second = degrees of freedom.
@Suite("Chi-squared distribution against R")
struct ChiSquaredTests {
    @Test(arguments: [
        Reference2(1e3, 1, 1.7958327848007259e-219, "pchisq(1e3, 1, lower.tail = FALSE)"),
        Reference2(1400, 2, 9.8596765437597708e-305, "pchisq(1400, 2, lower.tail = FALSE)"),
        Reference2(1300, 1, 1.1303728441492744e-284, "pchisq(1300, 1, lower.tail = FALSE)"),
        Reference2(3.84, 1, 0.050043521248705224, "pchisq(3.84, 1, lower.tail = FALSE)"),
        Reference2(0.5, 3, 0.91889141165467592, "pchisq(0.5, 3, lower.tail = FALSE)"),
        Reference2(10, 10, 0.44049328506521246, "pchisq(10, 10, lower.tail = FALSE)"),
        Reference2(25, 4, 5.0309817823062081e-05, "pchisq(25, 4, lower.tail = FALSE)"),
        Reference2(100, 100, 0.48119168452795669, "pchisq(100, 100, lower.tail = FALSE)"),
        Reference2(80, 120, 0.9981203714313549, "pchisq(80, 120, lower.tail = FALSE)"),
        Reference2(5000, 4900, 0.15622741374893662, "pchisq(5000, 4900, lower.tail = FALSE)"),
    ])
    func survival(_ r: Reference2) {
        let value = ChiSquared(degreesOfFreedom: r.second).survival(r.first)
        Tolerance.relative(1e-12).expect(value, r.expected)
    }

    @Test(arguments: [
        Reference2(3.84, 1, 0.94995647875129474, "pchisq(3.84, 1)"),
        Reference2(0.5, 3, 0.081108588345324154, "pchisq(0.5, 3)"),
        Reference2(10, 10, 0.55950671493478754, "pchisq(10, 10)"),
        Reference2(25, 4, 0.99994969018217694, "pchisq(25, 4)"),
        Reference2(100, 100, 0.51880831547204331, "pchisq(100, 100)"),
        Reference2(80, 120, 0.0018796285686450828, "pchisq(80, 120)"),
        Reference2(5000, 4900, 0.84377258625106333, "pchisq(5000, 4900)"),
    ])
    func cdf(_ r: Reference2) {
        let value = ChiSquared(degreesOfFreedom: r.second).cdf(r.first)
        Tolerance.relative(1e-12).expect(value, r.expected)
    }

    /// p-values stay positive and decreasing far into the tail, down to 1e-300.
    @Test(arguments: [1.0, 2, 3, 5, 10])
    func pValuesNeverZeroOrNegative(_ df: Double) {
        let distribution = ChiSquared(degreesOfFreedom: df)
        var previous = 1.0
        var x = 1.0
        while x <= 1350 {
            let p = distribution.survival(x)
            #expect(p > 0 && p < previous, "df \(df), x \(x): p \(p)")
            previous = p
            x += 7
        }
        #expect(previous < 1e-280)
    }

    @Test(arguments: [
        Reference2(1e-10, 1, 1.5707963267948935e-20, "qchisq(1e-10, 1)"),
        Reference2(1e-10, 3, 5.2093976214344798e-07, "qchisq(1e-10, 3)"),
        Reference2(1e-10, 30, 3.0430403795533465, "qchisq(1e-10, 30)"),
        Reference2(0.05, 1, 0.0039321400000195249, "qchisq(0.05, 1)"),
        Reference2(0.05, 3, 0.35184631774927144, "qchisq(0.05, 3)"),
        Reference2(0.05, 30, 18.492660981953467, "qchisq(0.05, 30)"),
        Reference2(0.5, 1, 0.45493642311957283, "qchisq(0.5, 1)"),
        Reference2(0.5, 3, 2.3659738843753377, "qchisq(0.5, 3)"),
        Reference2(0.5, 30, 29.336031516661588, "qchisq(0.5, 30)"),
        Reference2(0.95, 1, 3.841458820694124, "qchisq(0.95, 1)"),
        Reference2(0.95, 3, 7.8147279032511792, "qchisq(0.95, 3)"),
        Reference2(0.95, 30, 43.772971825742182, "qchisq(0.95, 30)"),
        Reference2(0.999, 1, 10.827566170662729, "qchisq(0.999, 1)"),
        Reference2(0.999, 3, 16.266236196238129, "qchisq(0.999, 3)"),
        Reference2(0.999, 30, 59.70306430442993, "qchisq(0.999, 30)"),
        Reference2(1e-300, 1e6, 9.4851781629976141e+05, "qchisq(1e-300, 1e6)"),
        Reference2(1 - 1e-10, 1e6, 1.0090226223672478e+06, "qchisq(1 - 1e-10, 1e6)"),
        Reference2(1e-20, 0.5, 1.3499395786223301e-80, "qchisq(1e-20, 0.5)"),
        Reference2(0.3, 0.1, 4.0757943774653020e-11, "qchisq(0.3, 0.1)"),
    ])
    func quantile(_ r: Reference2) {
        let value = ChiSquared(degreesOfFreedom: r.second).quantile(r.first)
        Tolerance.relative(1e-12).expect(value, r.expected)
    }

    @Test func densityAndEdges() {
        // dchisq(x, 2) = exp(-x/2)/2 in closed form.
        let two = ChiSquared(degreesOfFreedom: 2)
        Tolerance.relative(1e-14).expect(two.density(3), 0.5 * 0.22313016014842982)   // exp(-1.5) = 0.22313016014842982
        #expect(two.density(0) == 0.5)
        #expect(two.density(-1) == 0)
        #expect(two.cdf(-1) == 0)
        #expect(two.survival(0) == 1)
        #expect(two.quantile(0) == 0)
        #expect(two.quantile(1) == .infinity)
        #expect(ChiSquared(degreesOfFreedom: 0).survival(1).isNaN)
        #expect(ChiSquared(degreesOfFreedom: -2).cdf(1).isNaN)
        #expect(ChiSquared(degreesOfFreedom: .nan).quantile(0.5).isNaN)
        #expect(two.survival(.nan).isNaN)
        #expect(two.quantile(1.5).isNaN)
        // qchisq(1e-300, 1) is about 1.6e-600: below the smallest double, so exactly 0.
        #expect(ChiSquared(degreesOfFreedom: 1).quantile(1e-300) == 0)
    }
}
