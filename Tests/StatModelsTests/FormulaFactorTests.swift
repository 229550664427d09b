import DataIO
import Foundation
import NumericCore
import Regression
import Testing

/// `factor(col)` of a numeric column (issue 12 section 4) against R on data/ketamine_trial.csv
/// (Reference/formula_factor_trial.json from make_factor_fixtures.R): R's coefficient names
/// (`factor(infusion_number)2`), the reference level (first in numeric order, or `--ref col=level` as
/// R's relevel), and the Cox and Weibull fits to 1e-6 relative.
@Suite("factor() of a numeric column vs R")
struct FormulaFactorTests {
    struct File: Decodable { let cases: [Case] }
    struct Case: Decodable {
        let name: String
        let model: String
        let formula: String
        let ref: String?
        let names: [String]
        let coef: [Double]
        let se: [Double]
        let loglik: Double
    }

    @Test("names, reference level and fits", arguments: ["cox", "cox_ref3", "weibull"])
    func reference(name: String) throws {
        let url = try #require(Bundle.module.url(forResource: "formula_factor_trial", withExtension: "json", subdirectory: "Reference"))
        let c = try #require(try JSONDecoder().decode(File.self, from: Data(contentsOf: url)).cases.first { $0.name == name })
        let formula = try Formula(c.formula)
        let data = try FormulaFixtureData.read("ketamine_trial", covariates: formula.variables)
        var references: [String: String] = [:]
        if let ref = c.ref, let equals = ref.firstIndex(of: "=") {
            references[String(ref[..<equals])] = String(ref[ref.index(after: equals)...])
        }
        let isCox = c.model == "cox"
        let design = try DesignMatrixBuilder(intercept: !isCox, referenceLevels: references).build(formula, data: data)
        #expect(design.termNames == c.names)
        let regression = RegressionData(design: design, time: data.time, event: data.event)
        let (coefficients, variance, loglik): ([Double], Matrix, Double)
        if isCox {
            let fit = try CoxPH().fit(regression)
            (coefficients, variance, loglik) = (fit.coefficients, fit.variance, fit.logLikelihood)
        } else {
            let fit = try ParametricAFT(distribution: .weibull).fit(regression)
            (coefficients, variance, loglik) = (fit.coefficients, fit.variance, fit.logLikelihood)
        }
        for (j, expected) in c.coef.enumerated() {
            SurvivalTolerance.expectRelative(coefficients[j], expected, tolerance: 1e-6, "\(name) \(c.names[j])")
            SurvivalTolerance.expectRelative(variance[j, j].squareRoot(), c.se[j], tolerance: 1e-6, "\(name) se \(c.names[j])")
        }
        SurvivalTolerance.expectRelative(loglik, c.loglik, tolerance: 1e-8, "\(name) loglik")
    }

    @Test("factor() of a text column, or with an expression, is refused with the reason")
    func refused() throws {
        #expect(throws: FormulaError.self) { try Formula("factor(dose_mg_kg * 2)") }
        let formula = try Formula("factor(condition)")
        let data = try FormulaFixtureData.read("ketamine_trial", covariates: formula.variables)
        #expect(throws: DesignMatrixError.factorOfTextColumn(variable: "factor(condition)", column: "condition")) {
            try DesignMatrixBuilder(intercept: false).build(formula, data: data)
        }
    }
}
