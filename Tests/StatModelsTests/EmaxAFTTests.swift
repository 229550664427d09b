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

/// ED50 identification (issue 11, item 19): the profile of ED50 over DoseFinding's range decides, before
/// any Newton step, whether the doses identify ED50; a non-identified fit reports the verdict and the best
/// identified alternative instead of the Emax parameters, and costs no long Newton run.
@Suite("EmaxAFT identification of ED50")
struct EmaxAFTIdentificationTests {
    /// Doses 0.01 to 0.05 under an Emax truth with ED50 0.5 (all doses far below ED50, the curve about
    /// linear there), 2,000 rows, seed 23.
    static func dosesFarBelowED50() -> (dose: [Double], x: Matrix, time: [Double], event: [Bool]) {
        var rng = SeededGenerator(seed: 23)
        let n = 2000
        let levels = [0.01, 0.02, 0.03, 0.05]
        var dose: [Double] = [], time: [Double] = [], event: [Bool] = []
        var x = Matrix(rows: n, columns: 1)
        for i in 0..<n {
            let d = levels[i % levels.count]
            let a = RandomVariates.standardNormal(using: &rng)
            x[i, 0] = a
            let g = 5 + 30 * d / (0.5 + d)
            let t = exp(log(g) + 0.2 * a + 0.6 * RandomVariates.minimumExtremeValue(using: &rng))
            let c = 5 + 40 * RandomVariates.uniform(using: &rng)
            dose.append(d)
            time.append(min(t, c))
            event.append(t <= c)
        }
        return (dose, x, time, event)
    }

    @Test func dosesFarBelowED50AreDetectedAndAnsweredWithTheAlternative() throws {
        let data = Self.dosesFarBelowED50()
        let clock = ContinuousClock()
        let started = clock.now
        let fit = try EmaxAFT(curve: .emax, distribution: .weibull)
            .fit(dose: data.dose, x: data.x, time: data.time, event: data.event, termNames: ["a"])
        let elapsed = clock.now - started
        #expect(!fit.identification.isIdentified)
        #expect(fit.identification.status == .dosesBelowED50, "\(fit.identification.status)")
        #expect(fit.identification.evidence == .profileGrid)
        // DoseFinding's range for the emax ED50: [0.001, 1.5] x the largest dose.
        #expect(abs(fit.identification.bounds.lowerBound - 0.00005) < 1e-15)
        #expect(abs(fit.identification.bounds.upperBound - 0.075) < 1e-15)
        #expect(fit.identification.grid.count == 31)
        #expect(fit.identification.profileDrop.allSatisfy { $0 <= 0 })
        // No free Newton run: ED50 is held, its SE is not reported, and no profile interval is computed.
        #expect(fit.isED50Fixed)
        let ed50 = try #require(fit.parameters.first { $0.name == "ed50" })
        #expect(ed50.standardError.isNaN && ed50.lower.isNaN && ed50.upper.isNaN)
        #expect(fit.ed50ProfileInterval == nil)
        #expect(fit.iterations <= 10, "held fit: \(fit.iterations) iterations")
        // The statement comes first among the warnings, then the alternative.
        #expect(fit.warnings.first == fit.identification.statement)
        #expect(fit.identification.statement.contains("not identified") && fit.identification.statement.contains("0.075"))
        let alternative = try #require(fit.alternative)
        #expect(alternative.candidates.map(\.doseTerm.name) == ["linear", "linlog"])
        let best = try #require(alternative.candidates.min { $0.aic < $1.aic })
        #expect(alternative.doseTerm == best.doseTerm)
        #expect(alternative.fit.termNames.first == "(Intercept)" && alternative.fit.coefficients.count == 3)
        #expect(alternative.fit.isConverged)
        // Log T grows with the dose (the truth's curve rises over these doses).
        #expect(alternative.fit.coefficients[1] > 0)
        // The same fit from R's starting values (no warm start from the dose-level fit) agrees to 1e-6.
        var design = Matrix(rows: data.dose.count, columns: 3)
        for i in 0..<data.dose.count {
            design[i, 0] = 1
            design[i, 1] = alternative.doseTerm.value(data.dose[i])
            design[i, 2] = data.x[i, 0]
        }
        let cold = try ParametricAFT(distribution: .weibull).fit(x: design, time: data.time, event: data.event)
        for (a, b) in zip(alternative.fit.coefficients, cold.coefficients) { #expect(abs(a - b) <= 1e-6 * max(1, abs(b))) }
        #expect(abs(alternative.fit.logLikelihood - cold.logLikelihood) <= 1e-8 * abs(cold.logLikelihood))
        #expect(abs(alternative.fit.nullLogLikelihood - cold.nullLogLikelihood) <= 1e-8 * abs(cold.nullLogLikelihood))
        // Fast: a grid and a few linear fits, not 100 Newton iterations (generous for a debug build).
        #expect(elapsed < .seconds(20), "\(elapsed)")
    }

    @Test func wellSpreadDosesAreIdentified() throws {
        let data = smallData(n: 700, levels: [0, 0.1, 0.25, 0.5, 1, 2, 4])
        let fit = try EmaxAFT(curve: .emax).fit(dose: data.dose, x: data.x, time: data.time, event: data.event)
        #expect(fit.identification.isIdentified, "\(fit.identification.statement)")
        #expect(fit.alternative == nil)
        #expect(fit.isConverged)
        let profile = try #require(fit.ed50ProfileInterval)
        let lower = try #require(profile.lower)
        let upper = try #require(profile.upper)
        // Identified means: the 95% profile interval lies inside DoseFinding's range.
        #expect(fit.identification.bounds.lowerBound < lower && upper < fit.identification.bounds.upperBound)
        #expect(lower < fit.ed50 && fit.ed50 < upper)
        // The grid's best point is close to the exact maximum (within one grid step, a factor 1.28).
        let best = try #require(fit.identification.bestGridED50)
        #expect(abs(log(best / fit.ed50)) < log(1.3), "grid \(best), exact \(fit.ed50)")
    }

    @Test func theRuleOnHandMadeProfiles() {
        let model = EmaxAFT(curve: .emax)
        func status(_ drop: [Double]) -> EmaxED50Identification.Status {
            let grid = (0..<drop.count).map { Double($0 + 1) }
            let best = drop.indices.max { drop[$0] < drop[$1] } ?? 0
            let profile = EmaxAFT.GridProfile(grid: grid, drop: drop, points: drop.map { _ in nil }, best: best)
            return model.verdict(profile, levels: 5, bounds: 0.001...1.5, positive: 0.1...1).status
        }
        // c = χ²₁(0.95)/2 = 1.92.
        #expect(status([-5, -1, 0, -1, -5]) == .identified)
        #expect(status([-5, -1, 0, -1, -1.5]) == .dosesBelowED50)   // within c at the upper end
        #expect(status([-9, -3, -1, -0.5, 0]) == .dosesBelowED50)   // rising to the upper end
        #expect(status([0, -1, -3, -9, -9]) == .dosesAboveED50)
        #expect(status([-1, 0, -0.5, -1, -1.8]) == .flat)
        #expect(model.verdict(nil, levels: 2, bounds: 0.001...1.5, positive: 0.5...1).status == .tooFewDoseLevels)
    }
}
