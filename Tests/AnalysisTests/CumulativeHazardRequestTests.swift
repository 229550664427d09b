import DataIO
import Foundation
import Analysis
import Survival
import Testing

/// `relief curves --estimator nelson-aalen` as a request: the bundled trial by dose group read from the
/// CSV gives R's `survfit(ctype = 1)` and `stype = 2` numbers (the `trial_dose_group` case of
/// StatModelsTests/Reference/curves_nelson_aalen.json, written by make_curves_fixtures.R), 1e-10.
@Suite("Nelson–Aalen curves request")
struct CumulativeHazardRequestTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    struct File: Decodable { let cases: [Case] }
    struct Case: Decodable { let name: String; let curves: [Curve] }
    struct Curve: Decodable {
        let label: String
        let time: [Double]
        let n_risk: [Double]
        let cumhaz: [Double]
        let std_chaz: [Double]
        let surv: [Double]
        let lower: [Double?]
        let upper: [Double?]
    }

    @Test func trialByDoseGroupMatchesR() throws {
        let data = try Data(contentsOf: Self.root.appendingPathComponent("Tests/StatModelsTests/Reference/curves_nelson_aalen.json"))
        let reference = try #require(try JSONDecoder().decode(File.self, from: data).cases.first { $0.name == "trial_dose_group" })
        var roles = ColumnRoles()
        roles.by = ["dose_group"]
        let source = DataSource(path: Self.root.appendingPathComponent("data/ketamine_trial.csv").path, roles: roles)
        #expect(try CurvesEstimator.nelsonAalen.request(source: source, kaplanMeier: KaplanMeier()) is CumulativeHazardRequest)
        let result = try CumulativeHazardRequest(source: source).run().result
        #expect(result.fits.count == reference.curves.count)
        for (fit, (group, curve)) in zip(result.fits, zip(result.summary.groups, reference.curves)) {
            #expect(group.by.map(\.level) == [curve.label])
            #expect(fit.counts.times == curve.time)
            #expect(fit.counts.atRisk.map(Double.init) == curve.n_risk)
            guard fit.counts.times.count == curve.time.count else { continue }
            for j in fit.counts.times.indices {
                #expect(abs(fit.cumulativeHazard[j] - curve.cumhaz[j]) <= 1e-10)
                #expect(abs(fit.standardError[j] - curve.std_chaz[j]) <= 1e-10)
                #expect(abs(fit.survival[j] - curve.surv[j]) <= 1e-10)
                #expect(abs((fit.lower[j] ?? .nan) - (curve.lower[j] ?? .nan)) <= 1e-10 || (fit.lower[j] == nil && curve.lower[j] == nil))
                #expect(abs((fit.upper[j] ?? .nan) - (curve.upper[j] ?? .nan)) <= 1e-10 || (fit.upper[j] == nil && curve.upper[j] == nil))
            }
        }
    }
}
