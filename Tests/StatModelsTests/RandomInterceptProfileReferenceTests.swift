import Foundation
import NumericCore
import Regression
import Survival
import Testing

/// The profile-likelihood interval of the random-intercept AFT's between-patient SD τ
/// (``RandomInterceptAFTFit/tauProfileInterval``) against R (Reference/aft_random_intercept_profile.json
/// from make_aft_random_intercept_profile_fixtures.R): `uniroot` over R's own maximisation of the same
/// marginal likelihood at fixed τ, with the cut `χ²₁(0.95)/2` below the maximum.
/// - `lognormal_exact`: uncensored log-normal episodes, the closed-form Gaussian marginal (no quadrature;
///   every Gauss–Hermite rule is exact here).
/// - `*_gh`: censored Weibull and log-logistic episodes, adaptive Gauss–Hermite with 40 nodes in R and 25 here
///   (the quadrature error of 25 adaptive nodes in the log-likelihood is below 1e-8 on these data);
///   `weibull_small_tau_gh` has τ = 0 inside the interval (lower limit 0).
/// Limits to 1e-5 relative (absolute for a lower limit of 0), as the task asks.
@Suite("Random-intercept AFT: profile-likelihood interval of tau vs R")
struct RandomInterceptProfileReferenceTests {
    struct Case: Decodable, Sendable {
        let name, data, family: String
        let tau, loglik, loglik_tau0, lower, upper, loglik_at_upper: Double
        let lower_at_zero: Bool
    }

    struct Fixture: Decodable, Sendable {
        let cut_drop: Double
        let cases: [Case]
    }

    static func fixture() throws -> Fixture {
        let url = try #require(Bundle.module.url(forResource: "aft_random_intercept_profile", withExtension: "json",
                                                 subdirectory: "Reference"))
        return try JSONDecoder().decode(Fixture.self, from: Data(contentsOf: url))
    }

    @Test("limits equal R's uniroot over its profile to 1e-5; the lower limit is 0 where R's is",
          arguments: ["lognormal_exact", "weibull_gh", "loglogistic_gh", "weibull_small_tau_gh"])
    func limits(_ name: String) throws {
        let all = try Self.fixture()
        #expect(abs(all.cut_drop - ChiSquared(degreesOfFreedom: 1).quantile(0.95) / 2) < 1e-12)
        let c = try #require(all.cases.first { $0.name == name })
        let family = try #require(AFTDistribution.named(c.family))
        let fit = try RandomInterceptAFT(distribution: family, quadratureNodes: c.family == "lognormal" ? 1 : 25)
            .fit(try RandomInterceptAFTReferenceTests.data(c.data))
        let interval = try #require(fit.tauProfileInterval, "\(name): \(fit.warnings)")
        #expect(abs(fit.fixedEffectsLogLikelihood - c.loglik_tau0) <= 1e-6 * abs(c.loglik_tau0), "\(name) loglik at tau = 0")
        #expect(abs(fit.logLikelihood - c.loglik) <= 1e-6 * abs(c.loglik), "\(name) loglik: R \(c.loglik), got \(fit.logLikelihood)")
        #expect(fit.tauIntervalIncludesZero == c.lower_at_zero)
        if c.lower_at_zero {
            #expect(interval.lowerBound == 0)
        } else {
            #expect(abs(interval.lowerBound - c.lower) <= 1e-5 * c.lower, "\(name) lower: R \(c.lower), got \(interval.lowerBound)")
        }
        #expect(abs(interval.upperBound - c.upper) <= 1e-5 * c.upper, "\(name) upper: R \(c.upper), got \(interval.upperBound)")
        #expect(abs(c.loglik_at_upper - (c.loglik - all.cut_drop)) < 1e-8, "R's own root is on the cut")
        let tau = fit.tauInterval
        #expect(tau.estimate == fit.tau && tau.lower == interval.lowerBound && tau.upper == interval.upperBound)
    }

    @Test("without profilesTau there is no interval, no warning, and the Wald interval is still there")
    func skipped() throws {
        var model = RandomInterceptAFT(distribution: .weibull)
        model.profilesTau = false
        let fit = try model.fit(try RandomInterceptAFTReferenceTests.data("ri_weibull"))
        #expect(fit.tauProfileInterval == nil && fit.tauInterval.lower.isNaN && fit.warnings.isEmpty)
        let wald = fit.tauWaldInterval
        #expect(wald.lower < fit.tau && fit.tau < wald.upper)
    }
}
