@testable import DataIO
import DoseResponse
import Foundation
import NumericCore
import Regression
import Testing

/// The maintenance schedule against closed forms: for an exponential AFT model,
/// `log T = η + W` with `η = xᵀβ`, the mean is `μ = exp(η)`, `RMST(I) = μ (1 − exp(−I/μ))`, so the
/// coverage `RMST(I)/I` is closed-form, and `∂RMST/∂η = RMST(I) − I·S(I)` gives the delta-method SE.
/// Tolerances: 1e-8 relative on coverage (adaptive quadrature is accurate to about 1e-10), 1e-7 on SEs,
/// 1e-5 on the solved interval's coverage (bisection to 1e-6 days).
@Suite struct ScheduleHandCheckedTests {
    /// A simulated exponential trial: mean relief exp(1.5 + 0.8 dose − 0.02 interval + 0.05 pain),
    /// administrative censoring at 60 days. Seeded, so the fit is the same on every run.
    static func trial() throws -> (fit: AFTFit, design: DesignMatrix) {
        var generator = SeededGenerator(seed: 20_240_604)
        var time: [Double] = []
        var event: [Bool] = []
        var dose: [Double] = []
        var interval: [Double] = []
        var pain: [Double] = []
        let doses = [0.25, 0.5, 0.75, 1.0, 1.5]
        let intervals = [7.0, 14, 21, 28, 42]
        for i in 0..<2_000 {
            let d = doses[i % doses.count]
            let v = intervals[(i / doses.count) % intervals.count]
            let p = Double(3 + i % 7)
            let mean = exp(1.5 + 0.8 * d - 0.02 * v + 0.05 * p)
            let t = try RandomVariates.exponential(mean: mean, using: &generator)
            time.append(min(t, 60))
            event.append(t <= 60)
            dose.append(d)
            interval.append(v)
            pain.append(p)
        }
        let data = SurvivalDataset(
            source: SourceInfo(file: "memory", sha256: "", byteCount: 0, rowsRead: time.count, delimiter: ","),
            time: time, event: event,
            covariates: [
                CovariateColumn(name: "dose_mg_kg", columnNumber: 3, values: .numeric(dose)),
                CovariateColumn(name: "interval_days", columnNumber: 4, values: .numeric(interval)),
                CovariateColumn(name: "baseline_pain", columnNumber: 5, values: .numeric(pain)),
            ])
        let formula = try Formula("dose_mg_kg + interval_days + baseline_pain")
        let design = try DesignMatrixBuilder(intercept: true).build(formula, data: data)
        let fit = try ParametricAFT(distribution: .exponential).fit(x: design.x, time: data.time, event: data.event)
        return (fit, design)
    }

    static func model(_ trial: (fit: AFTFit, design: DesignMatrix)) throws -> RegressionCoverageModel {
        try RegressionCoverageModel(
            fit: trial.fit, coding: trial.design.coding, doseColumn: "dose_mg_kg", intervalColumn: "interval_days",
            fixed: [ProfileSetting(column: "baseline_pain", values: ["6"])],
            data: RegressionData(x: trial.design.x, time: [], event: []))
    }

    /// Closed-form coverage, its SE, and the profile row of (dose, interval, pain = 6).
    static func closedForm(_ fit: AFTFit, dose: Double, interval: Double) -> (coverage: Double, se: Double) {
        let x = [1, dose, interval, 6]
        let eta = zip(x, fit.coefficients).reduce(0) { $0 + $1.0 * $1.1 }
        let mean = exp(eta)
        let rmst = mean * (1 - exp(-interval / mean))
        let derivative = rmst - interval * exp(-interval / mean)
        var variance = 0.0
        for i in 0..<4 {
            for j in 0..<4 { variance += x[i] * fit.variance[i, j] * x[j] }
        }
        return (rmst / interval, abs(derivative) * variance.squareRoot() / interval)
    }

    static func relativeError(_ a: Double, _ b: Double) -> Double { abs(a - b) / max(abs(b), 1e-300) }

    @Test("every cell matches the exponential closed form, with the logit-scale interval")
    func cellsMatchClosedForm() throws {
        let trial = try Self.trial()
        let spec = MaintenanceSchedule(doses: [0.5, 1.0], intervals: [28, 7, 14, 21, 42], target: 0.8)
        let result = try spec.compute(try Self.model(trial))
        #expect(result.intervals == [7, 14, 21, 28, 42])
        #expect(result.cells.count == 10)
        let z = Normal.quantile(0.975)
        for cell in result.cells {
            let expected = Self.closedForm(trial.fit, dose: cell.dose, interval: cell.interval)
            #expect(Self.relativeError(cell.coverage, expected.coverage) < 1e-8, "coverage at \(cell.dose), \(cell.interval)")
            #expect(Self.relativeError(cell.coverageStandardError, expected.se) < 1e-7, "se at \(cell.dose), \(cell.interval)")
            #expect(Self.relativeError(cell.restrictedMean, expected.coverage * cell.interval) < 1e-8)
            let c = expected.coverage
            let half = z * expected.se / (c * (1 - c))
            let lower = 1 / (1 + exp(-(log(c / (1 - c)) - half)))
            let upper = 1 / (1 + exp(-(log(c / (1 - c)) + half)))
            #expect(Self.relativeError(cell.lower, lower) < 1e-6)
            #expect(Self.relativeError(cell.upper, upper) < 1e-6)
            #expect(cell.lower < cell.coverage && cell.coverage < cell.upper)
            #expect(cell.meetsTarget == (cell.coverage >= 0.8))
        }
        // The assumptions name the fixed covariate and the renewal assumption.
        #expect(result.assumptions.contains { $0.contains("baseline_pain=6") })
        #expect(result.assumptions.contains { $0.contains("restarts relief") })
    }

    @Test("longest interval on the grid, solved crossing where the closed form equals the target")
    func longestIntervalAndCrossing() throws {
        let trial = try Self.trial()
        let spec = MaintenanceSchedule(doses: [0.25, 1.0, 1.5], intervals: [7, 14, 21, 28, 42], target: 0.8)
        let result = try spec.compute(try Self.model(trial))
        for row in result.longestIntervals {
            let cells = result.cells.filter { $0.dose == row.dose }
            let meeting = cells.filter { $0.coverage >= 0.8 }.map(\.interval)
            #expect(row.interval == meeting.max(), "grid interval at dose \(row.dose)")
            let conservative = cells.filter { $0.lower >= 0.8 }.map(\.interval).max()
            #expect(row.conservativeInterval == conservative)
            if let grid = row.interval, grid < 42 {
                let solved = try #require(row.solvedInterval, "dose \(row.dose)")
                #expect(solved >= grid)
                #expect(abs(Self.closedForm(trial.fit, dose: row.dose, interval: solved).coverage - 0.8) < 1e-5)
            }
        }
        // With this truth (mean relief about 9 to 20 days), coverage falls below 80% somewhere in the grid
        // at the low dose: the test fails if the solver is never exercised.
        #expect(result.longestIntervals.contains { $0.solvedInterval != nil })
    }

    @Test("a target no interval meets, and one every interval meets, give no solved interval and say why")
    func targetsOutsideTheGrid() throws {
        let trial = try Self.trial()
        let model = try Self.model(trial)
        let high = try MaintenanceSchedule(doses: [0.5], intervals: [14, 28], target: 0.99).compute(model)
        #expect(high.longestIntervals.first?.interval == nil)
        #expect(high.longestIntervals.first?.solvedInterval == nil)
        #expect(high.longestIntervals.first?.note.contains("shorter intervals") == true)
        let low = try MaintenanceSchedule(doses: [0.5], intervals: [7, 14], target: 0.05).compute(model)
        #expect(low.longestIntervals.first?.interval == 14)
        #expect(low.longestIntervals.first?.solvedInterval == nil)
        #expect(low.longestIntervals.first?.note.contains("longer intervals") == true)
    }

    @Test("extrapolation beyond the data is a warning")
    func extrapolationWarning() throws {
        let trial = try Self.trial()
        let spec = MaintenanceSchedule(doses: [0.5, 3], intervals: [7, 90], observedDoses: 0.25...1.5, observedIntervals: 7...42)
        let result = try spec.compute(try Self.model(trial))
        #expect(result.warnings.count == 2)
        #expect(result.warnings.first?.contains("dose(s) 3") == true)
    }

    @Test("columns: dose and interval must be in the formula, every other column fixed once")
    func columnChecks() throws {
        let formula = try Formula("dose_mg_kg + interval_days + baseline_pain")
        func error(_ fixed: [ProfileSetting], dose: String = "dose_mg_kg", interval: String = "interval_days",
                   formula: Formula) -> MaintenanceScheduleError? {
            do {
                try RegressionCoverageModel.checkColumns(
                    formula: formula, doseColumn: dose, intervalColumn: interval, fixed: fixed, doseInFormula: true)
                return nil
            } catch {
                return error
            }
        }
        let pain = ProfileSetting(column: "baseline_pain", values: ["6"])
        #expect(error([pain], formula: formula) == nil)
        #expect(error([], formula: formula) == .missingFixedValue(columns: ["baseline_pain"]))
        #expect(error([pain], interval: "days", formula: formula)
            == .columnNotInFormula(role: "interval", column: "days", option: "--interval-column",
                                   formulaColumns: ["dose_mg_kg", "interval_days", "baseline_pain"]))
        let noInterval = try Formula("dose_mg_kg + baseline_pain")
        #expect(error([pain], formula: noInterval)?.kind == .usage)
        #expect(error([pain, ProfileSetting(column: "interval_days", values: ["7"])], formula: formula)
            == .fixedGridColumn(column: "interval_days", option: "--intervals"))
        #expect(error([ProfileSetting(column: "baseline_pain", values: ["4", "6"])], formula: formula)
            == .severalFixedValues(column: "baseline_pain", values: ["4", "6"]))
    }

    @Test("bad grids and targets are usage errors")
    func badArguments() throws {
        let model = try Self.model(try Self.trial())
        for spec in [
            MaintenanceSchedule(doses: [], intervals: [7]),
            MaintenanceSchedule(doses: [1], intervals: [0]),
            MaintenanceSchedule(doses: [-1], intervals: [7]),
            MaintenanceSchedule(doses: [1], intervals: [7], target: 1),
            MaintenanceSchedule(doses: [1], intervals: [.infinity]),
        ] {
            #expect(throws: MaintenanceScheduleError.self) { try spec.compute(model) }
        }
    }

    @Test("the logit interval falls back to a clipped symmetric one at 0 and 1")
    func logitIntervalEdges() {
        let one = MaintenanceSchedule.logitInterval(1, standardError: 0.01, z: 1.96)
        #expect(one.upper == 1)
        #expect(abs(one.lower - (1 - 0.0196)) < 1e-12)
        let zero = MaintenanceSchedule.logitInterval(0, standardError: 0.01, z: 1.96)
        #expect(zero.lower == 0)
    }
}
