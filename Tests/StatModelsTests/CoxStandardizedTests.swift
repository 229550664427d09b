import DataIO
import Foundation
import NumericCore
import Regression
import Survival
import Testing

/// A standardised Cox curve over one row is that row's predicted curve: R's `survfit(fit, newdata = row)`
/// survival and standard error (`compare_adjusted_cox.json`, `one_row`, from make_compare_fixtures.R),
/// and the restricted mean of a standardised curve integrates its steps exactly.
@Suite("Standardised Cox curves")
struct CoxStandardizedTests {
    struct File: Decodable { let cases: [Case] }
    struct Case: Decodable {
        let adjust: String
        let reference: String
        let one_row: OneRow
    }
    struct OneRow: Decodable {
        let row: Int
        let times: [Double]
        let surv: [Double]
        let surv_se: [Double]
    }

    static let trial = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("data/ketamine_trial.csv").path

    /// `coxph(Surv(relief_days, relief_ended) ~ dose_group + adjust)` (Efron) on the bundled trial.
    static func fit(_ c: Case) throws -> (fit: CoxPHFit, data: RegressionData) {
        let formula = try Formula("dose_group + " + c.adjust)
        let roles = ColumnRoles(time: "relief_days", event: "relief_ended", covariates: formula.variables)
        let dataset = try SurvivalDatasetReader(dialect: CSVDialect(delimiter: .comma), roles: roles).read(path: trial)
        let design = try DesignMatrixBuilder(intercept: false, referenceLevels: ["dose_group": c.reference]).build(formula, data: dataset)
        let data = RegressionData(design: design, time: dataset.time, event: dataset.event)
        return (try CoxPH().fit(data), data)
    }

    static func fixture() throws -> Case {
        let url = try #require(Bundle.module.url(forResource: "compare_adjusted_cox", withExtension: "json", subdirectory: "Reference"))
        return try #require(try JSONDecoder().decode(File.self, from: Data(contentsOf: url)).cases.first)
    }

    @Test("one row: R's survfit(newdata = row) survival and SE to 1e-9")
    func oneRow() throws {
        let c = try Self.fixture()
        let (fit, data) = try Self.fit(c)
        let i = c.one_row.row - 1, n = data.x.rows, p = data.x.columns
        let row = try Matrix(rows: 1, columns: p, columnMajor: (0..<p).map { data.x.elements[i + $0 * n] })
        let curves = try fit.standardized(groups: [row], data: data, times: c.one_row.times, tau: 28, figureSteps: 40)
        let curve = try #require(curves.curves.first)
        let estimates = fit.standardizedEstimates(curve, level: 0.95)
        for k in c.one_row.times.indices {
            #expect(abs(estimates.survival[k].estimate - c.one_row.surv[k]) < 1e-9, "S(\(c.one_row.times[k]))")
            #expect(abs(estimates.survival[k].standardError - c.one_row.surv_se[k]) < 1e-9, "se S(\(c.one_row.times[k]))")
        }
        #expect(curves.isStepFunction && curves.figureTimes.last == 28)
    }

    @Test("the restricted mean is the exact area under the averaged steps, and a curve never rises")
    func restrictedMeanIsTheArea() throws {
        let c = try Self.fixture()
        let (fit, data) = try Self.fit(c)
        let curves = try fit.standardized(groups: [data.x], data: data, times: [], tau: 28, figureSteps: 10_000)
        let curve = try #require(curves.curves.first)
        // With room for them, the figure times are the baseline's own times before tau, then tau.
        let knots = [0] + curves.figureTimes
        var area = 0.0, previous = 1.0
        for k in curves.figureTimes.indices {
            let value = k == 0 ? 1 : curve.survival[k - 1]
            area += (knots[k + 1] - knots[k]) * value
            #expect(curve.survival[k] <= previous + 1e-15)
            previous = curve.survival[k]
        }
        #expect(abs(area - curve.restrictedMean) < 1e-9 * curve.restrictedMean, "\(area) vs \(curve.restrictedMean)")
    }
}
