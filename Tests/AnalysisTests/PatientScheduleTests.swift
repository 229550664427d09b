import Analysis
import DataIO
import Foundation
import Regression
import Testing

/// `relief schedule --patient` with a random-intercept model and with the Weibull's gamma frailty: each cell's RMST(I) and its SE are
/// `relief predict --patient`'s at that dose and interval, a patient's schedule differs from a new
/// patient's, and a patient without episodes gets the new patient's schedule with a warning.
@Suite("Schedules for one patient")
struct PatientScheduleTests {
    static let trial = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("data/ketamine_trial.csv").path
    static func specification(_ frailty: FrailtyDistribution) -> ModelSpecification {
        ModelSpecification(formula: "dose_mg_kg + interval_days + frailty(patient_id)", frailtyDistribution: frailty)
    }

    static func schedule(patient: String?, frailty: FrailtyDistribution = .gaussian) throws -> (result: ScheduleReport, warnings: [String]) {
        var request = try ScheduleRequest(source: DataSource(path: trial, roles: ColumnRoles()), model: .weibull,
                                          specification: specification(frailty), doses: "0.5,1.0", intervals: "14,28")
        request.patient = patient
        let output = try request.run()
        return (output.result, output.warnings)
    }

    @Test("each cell is predict --patient's restricted mean; the patient's schedule is not the population's",
          arguments: [FrailtyDistribution.gaussian, .gamma])
    func cellsArePredictions(frailty: FrailtyDistribution) throws {
        let own = try Self.schedule(patient: "P0000042", frailty: frailty).result
        let population = try Self.schedule(patient: nil, frailty: frailty).result
        for dose in [0.5, 1.0] {
            for interval in [14.0, 28] {
                let cell = try #require(own.schedule.cell(dose: dose, interval: interval))
                let settings = [ProfileSetting(column: "dose_mg_kg", values: [String(dose)]),
                                ProfileSetting(column: "interval_days", values: [String(interval)])]
                let predicted = try PredictRequest(source: DataSource(path: Self.trial, roles: ColumnRoles()), model: .weibull,
                                                   specification: Self.specification(frailty), settings: settings, times: [interval],
                                                   tau: interval, patient: "P0000042").run().result
                let mean = try #require(predicted.profiles.first?.prediction.restrictedMean)
                #expect(abs(cell.restrictedMean - mean.estimate) < 1e-10 && abs(cell.restrictedMeanStandardError - mean.standardError) < 1e-10)
                let other = try #require(population.schedule.cell(dose: dose, interval: interval))
                #expect(abs(other.restrictedMean - cell.restrictedMean) > 1e-6)
            }
        }
        #expect(own.patient?.effect?.patient == "P0000042" && own.patient?.effect?.scale == (frailty == .gamma ? .logHazard : .logTime))
    }

    @Test("an unknown patient gets the new patient's schedule and a warning", arguments: [FrailtyDistribution.gaussian, .gamma])
    func unknownPatient(frailty: FrailtyDistribution) throws {
        let (result, warnings) = try Self.schedule(patient: "P9999999", frailty: frailty)
        let population = try Self.schedule(patient: nil, frailty: frailty).result
        #expect(result.schedule.cells.map(\.restrictedMean) == population.schedule.cells.map(\.restrictedMean))
        #expect(warnings.contains { $0.contains("P9999999 has no episodes") })
    }
}
