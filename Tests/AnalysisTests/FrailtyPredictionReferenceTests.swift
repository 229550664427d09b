import Analysis
import DataIO
import Foundation
import Regression
import Survival
import Testing

/// `relief predict cox ... + frailty(id)` against curves built in R from R's own parts
/// (Tests/StatModelsTests/Reference/frailty_predict.json, make_frailty_predict_fixtures.R): a patient's
/// own curve (`survfit` of the fit with every row's frailty as an offset, plus the patient's `fvar`) and
/// the population curve of a new patient (gamma closed form; log-normal by R's `integrate`), on kidney
/// (gamma, gaussian), the bundled trial (gamma) and the infusion log's episodes as counting-process rows
/// `(start_day, stop_day]` (gamma; R's `survfit` on those rows), and the trial with `strata(condition)`
/// (gamma and gaussian; each profile on its stratum's baseline).
@Suite("Frailty Cox predictions vs R")
struct FrailtyPredictionReferenceTests {
    struct File: Decodable { let cases: [Case] }
    struct Case: Decodable {
        let name: String
        let start: String?
        let time: String
        let event: String
        let formula: String
        let distribution: String
        let reference_levels: [String: String]
        let profile: [String: Value]
        let patient: String
        let times: [Double]
        let tau: Double
        let own: Curve
        let population: Curve
    }
    /// A profile value: a number or a level.
    struct Value: Decodable {
        let text: String
        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let number = try? container.decode(Double.self) {
                text = number == number.rounded() ? String(Int(number)) : String(number)
            } else {
                text = try container.decode(String.self)
            }
        }
    }
    struct Curve: Decodable {
        let surv: [Double]
        let surv_se: [Double]
        let lower: [Double]
        let upper: [Double]
        let median: Double?
        let rmst: Double
        let rmst_se: Double?
        let frail: Double?
        let fvar: Double?
        let episodes: Int?
        let events: Int?
    }

    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let reference = root.appendingPathComponent("Tests/StatModelsTests/Reference")

    static func fixture(_ name: String) throws -> Case {
        let data = try Data(contentsOf: reference.appendingPathComponent("frailty_predict.json"))
        return try #require(try JSONDecoder().decode(File.self, from: data).cases.first { $0.name == name })
    }

    static func predict(_ c: Case, patient: String?) throws -> PredictionResult {
        let path = c.name.hasPrefix("trial") ? root.appendingPathComponent("data/ketamine_trial.csv").path
            : reference.appendingPathComponent(c.start == nil ? "frailty_kidney.csv" : "recurrent_episodes.csv").path
        var roles = ColumnRoles()
        roles.start = c.start
        roles.time = c.time
        roles.event = c.event
        roles.id = nil
        var specification = ModelSpecification(formula: c.formula, referenceLevels: c.reference_levels)
        specification.frailtyDistribution = FrailtyDistribution(rawValue: c.distribution)
        let settings = c.profile.keys.sorted().compactMap { key in c.profile[key].map { ProfileSetting(column: key, values: [$0.text]) } }
        let request = try PredictRequest(source: DataSource(path: path, roles: roles), model: .cox, specification: specification,
                                         settings: settings, times: c.times, tau: c.tau, patient: patient)
        return try request.run().result
    }

    static func check(_ result: PredictionResult, _ expected: Curve, _ label: String, tolerance: Double) throws {
        let prediction = try #require(result.profiles.first?.prediction)
        for (k, s) in prediction.survival.enumerated() {
            #expect(abs(s.estimate - expected.surv[k]) < tolerance, "\(label) S(\(s.time)) \(s.estimate) vs \(expected.surv[k])")
            #expect(abs(s.standardError - expected.surv_se[k]) < tolerance, "\(label) se S(\(s.time))")
            #expect(abs(s.lower - expected.lower[k]) < tolerance, "\(label) lower S(\(s.time))")
            #expect(abs(s.upper - expected.upper[k]) < tolerance, "\(label) upper S(\(s.time))")
        }
        #expect(prediction.median?.estimate == expected.median, "\(label) median")
        let mean = try #require(prediction.restrictedMean)
        #expect(abs(mean.estimate - expected.rmst) < tolerance, "\(label) rmst \(mean.estimate) vs \(expected.rmst)")
        if let se = expected.rmst_se { #expect(abs(mean.standardError - se) < tolerance, "\(label) rmst se") }
    }

    /// Survival, its SE and limits, the median, the RMST and (own curve) its SE, to 1e-6; the log-normal
    /// population curve integrates numerically on both sides (R's integrate at rel.tol 1e-12, ours adaptive).
    @Test("a patient's own curve and a new patient's population curve",
          arguments: ["kidney_gamma", "kidney_gaussian", "trial_gamma", "episodes_gamma", "trial_gamma_strata", "trial_gaussian_strata"])
    func curves(name: String) throws {
        let c = try Self.fixture(name)
        let own = try Self.predict(c, patient: c.patient)
        try Self.check(own, c.own, name + " own", tolerance: 1e-6)
        let effect = try #require(own.patient?.effect)
        #expect(abs(effect.estimate - (c.own.frail ?? .nan)) < 1e-6 && abs(effect.variance - (c.own.fvar ?? .nan)) < 1e-6)
        #expect(effect.episodes == c.own.episodes && effect.events == c.own.events)
        let population = try Self.predict(c, patient: nil)
        try Self.check(population, c.population, name + " population", tolerance: 1e-6)
        #expect(population.patient?.effect == nil && population.patient?.requested == nil)
    }

    @Test("a patient without episodes gets the population curve and a warning; --patient without frailty() is refused")
    func unknownPatient() throws {
        let c = try Self.fixture("trial_gamma")
        var roles = ColumnRoles()
        roles.id = nil
        let source = DataSource(path: Self.root.appendingPathComponent("data/ketamine_trial.csv").path, roles: roles)
        var specification = ModelSpecification(formula: c.formula, referenceLevels: c.reference_levels)
        specification.frailtyDistribution = .gamma
        let settings = [ProfileSetting(column: "baseline_pain", values: ["7"]), ProfileSetting(column: "dose_group", values: ["high"])]
        let output = try PredictRequest(source: source, model: .cox, specification: specification, settings: settings,
                                        times: c.times, tau: c.tau, patient: "P9999999").run()
        #expect(output.result.patient?.effect == nil && output.result.patient?.requested == "P9999999")
        #expect(output.warnings.contains { $0.contains("P9999999 has no episodes") })
        let population = try Self.predict(c, patient: nil)
        #expect(output.result.profiles.first?.prediction.survival.map(\.estimate)
                == population.profiles.first?.prediction.survival.map(\.estimate))
        #expect(throws: AnalysisError.self) {
            try PredictRequest(source: source, model: .cox, specification: ModelSpecification(formula: "dose_group"),
                               settings: [ProfileSetting(column: "dose_group", values: ["high"])], patient: "P0000001")
        }
    }
}
