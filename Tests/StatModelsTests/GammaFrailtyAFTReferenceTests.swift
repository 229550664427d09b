import DataIO
import Foundation
import NumericCore
import Regression
import Survival
import Testing

/// The Weibull AFT with a gamma frailty (``GammaFrailtyAFT``) against R (Reference/gamma_frailty_aft.json
/// from make_gamma_frailty_aft_fixtures.R, which maximises the same closed-form marginal likelihood with
/// optim, nlminb and Newton polishing on optimHess): R's `kidney`, the same episodes cut by `survSplit`
/// into `(start, stop]` rows (the same likelihood), and the bundled trial.
///
/// Tolerances: coefficients, `log σ`, `log θ` and the log-likelihood to 1e-5 (relative to `max(1, |value|)`);
/// SEs to 1e-4 relative (R's come from a numerical Hessian, ours from the analytic one); posterior means,
/// cumulative hazards and the population and patient curves to 1e-5 (they follow from the estimates); the
/// per-term likelihood-ratio statistics (each term dropped, the model refitted with its gamma frailty) to 1e-3
/// absolute (differences of two maximised log-likelihoods).
@Suite("Gamma-frailty Weibull AFT vs R (closed-form marginal likelihood)")
struct GammaFrailtyAFTReferenceTests {
    struct Posterior: Decodable, Sendable {
        let id: String
        let episodes, events: Int
        let cumhaz, mean: Double
    }

    struct Case: Decodable, Sendable {
        let name, formula: String
        let columns: [String]
        let coef, se, profile, times, population, patient_curve: [Double]
        let log_sigma, log_theta, sigma, theta, loglik: Double
        let n, nevent, patients: Int
        let posterior: [Posterior]
        let terms: [String]
        let lr: [Double]
    }

    struct Fixture: Decodable, Sendable {
        let cases: [Case]
    }

    static func fixture(_ name: String) throws -> Case {
        let url = try #require(Bundle.module.url(forResource: "gamma_frailty_aft", withExtension: "json", subdirectory: "Reference"))
        let all = try JSONDecoder().decode(Fixture.self, from: Data(contentsOf: url))
        return try #require(all.cases.first { $0.name == name })
    }

    /// The data of a case as `relief fit weibull FILE ... --frailty-distribution gamma` reads it.
    static func data(_ name: String, formula text: String) throws -> RegressionData {
        let formula = try Formula(text)
        let path: String, roles: ColumnRoles
        switch name {
        case "ketamine_trial":
            path = BaselineReferenceFixture.trialPath
            roles = ColumnRoles(time: "relief_days", event: "relief_ended", covariates: formula.variables)
        default:
            let stem = name == "kidney" ? "gf_kidney" : "gf_kidney_split"
            path = try #require(Bundle.module.url(forResource: stem, withExtension: "csv", subdirectory: "Reference")).path
            roles = ColumnRoles(time: "time", start: name == "kidney" ? nil : "start", event: "event", covariates: formula.variables)
        }
        let dataset = try SurvivalDatasetReader(dialect: CSVDialect(delimiter: .comma), roles: roles).read(path: path)
        let design = try DesignMatrixBuilder(intercept: true).build(formula, data: dataset)
        return RegressionData(design: design, time: dataset.time, event: dataset.event, start: dataset.start)
    }

    static func close(_ a: Double, _ b: Double, _ tolerance: Double) -> Bool { abs(a - b) <= tolerance * max(1, abs(b)) }

    @Test("estimates, log-likelihood and SEs equal R's maximisation", arguments: ["kidney", "kidney_split", "ketamine_trial"])
    func reference(name: String) throws {
        let c = try Self.fixture(name)
        let data = try Self.data(name, formula: c.formula)
        let fit = try GammaFrailtyAFT().fit(data)
        #expect(fit.isConverged)
        #expect(fit.n == c.n && fit.events == c.nevent && fit.patients.count == c.patients)
        #expect(fit.termNames == c.columns)
        let estimates = c.coef + [c.log_sigma, c.log_theta]
        for j in estimates.indices {
            #expect(Self.close(fit.parameters[j], estimates[j], 1e-5), "\(name) parameter \(j): R \(estimates[j]), got \(fit.parameters[j])")
            let se = fit.variance[j, j].squareRoot()
            #expect(abs(se - c.se[j]) <= 1e-4 * c.se[j], "\(name) SE \(j): R \(c.se[j]), got \(se)")
        }
        #expect(Self.close(fit.logLikelihood, c.loglik, 1e-5), "\(name) loglik: R \(c.loglik), got \(fit.logLikelihood)")
        #expect(Self.close(fit.frailtyVariance, c.theta, 1e-5) && Self.close(fit.scale, c.sigma, 1e-5))
        for post in c.posterior {
            let i = try #require(fit.patients.firstIndex(of: post.id))
            #expect(fit.patientEpisodes[i] == post.episodes && fit.patientEvents[i] == post.events)
            #expect(Self.close(fit.cumulativeHazards[i], post.cumhaz, 1e-5), "\(name) patient \(post.id) sum H")
            #expect(Self.close(fit.posteriorMeans[i], post.mean, 1e-5), "\(name) patient \(post.id) posterior mean")
        }
        // The population curve of a new patient, and the first listed patient's posterior-predictive curve.
        let profiles = RegressionProfiles(x: try Matrix(rowMajor: [c.profile]))
        let population = try fit.predict(profiles, request: PredictionRequest(times: c.times), data: data)[0]
        let patient = try #require(c.posterior.first?.id)
        let own = try fit.predict(profiles, request: PredictionRequest(times: c.times, patient: patient), data: data)[0]
        for (k, t) in c.times.enumerated() {
            #expect(abs(population.survival[k].estimate - c.population[k]) <= 1e-5, "\(name) population S(\(t))")
            #expect(abs(own.survival[k].estimate - c.patient_curve[k]) <= 1e-5, "\(name) patient \(patient) S(\(t))")
            #expect(population.survival[k].lower < population.survival[k].estimate)
            #expect(population.survival[k].upper > population.survival[k].estimate)
        }
    }

    @Test("per-term likelihood-ratio tests by refits with the gamma frailty", arguments: ["kidney", "ketamine_trial"])
    func likelihoodRatio(name: String) throws {
        let c = try Self.fixture(name)
        let formula = try Formula(c.formula)
        let path = name == "kidney"
            ? try #require(Bundle.module.url(forResource: "gf_kidney", withExtension: "csv", subdirectory: "Reference")).path
            : BaselineReferenceFixture.trialPath
        let roles = name == "kidney" ? ColumnRoles(time: "time", event: "event", covariates: formula.variables)
            : ColumnRoles(time: "relief_days", event: "relief_ended", covariates: formula.variables)
        let dataset = try SurvivalDatasetReader(dialect: CSVDialect(delimiter: .comma), roles: roles).read(path: path)
        let design = try DesignMatrixBuilder(intercept: true).build(formula, data: dataset)
        let data = RegressionData(design: design, time: dataset.time, event: dataset.event)
        let model = GammaFrailtyAFT()
        let fit = try model.fit(data)
        #expect(fit.supportsLikelihoodRatioTests)
        let tests = TermTests(fit: fit, design: design, data: data, model: model)
        #expect(tests.tests.map(\.term) == c.terms)
        for (test, expected) in zip(tests.tests, c.lr) {
            let lr = try #require(test.likelihoodRatio, "\(test.term): a likelihood-ratio test")
            #expect(abs(lr.statistic - expected) < 1e-3, "\(test.term): LR \(lr.statistic) vs R \(expected)")
        }
        #expect(tests.warnings.isEmpty, "\(tests.warnings)")
    }

    @Test("the analytic gradient and Hessian equal central differences of the likelihood (with entry times)")
    func derivatives() throws {
        let data = try Self.data("kidney_split", formula: "age + sex + frailty(id)")
        let groups = try #require(data.frailty)
        let y = data.time.map { log($0) }
        let entry = data.start.map { $0.map { $0 > 0 ? log($0) : -Double.infinity } }
        let episodes = GammaFrailtyEpisodes(x: data.x, y: y, entry: entry, event: data.event, codes: groups.codes, groupCount: groups.count)
        let likelihood = GammaFrailtyLikelihood(episodes: episodes)
        let theta = [2.1, -0.004, 1.4, -0.3, -0.9]
        let centre = try #require(likelihood.evaluate(theta, derivatives: true))
        for j in theta.indices {
            let h = 1e-5 * max(1, abs(theta[j]))
            var up = theta, down = theta
            up[j] += h
            down[j] -= h
            let plus = try #require(likelihood.evaluate(up, derivatives: true))
            let minus = try #require(likelihood.evaluate(down, derivatives: true))
            let numeric = (plus.value - minus.value) / (2 * h)
            #expect(abs(centre.gradient[j] - numeric) <= 1e-6 * max(1, abs(numeric)), "gradient \(j): \(centre.gradient[j]) vs \(numeric)")
            for i in theta.indices {
                let second = (plus.gradient[i] - minus.gradient[i]) / (2 * h)
                #expect(abs(centre.hessian[i, j] - second) <= 1e-5 * max(1, abs(second)), "hessian \(i),\(j): \(centre.hessian[i, j]) vs \(second)")
            }
        }
    }

    @Test("quantiles invert the curves; a patient without episodes gets the population curve; the spread brackets the median")
    func predictionConsistency() throws {
        let c = try Self.fixture("kidney")
        let data = try Self.data("kidney", formula: c.formula)
        let fit = try GammaFrailtyAFT().fit(data)
        let profiles = RegressionProfiles(x: try Matrix(rowMajor: [c.profile]))
        let request = PredictionRequest(times: [], probabilities: [0.25, 0.5, 0.75], tau: 300)
        for patient in [nil, "1", "21"] as [String?] {
            var asked = request
            asked.patient = patient
            let prediction = try fit.predict(profiles, request: asked, data: data)[0]
            for q in prediction.quantiles {
                let t = try #require(q.estimate)
                var check = asked
                check.times = [t]
                let s = try fit.predict(profiles, request: check, data: data)[0].survival[0].estimate
                #expect(abs(s - (1 - q.probability)) <= 1e-10, "patient \(patient ?? "new") q \(q.probability)")
            }
            // The restricted mean against a trapezoid rule on the curve.
            var grid = asked
            grid.times = stride(from: 0.0, through: 300, by: 0.05).map { $0 }
            let curve = try fit.predict(profiles, request: grid, data: data)[0].survival.map(\.estimate)
            var trapezoid = 0.0
            for k in 1..<curve.count { trapezoid += 0.025 * (curve[k] + curve[k - 1]) }
            let mean = try #require(prediction.restrictedMean)
            #expect(abs(mean.estimate - trapezoid) <= 1e-3, "patient \(patient ?? "new") RMST \(mean.estimate) vs \(trapezoid)")
            #expect(mean.standardError > 0)
        }
        let unknown = try fit.predict(profiles, request: PredictionRequest(times: [50], patient: "999"), data: data)[0]
        let population = try fit.predict(profiles, request: PredictionRequest(times: [50]), data: data)[0]
        #expect(unknown == population)
        #expect(fit.patientEffect("999", data: data) == nil)
        let effect = try #require(fit.patientEffect("21", data: data))
        let i = try #require(fit.patients.firstIndex(of: "21"))
        #expect(abs(effect.estimate - log(fit.posteriorMeans[i])) <= 1e-12 && effect.scale == .logHazard)
        // Z at its quartiles gives the span; the typical patient (Z at its median) lies inside.
        let span = try #require(fit.typicalReliefSpan(at: c.profile))
        let eta = zip(c.profile, fit.coefficients).reduce(0) { $0 + $1.0 * $1.1 }
        let medianZ = GammaFrailtyAFTFit.gammaQuantile(0.5, shape: 1 / fit.frailtyVariance)
        let typical = exp(eta) * pow(log(2) / medianZ, fit.scale)
        #expect(span.lower < typical && typical < span.upper)
        let p25 = SpecialFunctions.regularizedGammaP(1 / fit.frailtyVariance, GammaFrailtyAFTFit.gammaQuantile(0.25, shape: 1 / fit.frailtyVariance) / fit.frailtyVariance)
        #expect(abs(p25 - 0.25) <= 1e-10)
    }

    @Test("trigamma equals its series and recurrence")
    func trigamma() {
        #expect(abs(SpecialFunctions.trigamma(1) - Double.pi * Double.pi / 6) <= 1e-13)
        #expect(abs(SpecialFunctions.trigamma(0.5) - Double.pi * Double.pi / 2) <= 1e-13)
        #expect(abs(SpecialFunctions.trigamma(2.5) - (SpecialFunctions.trigamma(3.5) + 1 / 6.25)) <= 1e-14)
        #expect(abs(SpecialFunctions.trigamma(1000) - 1.000500166666667e-3) <= 1e-15)
        #expect(SpecialFunctions.trigamma(0).isNaN)
    }
}
