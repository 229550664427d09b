import Foundation
import NumericCore
import Regression
import Testing

/// Parameter recovery of the gamma-frailty Weibull AFT on data drawn from the model itself (seeded):
/// `log t = β₀ + β₁ dose + σW − σ log Z`, `W` minimum extreme value (so `H(t) Z ~ Exp(1)`),
/// `Z ~ Gamma(mean 1, variance θ)` per patient, censored at 40 days. 60 replicates of 150 patients with 4
/// episodes each; truth `β = (2.5, 0.6)`, `σ = 0.7`, `θ = 0.5`. A small-scale check (the 200-replicate
/// coverage run with 93–97% is not made here): the mean estimates within 3 Monte Carlo SEs of the truth plus
/// a small bias allowance, and the 95% Wald intervals of the dose effect and of `log θ` covering the truth in
/// at least 85% of the replicates (51 of 60; with true coverage 95% the chance of fewer is below 0.5%).
/// The full run: `RELIEF_GAMMA_RECOVERY_REPLICATES=200 swift test --filter GammaFrailtyAFTRecoveryTests`
/// also requires the 93–97% (seen: dose 190/200, θ 192/200).
@Suite("Gamma-frailty Weibull AFT: parameter recovery on simulated data")
struct GammaFrailtyAFTRecoveryTests {
    static let truth = (beta0: 2.5, beta1: 0.6, sigma: 0.7, theta: 0.5)

    static func replicate(seed: UInt64) throws -> RegressionData {
        var generator = SeededGenerator(seed: seed)
        let patients = 150, episodes = 4
        var rows: [[Double]] = [], time: [Double] = [], event: [Bool] = [], codes: [Int] = []
        for i in 0..<patients {
            let z = try RandomVariates.gamma(shape: 1 / truth.theta, scale: truth.theta, using: &generator)
            for _ in 0..<episodes {
                let dose = 0.25 + 1.25 * RandomVariates.uniform(using: &generator)
                let w = RandomVariates.minimumExtremeValue(using: &generator)
                let t = exp(truth.beta0 + truth.beta1 * dose + truth.sigma * (w - log(z)))
                rows.append([1, dose])
                time.append(min(t, 40))
                event.append(t <= 40)
                codes.append(i)
            }
        }
        var data = RegressionData(x: try Matrix(rowMajor: rows), termNames: ["(Intercept)", "dose"], time: time, event: event)
        data.frailty = FrailtyGroups(column: "id", codes: codes, labels: (0..<patients).map { String(format: "%03d", $0) })
        return data
    }

    @Test("mean estimates near the truth; 95% intervals of the dose effect and of theta cover it in >= 85% of the replicates")
    func recovery() throws {
        let replicates = max(Int(ProcessInfo.processInfo.environment["RELIEF_GAMMA_RECOVERY_REPLICATES"] ?? "") ?? 60, 20)
        var estimates: [[Double]] = []
        var coverDose = 0, coverTheta = 0
        let z = Normal.quantile(0.975)
        for r in 0..<replicates {
            let fit = try GammaFrailtyAFT().fit(try Self.replicate(seed: 1400 + UInt64(r)))
            #expect(fit.isConverged)
            estimates.append(fit.parameters)
            let seDose = fit.variance[1, 1].squareRoot(), seLogTheta = fit.variance[3, 3].squareRoot()
            if abs(fit.parameters[1] - Self.truth.beta1) <= z * seDose { coverDose += 1 }
            if abs(fit.parameters[3] - log(Self.truth.theta)) <= z * seLogTheta { coverTheta += 1 }
        }
        let truth = [Self.truth.beta0, Self.truth.beta1, log(Self.truth.sigma), log(Self.truth.theta)]
        for j in truth.indices {
            let values = estimates.map { $0[j] }
            let mean = values.reduce(0, +) / Double(replicates)
            let sd = (values.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(replicates - 1)).squareRoot()
            #expect(abs(mean - truth[j]) <= 3 * sd / Double(replicates).squareRoot() + 0.02,
                    "parameter \(j): mean \(mean), truth \(truth[j]), Monte Carlo SE \(sd / Double(replicates).squareRoot())")
        }
        let least = Int((0.85 * Double(replicates)).rounded(.up))
        #expect(coverDose >= least, "dose coverage \(coverDose)/\(replicates)")
        #expect(coverTheta >= least, "theta coverage \(coverTheta)/\(replicates)")
        if replicates >= 200 {
            for cover in [coverDose, coverTheta] {
                #expect((0.93...0.97).contains(Double(cover) / Double(replicates)), "coverage \(cover)/\(replicates)")
            }
        }
    }
}
