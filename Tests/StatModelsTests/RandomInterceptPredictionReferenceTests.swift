import Foundation
import NumericCore
import Regression
import Testing

/// Random-intercept AFT predictions against R (Reference/aft_random_intercept_predict.json from
/// make_aft_random_intercept_predict_fixtures.R), at R's direct-maximisation estimates there and Relief's
/// own fit here (which agree to 1e-5): a patient's posterior mode and SD and own curve and median, and a
/// new patient's marginal curve (R's `integrate` over b ~ N(0, τ²)), median (`uniroot`) and restricted mean.
/// The tolerances are the fits' agreement carried through: 1e-5 relative on modes, curves, medians and
/// restricted means, 1e-4 on the mode's SD (R's is a numerical second difference).
@Suite("Random-intercept AFT predictions vs R")
struct RandomInterceptPredictionReferenceTests {
    struct Case: Decodable {
        let name, data, family, patient: String
        let profile, times: [Double]
        let tau, mode, mode_sd: Double
        let own_survival: [Double]
        let own_median: Double
        let population_survival: [Double]
        let population_median, population_rmst: Double
    }
    struct Fixture: Decodable { let cases: [Case] }

    static func near(_ a: Double?, _ e: Double, _ what: String, relative: Double = 1e-5,
                     sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(a.map { abs($0 - e) <= relative * max(abs(e), 1e-2) } ?? false, "\(what): \(String(describing: a)) vs R \(e)",
                sourceLocation: sourceLocation)
    }

    @Test("a patient's own curve and a new patient's marginal curve", arguments: ["weibull_direct", "loglogistic_direct"])
    func predictions(name: String) throws {
        let url = try #require(Bundle.module.url(forResource: "aft_random_intercept_predict", withExtension: "json", subdirectory: "Reference"))
        let c = try #require(try JSONDecoder().decode(Fixture.self, from: Data(contentsOf: url)).cases.first { $0.name == name })
        let data = try RandomInterceptAFTReferenceTests.data(c.data)
        let family = try #require(AFTDistribution.named(c.family))
        let fit = try RandomInterceptAFT(distribution: family, quadratureNodes: 15).fit(data)
        let effect = try #require(fit.patientEffect(c.patient, data: data))
        Self.near(effect.estimate, c.mode, "mode")
        Self.near(effect.variance.squareRoot(), c.mode_sd, "mode SD", relative: 1e-4)
        let profiles = RegressionProfiles(x: try Matrix(rows: 1, columns: c.profile.count, columnMajor: c.profile))
        func predict(_ patient: String?) throws -> SurvivalProfilePrediction {
            let request = PredictionRequest(times: c.times, probabilities: [0.5], tau: c.tau, patient: patient)
            return try #require(try fit.predict(profiles, request: request, data: data).first)
        }
        let own = try predict(c.patient)
        for (s, expected) in zip(own.survival, c.own_survival) { Self.near(s.estimate, expected, "own S(\(s.time))") }
        Self.near(own.median?.estimate ?? nil, c.own_median, "own median")
        let population = try predict(nil)
        for (s, expected) in zip(population.survival, c.population_survival) { Self.near(s.estimate, expected, "population S(\(s.time))") }
        Self.near(population.median?.estimate ?? nil, c.population_median, "population median")
        Self.near(population.restrictedMean?.estimate, c.population_rmst, "population restricted mean to \(c.tau)")
    }
}
