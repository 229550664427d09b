import Analysis
import DataIO
import Foundation
import Regression
import Simulation
import Testing

/// A random-intercept fit whose between-patient SD ends at 0 (its lower limit): `relief simulate
/// --patients 40 --seed 1400020`, where the optimiser's step test is never met at the bound. The answer is
/// the model without the patient effect (equal log-likelihoods), reported as converged with the boundary
/// warning only, not as a failure to converge; τ's profile-likelihood interval starts at 0 and has an upper limit.
@Suite("Random-intercept AFT at tau = 0")
struct RandomInterceptBoundaryTests {
    @Test("tau at its lower limit: converged, the boundary warning only, the fixed-effects likelihood, a profile interval from 0")
    func boundary() throws {
        var simulation = TrialSimulation()
        simulation.size = .patients(40)
        let trial = try simulation.simulate(seed: 1_400_020)
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("relief-boundary-\(UUID().uuidString).csv").path
        try Data(trial.csvBytes()).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        var specification = ModelSpecification(
            formula: "dose_mg_kg + interval_days + baseline_pain + condition + cotherapy + frailty(patient_id)",
            referenceLevels: ["condition": "other", "cotherapy": "none"])
        specification.termTests = .omitted
        let output = try FitRequest(source: DataSource(path: path), model: .weibull, specification: specification).run()
        let result = output.result
        let fit = try #require((result.estimates as? RandomInterceptEstimates)?.model)
        #expect(fit.tau < 1e-3, "tau \(fit.tau) at its lower limit")
        #expect(abs(fit.logLikelihood - fit.fixedEffectsLogLikelihood) < 1e-6)
        #expect(fit.isConverged)
        #expect(fit.warnings.contains { $0.contains("lower limit") })
        #expect(!fit.warnings.contains { $0.contains("did not converge") }, "\(fit.warnings)")
        // The profile-likelihood interval is [0, upper]: the Wald interval on log tau has no upper limit here.
        let interval = try #require(fit.tauProfileInterval)
        #expect(fit.tauIntervalIncludesZero && interval.upperBound > 0.05 && interval.upperBound < 2, "\(interval)")
        #expect(!fit.tauWaldInterval.upper.isFinite || fit.tauWaldInterval.upper > 1e3)
        // Every format names the method and says that the interval starts at 0.
        #expect(output.rendered(.table).contains("interval of tau by profile likelihood"))
        #expect(output.rendered(.markdown).contains("Its lower limit is 0: the model without the random intercept is within that drop"))
        #expect(output.rendered(.csv).contains("random_intercept,weibull,profile_likelihood,tau_interval_method"))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(output.rendered(.json).utf8)) as? [String: Any])
        let tau = try #require((json["random_intercept"] as? [String: Any])?["tau"] as? [String: Any])
        #expect(tau["method"] as? String == "profile likelihood" && tau["lower_at_zero"] as? Bool == true)
        #expect(tau["lower"] as? Double == 0 && (tau["upper"] as? Double).map { abs($0 - interval.upperBound) < 1e-12 } == true)
    }
}
