import Foundation
import Simulation
import Testing

@Suite("TrialSimulation with an Emax dose truth")
struct SimulationEmaxDoseResponseTests {
    @Test func dosesAreTheLevelsAndTheTruthRecordsTheCurve() throws {
        var spec = TrialSimulation()
        spec.size = .patients(300)
        let levels = [0.1, 0.25, 0.5, 1, 1.5]
        spec.emaxDoseResponse = .init(levels: levels, e0: 8, emax: 16, ed50: 0.4)
        let trial = try spec.simulate(seed: 3)
        #expect(Set(trial.doseMgKg).isSubset(of: Set(levels)))
        #expect(Set(trial.doseMgKg).count == levels.count)
        for row in 0..<trial.rowCount {
            #expect(spec.effectiveDoseArms[trial.doseArm[row]].doseMgKg == trial.doseMgKg[row])
        }
        let truth = try #require(trial.truth.emaxDoseResponse)
        #expect(truth.e0Days == 8 && truth.emaxDays == 16 && truth.ed50MgKg == 0.4)
        #expect(abs(truth.curveAtLevelsDays[2] - (8 + 16 * 0.5 / 0.9)) < 1e-12)
        #expect(abs(truth.medianOverCurve - pow(log(2.0), 0.7)) < 1e-12)
        #expect(trial.truth.coefficientsLogTimeRatio["(Intercept)"] == nil)
        #expect(trial.truth.coefficientsLogTimeRatio["dose_mg_kg"] == nil)
        let json = String(decoding: try trial.truth.jsonData(), as: UTF8.self)
        #expect(json.contains("\"emax_dose_response\""))
        #expect(try SimulationTruth(jsonData: trial.truth.jsonData()) == trial.truth)
        #expect(trial.record(0)?[4] == EmaxDoseResponseLabel.of(trial.doseMgKg[0]))
    }

    @Test func defaultTruthHasNoEmaxKey() throws {
        let trial = try TrialSimulation().simulate(seed: 3)
        #expect(trial.truth.emaxDoseResponse == nil)
        #expect(!String(decoding: try trial.truth.jsonData(), as: UTF8.self).contains("emax"))
    }

    @Test func invalidEmaxSettingsAreRejected() {
        var spec = TrialSimulation()
        spec.emaxDoseResponse = .init(levels: [0.1, -1], e0: 8, emax: 16, ed50: 0.4)
        #expect(throws: SimulationError.self) { try spec.validate() }
        spec.emaxDoseResponse = .init(levels: [0.1, 1], e0: 8, emax: -9, ed50: 0.4)
        #expect(throws: SimulationError.self) { try spec.validate() }
        spec.emaxDoseResponse = .init(levels: [0.1, 1], e0: 8, emax: 16, ed50: 0)
        #expect(throws: SimulationError.self) { try spec.validate() }
        spec.emaxDoseResponse = .init(levels: [0.1234], e0: 8, emax: 16, ed50: 0.4)
        #expect(throws: SimulationError.self) { try spec.validate() }
    }
}

/// The `dose_group` label the simulator writes for a level.
private enum EmaxDoseResponseLabel {
    static func of(_ level: Double) -> String { TrialSimulation.EmaxDoseResponse.label(level) }
}
