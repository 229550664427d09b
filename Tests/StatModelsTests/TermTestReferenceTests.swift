import DataIO
import DoseResponse
import Foundation
import NumericCore
import Regression
import Testing

/// The per-term test table (issue 12 section 4) against R's `drop1(fit, test = "Chisq")` and the Wald
/// statistic `b' V⁻¹ b` from `vcov(fit)` (Reference/term_tests.json from make_term_test_fixtures.R):
/// Cox with a factor, an interaction and clusters; with a spline and strata (Breslow); with one term;
/// Weibull, log-normal with an interaction, log-logistic with one term; and Cox on the (start, stop] rows
/// of survival::heart; and the covariate terms of the linlog AFT that `relief fit emax` reports when ED50
/// is not identified. Statistics and AIC agree to 1e-6 (relative above 1, absolute below).
@Suite("Per-term tests vs R drop1")
struct TermTestReferenceTests {
    struct File: Decodable { let cases: [Case] }
    struct Case: Decodable {
        let name: String
        let dataset: String
        let model: String
        let formula: String
        let start: String
        let loglik: Double
        let aic: Double
        let undroppable: [String]
        let terms: [Row]
        let dose_offset: Double?
    }
    struct Row: Decodable {
        let term: String
        let df: Int
        let aic: Double
        let lr: Double
        let lr_p: Double
        let wald: Double
    }

    static let names = [
        "cox_interaction_cluster", "cox_spline_strata_breslow", "cox_single", "weibull", "lognormal_interaction",
        "loglogistic_single", "cox_counting_heart",
    ]

    static func fixture(_ name: String) throws -> Case {
        let url = try #require(Bundle.module.url(forResource: "term_tests", withExtension: "json", subdirectory: "Reference"))
        return try #require(try JSONDecoder().decode(File.self, from: Data(contentsOf: url)).cases.first { $0.name == name })
    }

    /// `|a − e| ≤ 1e-6 · max(1, |e|)`.
    static func expectNear(_ actual: Double?, _ expected: Double, _ what: String,
                           sourceLocation: SourceLocation = #_sourceLocation) {
        let ok = actual.map { abs($0 - expected) <= 1e-6 * max(1, abs(expected)) } ?? false
        #expect(ok, "\(what): \(String(describing: actual)) vs R \(expected)", sourceLocation: sourceLocation)
    }

    @Test("drop1 and Wald per term", arguments: names)
    func reference(name: String) throws {
        let c = try Self.fixture(name)
        let formula = try Formula(c.formula)
        let isCox = c.model == "cox"
        let data: SurvivalDataset
        if c.dataset == "heart" {
            let path = try #require(Bundle.module.url(forResource: "term_tests_heart", withExtension: "csv", subdirectory: "Reference")).path
            let roles = ColumnRoles(time: "stop", start: "start", event: "event", id: nil, covariates: formula.variables)
            data = try SurvivalDatasetReader(dialect: CSVDialect(delimiter: .comma), roles: roles).read(path: path)
        } else {
            data = try FormulaFixtureData.read(c.dataset, covariates: formula.variables + (formula.clusterColumn.map { [$0] } ?? []))
        }
        let design = try DesignMatrixBuilder(intercept: !isCox).build(formula, data: data)
        let regression = RegressionData(design: design, time: data.time, event: data.event, start: data.start)
        let model: any SurvivalRegressionModel
        if isCox {
            model = CoxPH(ties: c.name.hasSuffix("breslow") ? .breslow : .efron)
        } else {
            model = try SurvivalModelRegistry.standard.model(named: c.model)
        }
        let fit = try model.fit(regression)
        SurvivalTolerance.expectRelative(fit.logLikelihood, c.loglik, tolerance: 1e-9, "\(name) loglik")
        SurvivalTolerance.expectRelative(fit.aic, c.aic, tolerance: 1e-9, "\(name) AIC")

        let tests = TermTests(fit: fit, design: design, data: regression, model: model)
        #expect(tests.tests.map(\.term) == c.terms.map(\.term))
        #expect(tests.containedTerms == c.undroppable)
        #expect(tests.warnings.isEmpty)
        for (row, expected) in zip(tests.tests, c.terms) {
            #expect(row.degreesOfFreedom == expected.df)
            Self.expectNear(row.wald.statistic, expected.wald, "\(name) \(row.term) Wald")
            Self.expectNear(row.likelihoodRatio?.statistic, expected.lr, "\(name) \(row.term) LR")
            Self.expectNear(row.likelihoodRatio?.pValue, expected.lr_p, "\(name) \(row.term) LR p")
            Self.expectNear(row.aicWithout, expected.aic, "\(name) \(row.term) AIC without")
            #expect(row.likelihoodRatio?.degreesOfFreedom == expected.df)
        }
    }

    @Test("Wald tests only when no model is given to refit")
    func waldOnly() throws {
        let c = try Self.fixture("weibull")
        let formula = try Formula(c.formula)
        let data = try FormulaFixtureData.read(c.dataset, covariates: formula.variables)
        let design = try DesignMatrixBuilder(intercept: true).build(formula, data: data)
        let regression = RegressionData(design: design, time: data.time, event: data.event)
        let fit = try ParametricAFT(distribution: .weibull).fit(regression)
        let tests = TermTests(fit: fit, design: design, data: regression, model: nil)
        #expect(tests.tests.count == c.terms.count)
        #expect(tests.tests.allSatisfy { $0.likelihoodRatio == nil && $0.aicWithout == nil })
        for (row, expected) in zip(tests.tests, c.terms) {
            Self.expectNear(row.wald.statistic, expected.wald, "\(row.term) Wald")
        }
    }

    @Test("the covariate terms of the Emax fit's alternative when ED50 is not identified")
    func emaxAlternative() throws {
        let c = try Self.fixture("linlog_alternative")
        let formula = try Formula(c.formula)
        let data = try FormulaFixtureData.read(c.dataset, covariates: formula.variables + ["dose_mg_kg"])
        let dose = try #require(data.covariates.first { $0.name == "dose_mg_kg" }?.numericValues)
        let design = try DesignMatrixBuilder(intercept: false).build(formula, data: data)
        let regression = RegressionData(design: design, time: data.time, event: data.event, dose: dose)
        let fit = try EmaxAFT(curve: .emax, distribution: .weibull).fit(regression)
        #expect(!fit.identification.isIdentified)
        let alternative = try #require(fit.alternative)
        guard case .logarithmic(let offset) = alternative.doseTerm else {
            Issue.record("expected the linlog alternative, got \(alternative.doseTerm)")
            return
        }
        #expect(abs(offset - (try #require(c.dose_offset))) < 1e-12)
        SurvivalTolerance.expectRelative(alternative.fit.logLikelihood, c.loglik, tolerance: 1e-9, "alternative loglik")
        let model = DoseTermAFT(doseTerm: alternative.doseTerm, model: ParametricAFT(distribution: .weibull))
        let tests = TermTests(fit: alternative.fit, design: design, data: regression, model: model, referenceLogLikelihood: nil)
        let expected = c.terms.filter { !$0.term.hasPrefix("log(dose_mg_kg") }
        #expect(tests.tests.map(\.term) == expected.map(\.term))
        #expect(tests.warnings.isEmpty)
        for (row, r) in zip(tests.tests, expected) {
            Self.expectNear(row.wald.statistic, r.wald, "\(row.term) Wald")
            Self.expectNear(row.likelihoodRatio?.statistic, r.lr, "\(row.term) LR")
            Self.expectNear(row.aicWithout, r.aic, "\(row.term) AIC without")
        }
    }
}
