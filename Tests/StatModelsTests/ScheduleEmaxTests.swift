@testable import DataIO
import DoseResponse
import Foundation
import NumericCore
import Regression
import Testing

/// The schedule from a one-step Emax AFT fit with exponential errors, against the closed form
/// `RMST(I) = μ(1 − exp(−I/μ))`, `μ = exp(η)`, `η = log g(d) + b·interval` from
/// ``EmaxAFTFit/location(dose:covariates:)``, and the delta-method SE `|RMST − I·S(I)| √(∇ηᵀ V ∇η)`.
/// Tolerances: 1e-8 relative on coverage, 1e-7 on its SE.
@Suite struct ScheduleEmaxTests {
    @Test("Emax coverage model matches the exponential closed form")
    func emaxExponentialClosedForm() throws {
        var generator = SeededGenerator(seed: 77)
        let levels = [0, 0.25, 0.5, 1, 1.5]
        let intervals = [7.0, 14, 28]
        var dose: [Double] = [], interval: [Double] = [], time: [Double] = [], event: [Bool] = []
        for i in 0..<3_000 {
            let d = levels[i % levels.count]
            let v = intervals[(i / levels.count) % intervals.count]
            let g = 8 + 12 * d / (0.4 + d)
            let t = try RandomVariates.exponential(mean: g * exp(-0.01 * v), using: &generator)
            dose.append(d)
            interval.append(v)
            time.append(min(t, 80))
            event.append(t <= 80)
        }
        let data = SurvivalDataset(
            source: SourceInfo(file: "memory", sha256: "", byteCount: 0, rowsRead: time.count, delimiter: ","),
            time: time, event: event,
            covariates: [CovariateColumn(name: "interval_days", columnNumber: 3, values: .numeric(interval))])
        let design = try DesignMatrixBuilder(intercept: false).build(try Formula("interval_days"), data: data)
        let fit = try EmaxAFT(curve: .emax, distribution: .exponential, profileInterval: false)
            .fit(dose: dose, x: design.x, time: time, event: event, termNames: design.termNames)
        #expect(abs(fit.ed50 - 0.4) < 0.25, "ED50 \(fit.ed50) near the truth 0.4")
        let model = try RegressionCoverageModel(
            fit: fit, coding: design.coding, doseColumn: "dose_mg_kg", intervalColumn: "interval_days", fixed: [],
            data: RegressionData(x: design.x, time: time, event: event, dose: dose))
        let result = try MaintenanceSchedule(doses: [0.25, 1], intervals: [7, 14, 28], target: 0.8).compute(model)
        #expect(result.cells.count == 6)
        let v = fit.inferenceVariance
        for cell in result.cells {
            let location = try #require(fit.location(dose: cell.dose, covariates: [cell.interval]))
            let mean = exp(location.value)
            let rmst = mean * (1 - exp(-cell.interval / mean))
            let derivative = rmst - cell.interval * exp(-cell.interval / mean)
            var variance = 0.0
            for i in location.gradient.indices {
                for j in location.gradient.indices { variance += location.gradient[i] * v[i, j] * location.gradient[j] }
            }
            let se = abs(derivative) * variance.squareRoot() / cell.interval
            #expect(abs(cell.coverage - rmst / cell.interval) <= 1e-8 * rmst / cell.interval)
            #expect(abs(cell.coverageStandardError - se) <= 1e-7 * se)
        }
    }

    @Test("the Emax schedule refuses the dose column in the covariate formula")
    func doseInFormula() throws {
        let formula = try Formula("dose_mg_kg + interval_days")
        #expect(throws: MaintenanceScheduleError.self) {
            try RegressionCoverageModel.checkColumns(
                formula: formula, doseColumn: "dose_mg_kg", intervalColumn: "interval_days", fixed: [], doseInFormula: false)
        }
    }
}
