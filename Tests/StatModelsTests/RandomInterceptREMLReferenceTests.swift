import Foundation
import NumericCore
import Regression
import Survival
import Testing

/// The restricted (REML) fit of the random-intercept AFT (``RandomInterceptAFT/Estimation/reml``) against R
/// (Reference/aft_random_intercept_reml.json from make_aft_random_intercept_reml_fixtures.R):
/// - `*_lme`: uncensored log-normal episodes, `nlme::lme(log t ~ x1 + x2, random = ~1 | id, method = "REML")`.
///   The marginal likelihood is Gaussian in β, so the Laplace approximation over β is exact and the
///   restricted log-likelihood is nlme's (`−(N−p)/2 log 2π − ½ log|V| − ½ log|XᵀV⁻¹X| − ½ rᵀV⁻¹r`, no
///   `log|XᵀX|` term) less `Σ log t`. β, its SEs (`vcov(lme)`: `σ̂²(XᵀV̂⁻¹X)⁻¹`), σ and τ to 1e-4 relative,
///   the log-likelihood to 1e-6 absolute; the covariance of `(log τ, log σ)` to nlme's `apVar` (a numerical
///   Hessian at its own optimum; seen within 0.5%) to 1e-2 relative; τ's profile interval on the restricted likelihood to R's `uniroot` over the
///   closed form to 1e-5.
/// - `weibull_reml`: censored Weibull episodes, R's maximisation of the same Laplace-REML objective over an
///   adaptive Gauss–Hermite marginal (40 nodes in R, 25 here), to 1e-5.
@Suite("Random-intercept AFT, REML vs R (nlme::lme REML, Laplace-REML maximisation)")
struct RandomInterceptREMLReferenceTests {
    struct Case: Decodable, Sendable {
        let name, data, family: String
        let columns: [String]
        let coef: [Double]
        let se: [Double]?
        let sigma, tau, loglik: Double
        let bic: Double?
        let apvar_log_tau, apvar_log_sigma, apvar_cov, loglik_tau0, lower, upper: Double?
        let lower_at_zero: Bool?
        let ml_tau: Double?
        let n, patients: Int
    }

    struct Fixture: Decodable, Sendable {
        let cut_drop: Double
        let cases: [Case]
    }

    static func fixture(_ name: String) throws -> Case {
        let url = try #require(Bundle.module.url(forResource: "aft_random_intercept_reml", withExtension: "json",
                                                 subdirectory: "Reference"))
        let all = try JSONDecoder().decode(Fixture.self, from: Data(contentsOf: url))
        return try #require(all.cases.first { $0.name == name })
    }

    static func fit(_ c: Case, nodes: Int) throws -> RandomInterceptAFTFit {
        var model = RandomInterceptAFT(distribution: try #require(AFTDistribution.named(c.family)), quadratureNodes: nodes)
        model.estimation = .reml
        return try model.fit(try RandomInterceptAFTReferenceTests.data(c.data))
    }

    static func close(_ a: Double, _ b: Double, _ tolerance: Double) -> Bool { abs(a - b) <= tolerance * max(1, abs(b)) }

    @Test("uncensored log-normal: nlme's REML estimates, SEs, apVar, log-likelihood and tau's interval",
          arguments: ["lognormal_lme", "trial_events_lme"])
    func lme(_ name: String) throws {
        let c = try Self.fixture(name)
        let fit = try Self.fit(c, nodes: 1)
        #expect(fit.estimation == .reml && fit.isConverged && fit.n == c.n && fit.patients.count == c.patients)
        #expect(fit.termNames == c.columns)
        let p = fit.coefficientCount
        let se = try #require(c.se)
        for j in 0..<p {
            #expect(Self.close(fit.coefficients[j], c.coef[j], 1e-4), "\(name) coef \(j): R \(c.coef[j]), got \(fit.coefficients[j])")
            #expect(abs(fit.variance[j, j].squareRoot() - se[j]) <= 1e-4 * se[j], "\(name) se \(j): R \(se[j]), got \(fit.variance[j, j].squareRoot())")
        }
        #expect(abs(fit.scale - c.sigma) <= 1e-4 * c.sigma, "\(name) sigma: R \(c.sigma), got \(fit.scale)")
        #expect(abs(fit.tau - c.tau) <= 1e-4 * c.tau, "\(name) tau: R \(c.tau), got \(fit.tau)")
        #expect(abs(fit.logLikelihood - c.loglik) <= 1e-6, "\(name) REML loglik: R \(c.loglik), got \(fit.logLikelihood)")
        // nlme's BIC of a REML fit counts N − p observations.
        let bic = try #require(c.bic)
        #expect(abs(fit.bic - bic) <= 1e-6 * abs(bic), "\(name) BIC: R \(bic), got \(fit.bic)")
        // nlme's apVar is the covariance of (log tau, log sigma); ours is ordered (log sigma, log tau).
        let apvar = try [#require(c.apvar_log_sigma), #require(c.apvar_log_tau), #require(c.apvar_cov)]
        let ours = [fit.variance[p, p], fit.variance[p + 1, p + 1], fit.variance[p, p + 1]]
        for (a, b) in zip(ours, apvar) { #expect(abs(a - b) <= 1e-2 * abs(b), "\(name) apVar: R \(b), got \(a)") }
        #expect(fit.variance[0, p] == 0 && fit.variance[p + 1, 0] == 0, "block-diagonal, as nlme reports a REML fit")
        // tau's profile interval on the restricted likelihood.
        let interval = try #require(fit.tauProfileInterval, "\(fit.warnings)")
        #expect(abs(fit.fixedEffectsLogLikelihood - (try #require(c.loglik_tau0))) <= 1e-6, "\(name) REML loglik at tau = 0")
        #expect(fit.tauIntervalIncludesZero == c.lower_at_zero)
        let lower = try #require(c.lower), upper = try #require(c.upper)
        #expect(abs(interval.lowerBound - lower) <= 1e-5 * max(lower, 1e-3), "\(name) lower: R \(lower), got \(interval.lowerBound)")
        #expect(abs(interval.upperBound - upper) <= 1e-5 * upper, "\(name) upper: R \(upper), got \(interval.upperBound)")
    }

    @Test("censored Weibull: R's maximisation of the same Laplace-REML objective to 1e-5; tau above ML's")
    func weibull() throws {
        let c = try Self.fixture("weibull_reml")
        let fit = try Self.fit(c, nodes: 25)
        #expect(fit.isConverged && fit.termNames == c.columns)
        for j in c.coef.indices {
            #expect(Self.close(fit.coefficients[j], c.coef[j], 1e-5), "coef \(j): R \(c.coef[j]), got \(fit.coefficients[j])")
        }
        #expect(abs(fit.scale - c.sigma) <= 1e-5 * c.sigma, "sigma: R \(c.sigma), got \(fit.scale)")
        #expect(abs(fit.tau - c.tau) <= 1e-5 * c.tau, "tau: R \(c.tau), got \(fit.tau)")
        #expect(abs(fit.logLikelihood - c.loglik) <= 1e-5 * abs(c.loglik), "REML loglik: R \(c.loglik), got \(fit.logLikelihood)")
        #expect(fit.tau > (try #require(c.ml_tau)), "REML's tau lies above ML's on these data")
        #expect(!fit.supportsLikelihoodRatioTests)
    }
}
