import Analysis
import DataIO
import Foundation
import NumericCore
import Regression
import Simulation
import Testing

/// REML against ML on small seeded trials (``TrialSimulation``, 40 patients, τ = 0.35): each trial is fitted
/// both ways through ``FitRequest`` (`relief fit weibull ... + frailty(patient_id)` with and without
/// `--estimation reml`). ML's τ̂² is biased down by about `b = (τ² + σ_w²/m) q / G` (q = 9 between-patient
/// design columns at most, G = 40 patients; about 0.07 here); REML removes most of it. The test asks the
/// mean of `τ̂²_REML − τ̂²_ML` over the trials to exceed `b/4` (0 if REML were ML), REML's mean τ̂² to lie
/// nearer the truth than ML's, and the output to say REML.
@Suite("Random-intercept AFT: REML is less biased than ML in small trials")
struct RandomInterceptREMLBiasTests {
    static let replicates = 8
    static let patients = 40

    static func fit(_ path: String, estimation: RandomInterceptAFT.Estimation?) throws -> (fit: RandomInterceptAFTFit, text: String) {
        var specification = ModelSpecification(formula: RandomInterceptCoverageTests.formula,
                                               referenceLevels: ["condition": "other", "cotherapy": "none"])
        specification.termTests = .omitted
        let request = try FitRequest(source: DataSource(path: path), model: .weibull, specification: specification.estimating(estimation))
        let output = try request.run()
        return (try #require((output.result.estimates as? RandomInterceptEstimates)?.model), output.rendered(.json))
    }

    @Test("mean tau² of REML fits is above ML's by at least a quarter of ML's first-order bias, and nearer the truth")
    func bias() throws {
        let truth = TrialSimulation()
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("relief-reml-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let outcomes = Parallel.map(Self.replicates) { i in
            Result { () throws -> (ml: Double, reml: Double, json: String) in
                var simulation = TrialSimulation()
                simulation.size = .patients(Self.patients)
                let trial = try simulation.simulate(seed: 1_400_000 + UInt64(i))
                let path = directory.appendingPathComponent("trial-\(i).csv").path
                try Data(trial.csvBytes()).write(to: URL(fileURLWithPath: path))
                let ml = try Self.fit(path, estimation: nil), reml = try Self.fit(path, estimation: .reml)
                #expect(ml.fit.estimation == .ml && reml.fit.estimation == .reml && reml.fit.isConverged)
                // The coefficients' SEs exist even where τ̂ is at 0 (the covariance is block-diagonal).
                #expect((0..<reml.fit.coefficientCount).allSatisfy { reml.fit.variance[$0, $0].isFinite && reml.fit.variance[$0, $0] > 0 })
                return (ml.fit.tau * ml.fit.tau, reml.fit.tau * reml.fit.tau, reml.text)
            }
        }
        let fits = try outcomes.map { try $0.get() }
        let n = Double(fits.count)
        let meanML = fits.reduce(0) { $0 + $1.ml } / n, meanREML = fits.reduce(0) { $0 + $1.reml } / n
        let tau2 = truth.frailtySD * truth.frailtySD
        let withinPatient = truth.weibullSigma * truth.weibullSigma * Double.pi * Double.pi / 6
        let bias = (tau2 + withinPatient / (1 + truth.extraEpisodesMean)) * 9 / Double(Self.patients)
        #expect(meanREML - meanML > bias / 4, "mean tau²: REML \(meanREML), ML \(meanML), first-order ML bias \(bias)")
        #expect(abs(meanREML - tau2) < abs(meanML - tau2), "mean tau²: REML \(meanREML), ML \(meanML), truth \(tau2)")
        #expect(fits.allSatisfy { $0.json.contains("\"estimation\"") && $0.json.contains("\"REML\"") })
    }
}
