import Analysis
import DataIO
import DoseResponse
import Foundation
import Regression
import ReliefTestSupport
import Reporting
import Survival
import Testing

/// Every job the command line offers, called from Swift without it: each request's JSON equals the
/// command line's golden JSON output of the same analysis (Tests/ReliefCLITests/Golden), apart from
/// the command and option record.
@Suite("Analysis requests without the command line")
struct RequestTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let trial = root.appendingPathComponent("data/ketamine_trial.csv").path
    static let doseRanging = root.appendingPathComponent("data/dose_ranging.csv").path

    /// The JSON object of a golden output's stdout, without `command`, `options` and `input.file`.
    static func golden(_ name: String) throws -> NSDictionary {
        let text = try String(
            contentsOf: root.appendingPathComponent("Tests/ReliefCLITests/Golden/\(name).golden"), encoding: .utf8)
        let stdout = try #require(text.components(separatedBy: "# stdout:\n").last)
        return try comparable(Data(stdout.utf8))
    }

    /// A JSON object without the fields that record how it was called.
    static func comparable(_ data: Data) throws -> NSDictionary {
        var object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        object["command"] = nil
        object["options"] = nil
        if var input = object["input"] as? [String: Any] {
            input["file"] = nil
            object["input"] = input
        }
        return NSDictionary(dictionary: object)
    }

    static func expectSame(_ output: AnalysisOutput<some AnalysisRequest>, golden name: String) throws {
        let mine = try comparable(Data(output.rendered(.json).utf8))
        let theirs = try golden(name)
        let differing = Set((mine.allKeys + theirs.allKeys).compactMap { $0 as? String }).filter { key in
            !same(mine[key], theirs[key])
        }
        #expect(differing.isEmpty, "\(name): the library's JSON differs from the CLI's in \(differing.sorted())")
    }

    /// JSON values agree: numbers to 1e-10 relative (`Tolerance`; BLAS reductions may round differently
    /// with another thread count), everything else exactly.
    static func same(_ a: Any?, _ b: Any?) -> Bool {
        switch (a, b) {
        case (nil, nil): return true
        case (let x as NSNumber, let y as NSNumber):
            return Tolerance.relative(1e-10).accepts(x.doubleValue, y.doubleValue)
        case (let x as [Any], let y as [Any]):
            return x.count == y.count && zip(x, y).allSatisfy { same($0, $1) }
        case (let x as [String: Any], let y as [String: Any]):
            return Set(x.keys) == Set(y.keys) && x.keys.allSatisfy { same(x[$0], y[$0]) }
        case (let x as NSObject, let y as NSObject): return x.isEqual(y)
        default: return false
        }
    }

    static func source(_ path: String, by: [String] = []) -> DataSource {
        var roles = ColumnRoles()
        roles.by = by
        return DataSource(path: path, roles: roles)
    }

    @Test("summary")
    func summary() throws {
        let output = try SummaryRequest(source: Self.source(Self.trial, by: ["dose_group"])).run()
        try Self.expectSame(output, golden: "summary-trial-dose-json")
        let medians = output.result.groups.compactMap(\.median.estimate)
        #expect(medians.count == 2)
        Tolerance.absolute(0.01).expect(medians.first, 15.79, "the high-dose median of the bundled trial")
    }

    @Test("curves")
    func curves() throws {
        try Self.expectSame(try CurvesRequest(source: Self.source(Self.trial, by: ["dose_group"])).run(), golden: "curves-trial-json")
    }

    @Test("fit cox with a cluster and a reference level")
    func fitCox() throws {
        let spec = ModelSpecification(
            formula: "dose_group + interval_days + baseline_pain + condition + cotherapy", cluster: "patient_id",
            referenceLevels: ["dose_group": "low"])
        let output = try FitRequest(source: Self.source(Self.trial), model: .cox, specification: spec).run()
        try Self.expectSame(output, golden: "fit-cox-trial-json")
    }

    @Test("fit aft, all four families")
    func fitAFT() throws {
        let spec = ModelSpecification(formula: "dose_mg_kg + interval_days + condition", comparesDistributions: true)
        let output = try FitRequest(source: Self.source(Self.trial), model: .aft, specification: spec).run()
        try Self.expectSame(output, golden: "fit-aft-all-trial-json")
    }

    @Test("per-term tests: likelihood ratio by default, Wald only, or none")
    func termTests() throws {
        var spec = ModelSpecification(formula: "dose_mg_kg*cotherapy + condition")
        let full = try FitRequest(source: Self.source(Self.trial), model: .weibull, specification: spec).run().result
        let tests = try #require(full.termTests)
        #expect(tests.tests.map(\.term) == ["condition", "dose_mg_kg:cotherapy"])
        #expect(tests.containedTerms == ["dose_mg_kg", "cotherapy"])
        #expect(tests.tests.allSatisfy { $0.likelihoodRatio != nil })
        spec.termTests = .wald
        let wald = try #require(try FitRequest(source: Self.source(Self.trial), model: .weibull, specification: spec).run().result.termTests)
        #expect(wald.tests.map(\.wald) == tests.tests.map(\.wald))
        #expect(wald.tests.allSatisfy { $0.likelihoodRatio == nil })
        spec.termTests = .omitted
        #expect(try FitRequest(source: Self.source(Self.trial), model: .weibull, specification: spec).run().result.termTests == nil)
    }

    @Test("one-step Emax fit")
    func fitEmax() throws {
        let spec = ModelSpecification(formula: "interval_days + baseline_pain", distribution: .weibull)
        let output = try EmaxFitRequest(
            source: Self.source(Self.doseRanging), model: .emax, doseColumn: "dose_mg_kg", specification: spec
        ).run()
        try Self.expectSame(output, golden: "fit-emax-dose-json")
    }

    @Test("predict weibull over a cross of profiles")
    func predict() throws {
        let settings = [
            ProfileSetting(column: "dose_mg_kg", values: ["0.5", "1.0"]), ProfileSetting(column: "interval_days", values: ["14", "28"]),
        ]
        let request = try PredictRequest(
            source: Self.source(Self.trial), model: .weibull, specification: ModelSpecification(formula: "dose_mg_kg + interval_days"),
            settings: settings, times: [7, 14, 28])
        try Self.expectSame(try request.run(), golden: "predict-weibull-trial-json")
    }

    @Test("predict emax: the fit's own predictions at each dose, the dose varying slowest")
    func predictEmax() throws {
        let spec = ModelSpecification(formula: "interval_days", distribution: .weibull)
        let request = try PredictRequest(
            source: Self.source(Self.doseRanging), model: .emax, specification: spec,
            settings: [ProfileSetting(column: "interval_days", values: ["14", "28"]),
                       ProfileSetting(column: "dose_mg_kg", values: ["0.25", "1"])],
            times: [7, 14], tau: 28)
        let result = try request.run().result
        let fit = try EmaxFitRequest(
            source: Self.source(Self.doseRanging), model: .emax, doseColumn: "dose_mg_kg", specification: spec
        ).run().result.fit
        #expect(result.profiles.map(\.label) == [
            "dose_mg_kg=0.25, interval_days=14", "dose_mg_kg=0.25, interval_days=28",
            "dose_mg_kg=1, interval_days=14", "dose_mg_kg=1, interval_days=28",
        ])
        for (profile, (dose, interval)) in zip(result.profiles, [(0.25, 14.0), (0.25, 28), (1, 14), (1, 28)]) {
            let direct = try fit.predict(dose: dose, covariates: [interval], times: [7, 14], tau: 28)
            #expect(profile.prediction == direct, "\(profile.label)")
            #expect(profile.prediction.dose == dose)
        }
        let rmst = result.profiles.compactMap { $0.prediction.restrictedMean?.estimate }
        #expect(rmst.count == 4 && rmst[2] > rmst[0], "a higher dose gives a longer restricted mean here")
    }

    @Test("schedule from a Weibull model")
    func schedule() throws {
        let request = try ScheduleRequest(
            source: Self.source(Self.trial), model: .weibull,
            specification: ModelSpecification(formula: "dose_mg_kg + interval_days + baseline_pain + condition"),
            doses: [0.5, 1.0], intervals: [7, 14, 21, 28, 42],
            settings: [ProfileSetting(column: "baseline_pain", values: ["6"]), ProfileSetting(column: "condition", values: ["neuropathic"])])
        try Self.expectSame(try request.run(), golden: "schedule-weibull-trial-json")
    }

    @Test("two-stage dose-response with an RMST stage 1")
    func doseResponse() throws {
        let request = try DoseResponseRequest(source: Self.source(Self.doseRanging), summary: .restrictedMean(tau: 28))
        try Self.expectSame(try request.run(), golden: "dose-response-dose-rmst-json")
    }

    @Test("the clinical report equals the command line's HTML")
    func report() throws {
        let record = RunRecord(
            command: "relief report data/ketamine_trial.csv -o $OUT/report.html",
            options: [
                ("time", "relief_days"), ("event", "relief_ended"), ("missing", "NA,,."), ("conf-type", "log"),
                ("conf-level", "0.95"), ("times", "7,14,28"),
            ], date: "1970-01-01")
        let report = try ReportRequest(source: Self.source(Self.trial)).run(record: record)
        let html = ClinicalReportHTMLRenderer().render(report).replacingOccurrences(of: Self.trial, with: "data/ketamine_trial.csv")
        let text = try String(
            contentsOf: Self.root.appendingPathComponent("Tests/ReliefCLITests/Golden/report-trial-html.golden"), encoding: .utf8)
        let golden = try #require(text.components(separatedBy: "# file report.html:\n").last)
        let mine = html.split(separator: "\n")
        let theirs = golden.split(separator: "\n")
        #expect(mine.count > 100)
        let first = zip(mine, theirs).enumerated().first { $0.element.0 != $0.element.1 }?.offset
        #expect(first == nil && mine.count == theirs.count, "the report differs from line \((first ?? 0) + 1)")
        #expect(report.comparisons.count == 2)
    }

    @Test("a request refuses what its model cannot do")
    func refusals() throws {
        #expect(throws: AnalysisError.self) {
            _ = try FitRequest(source: Self.source(Self.trial), model: .emax, specification: ModelSpecification(formula: "x"))
        }
        #expect(throws: AnalysisError.self) {
            _ = try ReportRequest(source: Self.source(Self.trial), model: .emax)
        }
        #expect(throws: AnalysisError.self) {
            _ = try PredictRequest(
                source: Self.source(Self.trial), model: .aft,
                specification: ModelSpecification(formula: "dose_mg_kg", comparesDistributions: true), settings: [])
        }
    }
}

/// The model names Swift callers use are the registry's, and what a model may do comes from its entry.
@Suite("Registered models")
struct RegisteredModelTests {
    @Test("every named constant is a registered model")
    func constants() {
        let constants: [ModelName] = [.cox, .exponential, .weibull, .lognormal, .loglogistic, .aft, .emax, .sigemax]
        #expect(constants.map(\.rawValue) == ["cox", "exponential", "weibull", "lognormal", "loglogistic", "aft", "emax", "sigemax"])
        #expect(Set(constants.map(\.rawValue)) == Set(ModelName.registry.names))
        #expect(ModelName(rawValue: "gamma") == nil)
        #expect(ModelName(rawValue: "Weibull") == .weibull)
    }

    @Test("requirements come from the entry: dose models, ties, distributions, schedules")
    func requirements() {
        #expect(ModelName.emax.needsDose && ModelName.sigemax.needsDose && !ModelName.weibull.needsDose)
        #expect(ModelName.cox.entry.requirements.usesTies && !ModelName.weibull.entry.requirements.usesTies)
        #expect(ModelName.aft.entry.requirements.choosesDistribution && !ModelName.lognormal.entry.requirements.choosesDistribution)
        #expect(!ScheduleRequest.models.contains(.cox) && ScheduleRequest.models.contains(.emax))
    }
}
