import Analysis
import DataIO
import Foundation
import NumericCore
import Regression
import ReliefTestSupport
import Testing

/// `relief fit cox|weibull|lognormal|loglogistic|exponential|aft FILE --weights COLUMN` through the request the CLI
/// runs (``FitRequest``), against R's `coxph(..., weights = w)` and `survreg(..., weights = w)`
/// (Tests/StatModelsTests/Reference/weights_fixtures.json, make_weights_fixtures.R): coefficients, both variances
/// (R's robust default for non-integer Cox weights, rows as clusters), log-likelihoods, the likelihood-ratio, Wald,
/// score and robust score tests, the weighted concordance and cox.zph and the per-term tests (weighted drop1 refits), each to
/// 1e-6 relative (floor 1e-9 for numbers near 0, such as the null model's p-values); n and events are rows.
@Suite("Case weights in relief fit: R's coxph and survreg with weights")
struct WeightedFitReferenceTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let reference = root.appendingPathComponent("Tests/StatModelsTests/Reference")
    static let tolerance = Tolerance.relative(1e-6, floor: 1e-9)

    struct TermCase: Decodable {
        let term: String
        let df: Int
        let lr, wald: Double
    }

    struct Case: Decodable {
        let name, data, time, event, model, formula, weights: String
        let start, cluster, ties: String?
        let robust: Bool
        let n, nevent: Int
        let coef: [Double]
        let zph: [Double]?
        let `var`: [[Double]]
        let naive_var: [[Double]]?
        let loglik: [Double]
        let score, rscore, wald, concordance, concordance_std, scale, aic: Double?
        let lr: Double
        let terms: [TermCase]
    }

    struct Prediction: Decodable {
        let name, model, formula, weights: String
        let profile: [String: ProfileValue]
        let time, surv, cumhaz, std_err, n_risk, n_event: [Double]?
        let median, median_se: Double?
    }

    /// A profile value of the fixture, a number or a level.
    struct ProfileValue: Decodable {
        let text: String
        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let number = try? container.decode(Double.self) {
                text = String(describing: number)
            } else {
                text = try container.decode(String.self)
            }
        }
    }

    struct Fixture: Decodable {
        let cases: [Case]
        let predictions: [Prediction]
    }

    static let fixture: Fixture? = {
        guard let data = try? Data(contentsOf: reference.appendingPathComponent("weights_fixtures.json")) else { return nil }
        return try? JSONDecoder().decode(Fixture.self, from: data)
    }()
    static let cases: [Case] = fixture?.cases ?? []

    static func named(_ name: String) throws -> Case { try #require(cases.first { $0.name == name }) }

    /// The request `relief fit MODEL FILE --formula ... [--start] [--cluster] [--ties] --weights COLUMN` makes.
    static func fit(_ c: Case, model: ModelName? = nil, weighted: Bool = true) throws -> RegressionResult {
        let path = reference.appendingPathComponent(c.data).path
        let source = DataSource(path: path, roles: ColumnRoles(time: c.time, start: c.start, event: c.event, id: nil))
        var specification = ModelSpecification(
            formula: c.formula, cluster: c.cluster, ties: c.ties.flatMap { CoxPH.Ties(rawValue: $0) },
            testsProportionalHazards: c.zph != nil)
        if weighted { specification.weights = c.weights }
        let name = try model ?? ModelName(named: c.model)
        return try FitRequest(source: source, model: name, specification: specification).run().result
    }

    static func expect(_ matrix: Matrix?, _ expected: [[Double]]?, _ what: String) {
        guard let expected else {
            #expect(matrix == nil, "\(what): R has none")
            return
        }
        guard let matrix, matrix.rows == expected.count else {
            Issue.record("\(what): \(matrix.map { "\($0.rows) rows" } ?? "none"), R has \(expected.count)")
            return
        }
        for i in expected.indices {
            tolerance.expect((0..<matrix.columns).map { matrix[i, $0] }, expected[i], "\(what) row \(i)")
        }
    }

    /// n and events (rows), the coefficients, R's choice of variance (fit$var robust, fit$naive.var model-based; fit$var alone without robust) and the
    /// log-likelihoods of the null model and the fit.
    static func expectFit(_ fit: any SurvivalRegressionFit, coefficients: [Double], null: Double, _ c: Case) {
        #expect(fit.n == c.n && fit.events == c.nevent, "\(c.name): n and events are rows")
        tolerance.expect(coefficients, c.coef, "\(c.name) coef")
        #expect((fit.robustVariance != nil) == c.robust, "\(c.name): R's robust default")
        if c.robust {
            expect(fit.robustVariance, c.var, "\(c.name) var (robust)")
            expect(fit.variance, c.naive_var, "\(c.name) naive.var")
        } else {
            expect(fit.variance, c.var, "\(c.name) var")
        }
        tolerance.expect([null, fit.logLikelihood], c.loglik, "\(c.name) loglik")
    }

    static func expectTermTests(_ result: RegressionResult, _ c: Case) throws {
        let tests = try #require(result.termTests?.tests)
        #expect(tests.map(\.term) == c.terms.map(\.term), "\(c.name) terms")
        for (test, reference) in zip(tests, c.terms) {
            #expect(test.degreesOfFreedom == reference.df, "\(c.name) \(reference.term) df")
            tolerance.expect(test.likelihoodRatio?.statistic, reference.lr, "\(c.name) \(reference.term) LR (weighted refit)")
            tolerance.expect(test.wald.statistic, reference.wald, "\(c.name) \(reference.term) Wald")
        }
    }

    static let coxNames = cases.filter { $0.model == "cox" }.map(\.name)
    static let aftNames = cases.filter { $0.model != "cox" }.map(\.name)

    @Test("the fixture holds the Cox and survreg cases")
    func fixtureLoaded() {
        #expect(Self.coxNames.count == 8)
        #expect(Self.aftNames.count == 6)
    }

    @Test("relief fit cox --weights equals R's coxph(..., weights =)", arguments: coxNames)
    func cox(name: String) throws {
        let c = try Self.named(name)
        let result = try Self.fit(c)
        let cox = try #require((result.estimates as? CoxEstimates)?.cox)
        Self.expectFit(cox, coefficients: cox.coefficients, null: cox.nullLogLikelihood, c)
        Self.tolerance.expect(cox.likelihoodRatioTest.statistic, c.lr, "\(name) LR")
        Self.tolerance.expect(cox.waldTest.statistic, c.wald, "\(name) Wald")
        Self.tolerance.expect(cox.scoreTest.statistic, c.score, "\(name) score")
        Self.tolerance.expect(cox.robustScoreTest?.statistic, c.rscore, "\(name) robust score")
        Self.tolerance.expect(cox.concordance.concordance, c.concordance, "\(name) concordance")
        Self.tolerance.expect(cox.concordance.standardError, c.concordance_std, "\(name) concordance std")
        let zph = try #require((result.estimates as? CoxEstimates)?.proportionalHazards)
        Self.tolerance.expect((zph.terms + [zph.global]).map(\.chiSquare), c.zph ?? [], "\(name) cox.zph (weighted)")
        try Self.expectTermTests(result, c)
        let weights = try #require(result.caseWeights)
        #expect(weights.column == c.weights)
        #expect(weights.variance?.hasPrefix(c.robust ? "robust" : "model-based") ?? (c.cluster != nil), "\(name) variance line")
    }

    @Test("relief fit FAMILY --weights equals R's survreg(..., weights =)", arguments: aftNames)
    func aft(name: String) throws {
        let c = try Self.named(name)
        let result = try Self.fit(c)
        let aft = try #require((result.estimates as? AFTEstimates)?.aft)
        if let scale = c.scale, aft.distribution.estimatesScale { Self.tolerance.expect(aft.scale, scale, "\(name) scale") }
        Self.expectFit(aft, coefficients: aft.coefficients, null: aft.nullLogLikelihood, c)
        Self.tolerance.expect(aft.likelihoodRatioTest.statistic, c.lr, "\(name) LR")
        Self.tolerance.expect(result.aic, c.aic, "\(name) AIC")
        try Self.expectTermTests(result, c)
    }

    @Test("relief fit aft --dist all --weights ranks R's four weighted survreg fits by AIC")
    func allFamilies() throws {
        let families = try ["weibull", "lognormal", "loglogistic", "exponential"].map { try Self.named("trial_" + $0) }
        var c = families[0]
        let path = Self.reference.appendingPathComponent(c.data).path
        var specification = ModelSpecification(formula: c.formula, comparesDistributions: true, testsProportionalHazards: false)
        specification.weights = c.weights
        let result = try FitRequest(source: DataSource(path: path, roles: ColumnRoles(id: nil)), model: .aft, specification: specification)
            .run().result
        let ranked = try #require((result.estimates as? AFTEstimates)?.comparison)
        let expected = families.sorted { ($0.aic ?? .infinity) < ($1.aic ?? .infinity) }
        #expect(ranked.map(\.distribution.name) == expected.map { String($0.name.dropFirst("trial_".count)) })
        for (fit, reference) in zip(ranked, expected) {
            Self.tolerance.expect(fit.logLikelihood, reference.loglik.last, "\(reference.name) loglik")
            Self.tolerance.expect(fit.aic, reference.aic, "\(reference.name) AIC")
        }
        c = expected[0]
        #expect(result.caseWeights?.column == c.weights)
    }

    /// Without cox.zph and likelihood-ratio refits the fit is handed the only copy of the design
    /// (``RegressionFitter`` releases it); the weights still reach the model.
    @Test("the lean Cox path (no cox.zph, Wald term tests) keeps the weights", arguments: ["trial_efron_frac", "heart_breslow_cluster"])
    func leanPath(name: String) throws {
        let c = try Self.named(name)
        let path = Self.reference.appendingPathComponent(c.data).path
        var specification = ModelSpecification(
            formula: c.formula, cluster: c.cluster, ties: c.ties.flatMap { CoxPH.Ties(rawValue: $0) },
            testsProportionalHazards: false, weights: c.weights)
        specification.termTests = .wald
        let source = DataSource(path: path, roles: ColumnRoles(time: c.time, start: c.start, event: c.event, id: nil))
        let result = try FitRequest(source: source, model: .cox, specification: specification).run().result
        let cox = try #require((result.estimates as? CoxEstimates)?.cox)
        Self.expectFit(cox, coefficients: cox.coefficients, null: cox.nullLogLikelihood, c)
        Self.tolerance.expect(cox.concordance.concordance, c.concordance, "\(name) concordance")
        Self.tolerance.expect(result.termTests?.tests.map(\.wald.statistic) ?? [], c.terms.map(\.wald), "\(name) Wald terms")
    }

    /// `relief predict MODEL ... --weights COLUMN`: the fit behind the prediction is weighted, and a Cox curve uses
    /// the weighted baseline and the fit's variance (robust with fractional weights), as R's `survfit(fit, newdata)`
    /// of the weighted `coxph` (every time of the curve: survival, cumulative hazard and its SE, weighted numbers at
    /// risk and of events); an AFT median and its SE as `predict(survreg, type = "quantile")`.
    @Test("relief predict --weights equals R's survfit / predict of the weighted fit", arguments: ["cox_frac", "cox_int", "weibull_frac"])
    func predict(name: String) throws {
        let p = try #require(Self.fixture?.predictions.first { $0.name == name })
        let path = Self.reference.appendingPathComponent("weights_trial.csv").path
        let settings = p.profile.keys.sorted().compactMap { key in p.profile[key].map { ProfileSetting(column: key, values: [$0.text]) } }
        let request = try PredictRequest(
            source: DataSource(path: path, roles: ColumnRoles(id: nil)), model: ModelName(named: p.model),
            specification: ModelSpecification(formula: p.formula, testsProportionalHazards: false, weights: p.weights),
            settings: settings, times: [7, 14, 28])
        let result = try request.run().result
        let profile = try #require(result.profiles.first)
        #expect(result.regression.caseWeights?.column == p.weights)
        if let curve = profile.coxPrediction {
            Self.tolerance.expect(curve.times, p.time ?? [], "\(name) time")
            Self.tolerance.expect(curve.survival, p.surv ?? [], "\(name) surv")
            Self.tolerance.expect(curve.cumulativeHazard, p.cumhaz ?? [], "\(name) cumhaz")
            Self.tolerance.expect(curve.cumulativeHazardStandardError, p.std_err ?? [], "\(name) std.err")
            Self.tolerance.expect(curve.atRisk, p.n_risk ?? [], "\(name) n.risk (weighted)")
            Self.tolerance.expect(curve.events, p.n_event ?? [], "\(name) n.event (weighted)")
        } else {
            let median = try #require(profile.prediction.median)
            Self.tolerance.expect(median.estimate, p.median, "\(name) median")
            Self.tolerance.expect(median.standardError, p.median_se, "\(name) median SE")
        }
    }

    /// The registry decides: every model whose entry takes no weights (emax, sigemax), and every AFT family with its
    /// frailty() term (random intercept, Weibull gamma frailty), refuses --weights as a usage error before reading.
    @Test("models without case weights refuse --weights with a usage error naming the models that take them")
    func refusals() throws {
        let refusing = ModelName.all.filter { !$0.entry.requirements.takesWeights }
        #expect(!refusing.isEmpty)
        var plain = ModelSpecification(formula: "interval_days")
        plain.weights = "w_frac"
        for model in refusing {
            let error = #expect(throws: AnalysisError.self) {
                _ = try FitRequest.fitting(model, source: DataSource(path: "unused.csv"), doseColumn: "dose_mg_kg", specification: plain)
            }
            #expect(error?.kind == .usage)
            #expect(error?.message.contains("cox, exponential, weibull") == true, "\(model): names the models that take weights")
        }
        for (model, frailty) in [(ModelName.weibull, FrailtyDistribution.gaussian), (.weibull, .gamma), (.lognormal, .gaussian)] {
            var specification = ModelSpecification(formula: "dose_mg_kg + frailty(patient_id)", frailtyDistribution: frailty)
            specification.weights = "w_frac"
            let error = #expect(throws: AnalysisError.self) {
                _ = try FitRequest(source: DataSource(path: "unused.csv"), model: model, specification: specification)
            }
            #expect(error?.kind == .usage)
            #expect(error?.message.contains("with frailty(patient_id) is not built for \(model)") == true)
        }
        var cox = ModelSpecification(formula: "dose_mg_kg + frailty(patient_id)")
        cox.weights = "w_frac"
        _ = try FitRequest(source: DataSource(path: "unused.csv"), model: .cox, specification: cox)
    }

    /// The negative control: the same requests without `--weights` miss R's weighted numbers, so the tests above
    /// can fail when the weights are dropped on the way.
    @Test("without --weights the fits differ from R's weighted ones", arguments: ["trial_efron_frac", "heart_efron", "trial_weibull"])
    func unweightedDiffers(name: String) throws {
        let c = try Self.named(name)
        let result = try Self.fit(c, weighted: false)
        #expect(result.caseWeights == nil)
        #expect(!Tolerance.relative(1e-3).accepts(result.estimates.fit.logLikelihood, c.loglik[1]))
        #expect(!Tolerance.relative(1e-3).accepts(result.estimates.fit.parameterEstimates, c.coef + (c.scale.map { [log($0)] } ?? [])))
    }
}
