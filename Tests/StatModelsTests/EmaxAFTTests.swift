import DoseResponse
import Foundation
import NumericCore
import Regression
import Simulation
import Survival
import Testing

/// A small synthetic data set: 5 dose levels (incl. placebo), 2 covariates, Weibull-type times, ~20% censored.
private func smallData(n: Int = 300, levels: [Double] = [0, 0.25, 0.5, 1, 2], seed: UInt64 = 11)
    -> (dose: [Double], x: Matrix, time: [Double], event: [Bool]) {
    var rng = SeededGenerator(seed: seed)
    var dose: [Double] = [], time: [Double] = [], event: [Bool] = []
    var x = Matrix(rows: n, columns: 2)
    for i in 0..<n {
        let d = levels[i % levels.count]
        let a = RandomVariates.standardNormal(using: &rng)
        let b = Double(i % 3 == 0 ? 1 : 0)
        x[i, 0] = a
        x[i, 1] = b
        let g = 5 + 10 * d / (0.5 + d)
        let t = exp(log(g) + 0.2 * a - 0.3 * b + 0.6 * RandomVariates.minimumExtremeValue(using: &rng))
        let c = 5 + 40 * RandomVariates.uniform(using: &rng)
        dose.append(d)
        time.append(min(t, c))
        event.append(t <= c)
    }
    return (dose, x, time, event)
}

/// The Emax AFT likelihood: the AFT likelihood with an Emax location.
private func emaxLikelihood(_ data: (dose: [Double], x: Matrix, time: [Double], event: [Bool]), curve: EmaxAFT.Curve,
                            distribution: AFTDistribution) throws -> AFTLikelihood<EmaxLocation> {
    let location = EmaxLocation(curve: curve, dose: data.dose, x: data.x, termNames: ["x1", "x2"])
    let response = try AFTResponse(time: data.time, event: data.event, weights: nil, distribution: distribution,
                                   epsilon: 1e-9, context: "test")
    return AFTLikelihood(location: location, response: response)
}

@Suite("EmaxAFT")
struct EmaxAFTTests {
    @Test(arguments: [AFTDistribution.weibull, .lognormal, .loglogistic])
    func analyticDerivativesMatchFiniteDifferences(distribution: AFTDistribution) throws {
        let data = smallData()
        var likelihood = try emaxLikelihood(data, curve: .sigmoidEmax, distribution: distribution)
        // An interior point away from the optimum: log E0, Emax, log ED50, log h, b1, b2, log sigma.
        let theta = [log(4.0), 12, log(0.7), log(1.6), 0.1, -0.2, log(0.7)]
        let at = try likelihood.evaluate(theta)
        let k = theta.count
        for j in 0..<k {
            let h = 1e-5 * max(1, abs(theta[j]))
            var up = theta, down = theta
            up[j] += h
            down[j] -= h
            let fUp = try likelihood.evaluate(up)
            let fDown = try likelihood.evaluate(down)
            let numericScore = (fUp.value - fDown.value) / (2 * h)
            // Score: relative 1e-6 (central differences of a smooth function, h = 1e-5).
            #expect(abs(numericScore - at.gradient[j]) <= 1e-6 * max(1, abs(at.gradient[j])),
                    "score \(j): analytic \(at.gradient[j]), numeric \(numericScore)")
            for i in 0..<k {
                let numericInformation = -(fUp.gradient[i] - fDown.gradient[i]) / (2 * h)
                // Information: relative 1e-5 of the larger of the entry and 1.
                #expect(abs(numericInformation - at.information[i, j]) <= 1e-5 * max(1, abs(at.information[i, j])),
                        "information [\(i), \(j)]: analytic \(at.information[i, j]), numeric \(numericInformation)")
            }
        }
    }

    @Test func sigmoidLogLikelihoodIsAtLeastEmaxAndConverges() throws {
        let data = smallData()
        let emax = try EmaxAFT(curve: .emax).fit(dose: data.dose, x: data.x, time: data.time, event: data.event)
        let sigmoid = try EmaxAFT(curve: .sigmoidEmax).fit(dose: data.dose, x: data.x, time: data.time, event: data.event)
        #expect(emax.isConverged)
        #expect(sigmoid.isConverged)
        #expect(sigmoid.logLikelihood >= emax.logLikelihood - 1e-8)
        #expect(sigmoid.parameters.map(\.name) == ["e0", "eMax", "ed50", "h", "x1", "x2", "scale"])
        // The emax fit is a maximum: the score is ~0 there.
        var likelihood = try emaxLikelihood(data, curve: .emax, distribution: .weibull)
        let score = try likelihood.evaluate(emax.theta).gradient
        #expect(score.allSatisfy { abs($0) < 1e-3 }, "score at the MLE: \(score)")
        if let profile = emax.ed50ProfileInterval, let lower = profile.lower, let upper = profile.upper {
            #expect(lower < emax.ed50 && emax.ed50 < upper)
        }
    }

    @Test func twoDoseLevelsWarnThatED50IsNotIdentified() throws {
        let data = smallData(levels: [0.5, 1])
        let fit = try EmaxAFT(curve: .emax, profileInterval: false)
            .fit(dose: data.dose, x: data.x, time: data.time, event: data.event)
        #expect(fit.warnings.contains { $0.contains("ED50 is not identified") && $0.contains("2 distinct dose level") })
    }

    @Test func badInputIsATypedErrorNamingTheProblem() throws {
        var data = smallData(n: 50)
        data.dose[7] = -0.5
        #expect {
            _ = try EmaxAFT().fit(dose: data.dose, x: data.x, time: data.time, event: data.event)
        } throws: { error in
            guard let error = error as? StatModelError, case .invalidArgument(_, let message) = error else { return false }
            return message.contains("'dose'") && message.contains("row 7")
        }
        let zero = smallData(n: 50)
        #expect(throws: StatModelError.self) {
            _ = try EmaxAFT().fit(dose: [Double](repeating: 0, count: 50), x: zero.x, time: zero.time, event: zero.event)
        }
        var constant = zero.x
        for i in 0..<50 { constant[i, 1] = 1 }
        #expect(throws: StatModelError.self) {
            _ = try EmaxAFT().fit(dose: zero.dose, x: constant, time: zero.time, event: zero.event)
        }
        #expect(throws: StatModelError.self) {
            _ = try EmaxAFT().fit(dose: Array(zero.dose.prefix(49)), x: zero.x, time: zero.time, event: zero.event)
        }
    }

    /// Recovery on a large simulated trial with a known Emax truth (E0 8, Emax 16, ED50 0.4; Weibull σ 0.7,
    /// no frailty so the model is correctly specified), 5,000 patients (about 20,000 episodes).
    @Test func recoversTheSimulatedEmaxTruth() throws {
        var spec = TrialSimulation()
        spec.size = .patients(5000)
        spec.frailtySD = 0
        spec.emaxDoseResponse = .init(levels: [0.1, 0.25, 0.5, 0.75, 1, 1.5], e0: 8, emax: 16, ed50: 0.4)
        let trial = try spec.simulate(seed: 20_261_127)
        let truth = try #require(trial.truth.emaxDoseResponse)
        let n = trial.rowCount
        let names = ["interval_days", "baseline_pain", "CRPS", "neuropathic", "fibromyalgia", "physical_therapy",
                     "counseling", "intranasal"]
        var x = Matrix(rows: n, columns: names.count)
        for i in 0..<n {
            x[i, 0] = Double(trial.intervalDays[i])
            x[i, 1] = trial.baselinePain[i]
            for (j, level) in [0, 1, 2].enumerated() where trial.condition[i] == level { x[i, 2 + j] = 1 }
            for (j, level) in [1, 2].enumerated() where trial.cotherapy[i] == level { x[i, 5 + j] = 1 }
            if trial.route[i] == 1 { x[i, 7] = 1 }
        }
        let fit = try EmaxAFT(curve: .emax, distribution: .weibull).fit(
            dose: trial.doseMgKg, x: x, time: trial.reliefDays, event: trial.reliefEnded,
            cluster: trial.patientNumber, termNames: names)
        #expect(fit.isConverged)
        #expect(fit.warnings.isEmpty, "\(fit.warnings)")
        // Tolerances (about 3 SEs at this size): ED50 within 35%, E0 and Emax within 15% of the truth,
        // σ within 5%, and the profile interval covers the true ED50.
        #expect(abs(fit.ed50 / truth.ed50MgKg - 1) < 0.35, "ED50 \(fit.ed50)")
        #expect(abs(fit.e0 / truth.e0Days - 1) < 0.15, "E0 \(fit.e0)")
        #expect(abs(fit.emax / truth.emaxDays - 1) < 0.15, "Emax \(fit.emax)")
        #expect(abs(fit.scale / 0.7 - 1) < 0.05, "sigma \(fit.scale)")
        let profile = try #require(fit.ed50ProfileInterval)
        let lower = try #require(profile.lower)
        let upper = try #require(profile.upper)
        #expect(lower < truth.ed50MgKg && truth.ed50MgKg < upper, "profile CI [\(lower), \(upper)]")
        #expect(abs(fit.coefficients[1] - (-0.08)) < 0.03, "baseline_pain \(fit.coefficients[1])")
        print("EmaxAFT recovery: n \(n), E0 \(fit.e0), Emax \(fit.emax), ED50 \(fit.ed50) [\(lower), \(upper)], "
            + "sigma \(fit.scale), params \(fit.parameters.prefix(3).map { ($0.estimate, $0.standardError) })")
    }
}
