import DataIO
import Foundation
import Regression
import Testing

/// Per-term likelihood-ratio tests of the random-intercept AFT against R
/// (Reference/aft_random_intercept_lr.json from make_aft_random_intercept_lr_fixtures.R): each term
/// dropped and the model refitted with its random intercept, `2 (ℓ_full − ℓ_reduced)`. R's reduced fits are
/// `nlme::lme` ML fits (uncensored log-normal) or the marginal likelihood maximised directly (censored
/// Weibull); both marginal log-likelihoods agree with Relief's to 1e-5 relative (see
/// RandomInterceptAFTReferenceTests), so the statistics, differences of two, agree to 1e-3 absolute.
@Suite("Random-intercept AFT per-term likelihood-ratio tests vs R")
struct RandomInterceptTermTestReferenceTests {
    struct Case: Decodable {
        let name, data, family: String
        let loglik: Double
        let terms: [String]
        let lr: [Double]
    }
    struct Fixture: Decodable { let cases: [Case] }

    @Test("2 (loglik − loglik without the term), each reduced model refitted with its random intercept",
          arguments: ["lognormal_lme", "weibull_direct"])
    func likelihoodRatio(name: String) throws {
        let url = try #require(Bundle.module.url(forResource: "aft_random_intercept_lr", withExtension: "json", subdirectory: "Reference"))
        let c = try #require(try JSONDecoder().decode(Fixture.self, from: Data(contentsOf: url)).cases.first { $0.name == name })
        let path = try #require(Bundle.module.url(forResource: c.data, withExtension: "csv", subdirectory: "Reference")).path
        let formula = try Formula("x1 + x2 + frailty(id)")
        let roles = ColumnRoles(time: "time", event: "event", covariates: formula.variables)
        let dataset = try SurvivalDatasetReader(dialect: CSVDialect(delimiter: .comma), roles: roles).read(path: path)
        let design = try DesignMatrixBuilder(intercept: true).build(formula, data: dataset)
        let data = RegressionData(design: design, time: dataset.time, event: dataset.event)
        let model = RandomInterceptAFT(distribution: try #require(AFTDistribution.named(c.family)), quadratureNodes: 15)
        let fit = try model.fit(data)
        #expect(fit.supportsLikelihoodRatioTests)
        #expect(abs(fit.logLikelihood - c.loglik) < 1e-5 * abs(c.loglik), "loglik \(fit.logLikelihood) vs R \(c.loglik)")
        let tests = TermTests(fit: fit, design: design, data: data, model: model)
        #expect(tests.tests.map(\.term) == c.terms)
        for (test, expected) in zip(tests.tests, c.lr) {
            let lr = try #require(test.likelihoodRatio, "\(test.term): a likelihood-ratio test")
            #expect(abs(lr.statistic - expected) < 1e-3, "\(test.term): LR \(lr.statistic) vs R \(expected)")
            #expect(lr.degreesOfFreedom == 1)
        }
        #expect(tests.warnings.isEmpty, "\(tests.warnings)")
    }
}
