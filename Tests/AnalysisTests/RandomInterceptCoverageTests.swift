import Analysis
import DataIO
import Foundation
import NumericCore
import Regression
import Simulation
import Testing

/// Parameter recovery of the random-intercept Weibull AFT on `relief simulate` data (issue 14, "Checks"):
/// seeded small trials from ``TrialSimulation`` (a normal random effect per patient on log time, SD 0.35),
/// each written as CSV and fitted through ``FitRequest`` as `relief fit weibull --formula "... +
/// frailty(patient_id)"` does. The 95% intervals of the between-patient SD τ (its profile-likelihood
/// interval, ``RandomInterceptAFTFit/tauInterval``) and of the dose coefficient must cover the truth in at
/// least 42 of 50 replicates: a correct method (coverage 0.95) fails that with
/// probability 0.0008 (0.007 at 0.93), an interval from halved SEs (coverage 0.67) passes with
/// probability 0.006. The dose estimates' mean must be within 3 Monte Carlo SEs of the truth; τ̂², a
/// maximum-likelihood variance component, within 3 Monte Carlo SEs of the truth less at most its
/// first-order downward bias.
/// The full-size run (200 replicates of 400 patients) is `make bench-coverage`.
@Suite("Random-intercept AFT: coverage on simulated trials")
struct RandomInterceptCoverageTests {
    /// Replicates and the lowest number of intervals covering the truth (Binomial(50, 0.95) ≥ 42).
    static let replicates = 50
    static let minimumCovered = 42
    /// Patients per simulated trial (about 480 episodes).
    static let patients = 120
    static let formula = "dose_mg_kg + interval_days + baseline_pain + condition + cotherapy + frailty(patient_id)"

    /// One replicate's estimates and intervals.
    struct Replicate: Sendable {
        var dose: ParameterEstimate
        var tau: (estimate: Double, lower: Double, upper: Double)
    }

    /// Simulates trial `seed` (`patients` patients), writes it to a temporary CSV and fits it as `relief fit` does.
    static func replicate(seed: UInt64, patients: Int, directory: URL) throws -> Replicate {
        var simulation = TrialSimulation()
        simulation.size = .patients(patients)
        let trial = try simulation.simulate(seed: seed)
        let path = directory.appendingPathComponent("trial-\(seed).csv").path
        try Data(trial.csvBytes()).write(to: URL(fileURLWithPath: path))
        var specification = ModelSpecification(
            formula: formula, referenceLevels: ["condition": "other", "cotherapy": "none"])
        specification.termTests = .omitted
        let request = try FitRequest(source: DataSource(path: path), model: .weibull, specification: specification)
        let result = try request.run().result
        let fit = try #require((result.estimates as? RandomInterceptEstimates)?.model)
        let dose = try #require(fit.coefficientTable.first { $0.estimate.name == "dose_mg_kg" }?.estimate)
        return Replicate(dose: dose, tau: fit.tauInterval)
    }

    @Test("95% intervals of tau and the dose effect cover the truth; the estimates are unbiased (tau² up to its first-order ML bias)")
    func coverage() throws {
        let truth = TrialSimulation()
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("relief-coverage-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let outcomes = Parallel.map(Self.replicates) { i in
            Result { try Self.replicate(seed: 14_000 + UInt64(i), patients: Self.patients, directory: directory) }
        }
        let fits = try outcomes.map { try $0.get() }
        let beta = truth.coefficients.doseMgKg, tau = truth.frailtySD
        let doseCovered = fits.filter { $0.dose.lower <= beta && beta <= $0.dose.upper }.count
        let tauCovered = fits.filter { $0.tau.lower <= tau && tau <= $0.tau.upper }.count
        #expect(doseCovered >= Self.minimumCovered, "dose interval covered \(doseCovered) of \(fits.count)")
        #expect(tauCovered >= Self.minimumCovered, "tau interval covered \(tauCovered) of \(fits.count)")

        func meanAndError(_ values: [Double]) -> (mean: Double, error: Double) {
            let n = Double(values.count)
            let mean = values.reduce(0, +) / n
            let variance = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / (n - 1)
            return (mean, (variance / n).squareRoot())
        }
        let dose = meanAndError(fits.map(\.dose.estimate))
        #expect(abs(dose.mean - beta) < 3 * dose.error, "mean dose estimate \(dose.mean) ± \(dose.error), truth \(beta)")
        // τ̂² is a maximum-likelihood variance component: biased down by about (τ² + σ_w²/m) q / G (q the
        // between-patient design columns, at most the p = 9 here; σ_w² = σ²π²/6 the Weibull's within-patient
        // variance of log time; m = 4 episodes per patient; G = 120 patients), as nlme's ML estimate.
        let tauSquared = meanAndError(fits.map { $0.tau.estimate * $0.tau.estimate })
        let withinPatient = truth.weibullSigma * truth.weibullSigma * Double.pi * Double.pi / 6
        let bound = (tau * tau + withinPatient / (1 + truth.extraEpisodesMean)) * 9 / Double(Self.patients)
        let bias = tauSquared.mean - tau * tau
        #expect(bias > -bound - 3 * tauSquared.error && bias < 3 * tauSquared.error,
                "mean tau² \(tauSquared.mean) ± \(tauSquared.error), truth \(tau * tau), first-order ML bias bound -\(bound)")
    }
}
