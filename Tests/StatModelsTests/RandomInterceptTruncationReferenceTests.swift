import DataIO
import Foundation
import Regression
import Testing

/// The random-intercept AFT on left-truncated episodes (`--start`) against R
/// (Reference/aft_random_intercept_truncated.json from make_aft_random_intercept_truncation_fixtures.R):
/// each episode conditioned on its entry given the patient, the marginal likelihood maximised directly in
/// R (adaptive Gauss–Hermite with 40 nodes, optim + Newton polishing). Censored Weibull and log-logistic
/// episodes, half of them entering late. Compared as the untruncated direct cases: estimates and
/// log-likelihood to 1e-5 with 15 nodes, SEs to 2e-3 relative (R's are from a numerical Hessian).
@Suite("Random-intercept AFT with entry times vs R (direct maximisation)")
struct RandomInterceptTruncationReferenceTests {
    @Test("left-truncated Weibull and log-logistic equal R's maximum of the same marginal likelihood",
          arguments: ["weibull_truncated", "loglogistic_truncated"])
    func truncated(name: String) throws {
        let url = try #require(Bundle.module.url(forResource: "aft_random_intercept_truncated", withExtension: "json", subdirectory: "Reference"))
        let all = try JSONDecoder().decode(RandomInterceptAFTReferenceTests.Fixture.self, from: Data(contentsOf: url))
        let c = try #require(all.cases.first { $0.name == name })
        let data = try RandomInterceptAFTReferenceTests.data(c.data)
        #expect(data.start != nil, "the episodes carry entry times")
        let fit = try RandomInterceptAFTReferenceTests.fit(c, nodes: 15)
        RandomInterceptAFTReferenceTests.check(fit, c, tolerance: 1e-5, label: name)
        let se = try #require(c.se)
        for j in se.indices {
            let got = fit.variance[j, j].squareRoot()
            #expect(abs(got - se[j]) <= 2e-3 * se[j], "\(name) se[\(j)]: R \(se[j]), got \(got)")
        }
        // Without the entry times the fit differs: the truncation is used.
        var untruncated = data
        untruncated.start = nil
        let family = try #require(AFTDistribution.named(c.family))
        let ignored = try RandomInterceptAFT(distribution: family, quadratureNodes: 15).fit(untruncated)
        #expect(abs(ignored.logLikelihood - c.loglik) > 1, "ignoring the entry times changes the likelihood")
    }
}
