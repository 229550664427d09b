@testable import DataIO
import DoseResponse
import Foundation
import NumericCore
import Regression
import Simulation
import Survival
import Testing

/// A small simulated dose-ranging trial (Emax truth: E0 8, Emax 16, ED50 0.4 days; Weibull σ 0.7, no
/// frailty), about 1,200 episodes of 300 patients, with the design every registered model needs.
private struct DoseTrial {
    let dose: [Double]
    let covariates: Matrix          // interval_days, baseline_pain (no intercept)
    let time: [Double]
    let event: [Bool]
    let cluster: [Int]

    static let shared: DoseTrial? = {
        var spec = TrialSimulation()
        spec.size = .patients(300)
        spec.frailtySD = 0
        spec.emaxDoseResponse = .init(levels: [0.1, 0.25, 0.5, 0.75, 1, 1.5], e0: 8, emax: 16, ed50: 0.4)
        guard let trial = try? spec.simulate(seed: 20_240_611) else { return nil }
        let n = trial.rowCount
        var x = Matrix(rows: n, columns: 2)
        for i in 0..<n {
            x[i, 0] = Double(trial.intervalDays[i])
            x[i, 1] = trial.baselinePain[i]
        }
        return DoseTrial(dose: trial.doseMgKg, covariates: x, time: trial.reliefDays, event: trial.reliefEnded,
                         cluster: trial.patientNumber)
    }()

    /// The data for a registry entry: an intercept column when it wants one, the dose as a design
    /// column unless it is a dose role of its own.
    func data(for entry: SurvivalModelEntry) -> RegressionData {
        let n = time.count
        var columns: [[Double]] = []
        var names: [String] = []
        if entry.requirements.intercept {
            columns.append([Double](repeating: 1, count: n))
            names.append("(Intercept)")
        }
        if !entry.requirements.needsDose {
            columns.append(dose)
            names.append("dose_mg_kg")
        }
        for (j, name) in ["interval_days", "baseline_pain"].enumerated() {
            columns.append((0..<n).map { covariates[$0, j] })
            names.append(name)
        }
        let x = (try? Matrix(rows: n, columns: columns.count, columnMajor: columns.flatMap { $0 })) ?? Matrix(rows: 0, columns: 0)
        return RegressionData(x: x, termNames: names, time: time, event: event, cluster: cluster,
                              dose: entry.requirements.needsDose ? dose : nil)
    }

    /// One profile (dose 0.5, interval 14 days, pain 6) coded for the entry.
    func profile(for entry: SurvivalModelEntry) -> RegressionProfiles {
        var row: [Double] = entry.requirements.intercept ? [1] : []
        if !entry.requirements.needsDose { row.append(0.5) }
        row += [14, 6]
        let x = (try? Matrix(rows: 1, columns: row.count, columnMajor: row)) ?? Matrix(rows: 0, columns: 0)
        return RegressionProfiles(x: x, dose: entry.requirements.needsDose ? [0.5] : nil)
    }
}

@Suite("One protocol for survival regression")
struct SurvivalRegressionProtocolTests {
    static let registry = SurvivalModelRegistry.withDoseResponse

    @Test("the registry lists the standard models, and DoseResponse adds emax and sigemax")
    func names() {
        #expect(SurvivalModelRegistry.standard.names == ["cox", "exponential", "weibull", "lognormal", "loglogistic", "aft"])
        #expect(Self.registry.names == ["cox", "exponential", "weibull", "lognormal", "loglogistic", "aft", "emax", "sigemax"])
        #expect((try? Self.registry.entry(named: "Weibull").name) == "weibull", "names are case-insensitive")
        #expect((try? Self.registry.entry(named: "cox").requirements.allowsStrata) == true)
        #expect((try? Self.registry.entry(named: "emax").requirements.needsDose) == true)
        #expect((try? Self.registry.entry(named: "cox").capabilities.drivesCoverageSchedule) == false)
    }

    @Test("an unknown model name is refused with the list of names")
    func unknownName() {
        #expect {
            _ = try Self.registry.entry(named: "gompertz")
        } throws: { error in
            guard let error = error as? StatModelError, case .invalidArgument(_, let message) = error else { return false }
            return message.contains("'gompertz'") && Self.registry.names.allSatisfy { message.contains($0) }
        }
        #expect(throws: StatModelError.self) {
            _ = try Self.registry.model(named: "aft", settings: SurvivalModelSettings(distribution: "gamma"))
        }
    }

    @Test("every registered model fits through the protocol and answers consistently",
          arguments: SurvivalModelRegistry.withDoseResponse.names)
    func everyModel(name: String) throws {
        let trial = try #require(DoseTrial.shared)
        let entry = try Self.registry.entry(named: name)
        let data = trial.data(for: entry)
        let fit = try entry.make(SurvivalModelSettings()).fit(data)
        #expect(fit.isConverged, "\(name): \(fit.warningMessages)")
        let k = fit.parameterEstimates.count
        #expect(fit.parameterNames.count == k)
        #expect(fit.variance.rows == k && fit.variance.columns == k)
        let robust = try #require(fit.robustVariance, "clustered data give a robust variance")
        #expect(robust.rows == k)
        #expect(fit.clusterCount == Set(trial.cluster).count)
        #expect(fit.n == trial.time.count && fit.events == trial.event.filter { $0 }.count)
        #expect(fit.parameterEstimates.allSatisfy(\.isFinite) && fit.logLikelihood.isFinite)
        // R's conventions: AIC = −2ℓ + 2k; BIC with the number of events for Cox, of rows otherwise.
        let p = Double(fit.parameterCount)
        #expect(abs(fit.aic - (-2 * fit.logLikelihood + 2 * p)) <= 1e-12 * abs(fit.aic))
        let m = Double(name == "cox" ? fit.events : fit.n)
        #expect(abs(fit.bic - (-2 * fit.logLikelihood + log(m) * p)) <= 1e-12 * abs(fit.bic))
        if let reference = fit.referenceLogLikelihood, let lr = fit.tests.first(where: { $0.kind == .likelihoodRatio }) {
            #expect(abs(lr.statistic - 2 * (fit.logLikelihood - reference)) <= 1e-9 * max(1, lr.statistic))
        }

        #expect(fit.predictionCapabilities == entry.capabilities.predictions)
        let request = PredictionRequest(times: [3, 7, 14], probabilities: [0.25, 0.5], tau: 14)
        let predictions = try fit.predict(trial.profile(for: entry), request: request, data: data)
        let prediction = try #require(predictions.first)
        #expect(predictions.count == 1)
        #expect(prediction.survival.map(\.time) == [3, 7, 14])
        for point in prediction.survival {
            #expect(0 <= point.lower && point.lower <= point.estimate && point.estimate <= point.upper && point.upper <= 1,
                    "\(name) S(\(point.time)) = \(point.estimate) [\(point.lower), \(point.upper)]")
        }
        #expect(zip(prediction.survival, prediction.survival.dropFirst()).allSatisfy { $0.estimate >= $1.estimate })
        let quartile = try #require(prediction.quantiles.first?.estimate)
        let median = try #require(prediction.median?.estimate)
        #expect(0 < quartile && quartile <= median)
        let rmst = try #require(prediction.restrictedMean)
        #expect(0 < rmst.estimate && rmst.estimate <= 14 && rmst.lower <= rmst.estimate && rmst.estimate <= rmst.upper)
    }

    @Test("the protocol path gives the model-specific results unchanged")
    func sameAsConcreteTypes() throws {
        let trial = try #require(DoseTrial.shared)
        let cox = try Self.registry.entry(named: "cox")
        let coxData = trial.data(for: cox)
        let viaRegistry = try #require(try cox.make(SurvivalModelSettings()).fit(coxData) as? CoxPHFit)
        let direct = try CoxPH().fit(x: coxData.x, time: coxData.time, event: coxData.event, cluster: coxData.cluster,
                                     termNames: coxData.termNames)
        #expect(viaRegistry == direct)
        // Cox AIC and BIC as `relief fit cox` has always computed them (R's AIC/BIC of coxph).
        let p = Double(direct.coefficients.filter(\.isFinite).count)
        #expect(direct.aic == -2 * direct.logLikelihood + 2 * p)
        #expect(direct.bic == -2 * direct.logLikelihood + log(Double(direct.events)) * p)
        #expect(direct.tests.map(\.kind) == [.likelihoodRatio, .wald, .score, .robustScore])

        // Cox curves through the protocol are the baseline hazard's.
        let profiles = trial.profile(for: cox)
        let request = PredictionRequest(times: [7], probabilities: [0.5], tau: 14)
        let common = try direct.predict(profiles, request: request, data: coxData)
        let baseline = try direct.baselineHazard(x: coxData.x, time: coxData.time, event: coxData.event)
        let curve = try baseline.predict(profile: profiles.row(0), times: [7], tau: 14)
        #expect(common.first?.survival.first?.estimate == curve.survivalAtTimes.first?.estimate)
        #expect(common.first?.median == curve.median)
        #expect(common.first?.restrictedMean?.estimate == curve.restrictedMean?.estimate)

        // The exponential entry is ParametricAFT with the exponential record; `aft` with `all` ranks the four.
        let weibullData = trial.data(for: try Self.registry.entry(named: "weibull"))
        let exponential = try #require(try Self.registry.model(named: "exponential").fit(weibullData) as? AFTFit)
        #expect(exponential.distribution == .exponential)
        #expect(exponential.parameterNames == ["(Intercept)", "dose_mg_kg", "interval_days", "baseline_pain"])
        let all = try #require(try Self.registry.model(named: "aft", settings: SurvivalModelSettings(distribution: "all"))
            .fit(weibullData) as? AFTComparisonFit)
        #expect(all.ranked.count == 4)
        #expect(all.best.aic == all.ranked.map(\.aic).min())
        let single = try ParametricAFT(distribution: all.best.distribution).fit(weibullData)
        #expect(all.best.parameters == single.parameters)
        let aftPrediction = try single.predict(profiles: trial.profile(for: try Self.registry.entry(named: "weibull")).x,
                                               times: [7], tau: 14)
        let commonAFT = try single.predict(trial.profile(for: try Self.registry.entry(named: "weibull")),
                                           request: PredictionRequest(times: [7], tau: 14, confidenceLevel: 0.95),
                                           data: weibullData)
        #expect(commonAFT.first?.survival.first?.estimate == aftPrediction.first?.survival.first?.estimate)
        #expect(commonAFT.first?.restrictedMean?.standardError == aftPrediction.first?.restrictedMean?.standardError)

        // Emax: the registry model is EmaxAFT; its RMST prediction is the coverage model's quantity.
        let emaxEntry = try Self.registry.entry(named: "emax")
        let emaxData = trial.data(for: emaxEntry)
        let emax = try #require(try emaxEntry.make(SurvivalModelSettings()).fit(emaxData) as? EmaxAFTFit)
        let again = try EmaxAFT(curve: .emax).fit(dose: trial.dose, x: trial.covariates, time: trial.time,
                                                  event: trial.event, cluster: trial.cluster,
                                                  termNames: ["interval_days", "baseline_pain"])
        #expect(emax.theta == again.theta && emax.logLikelihood == again.logLikelihood)
        #expect(abs(emax.timeScaleLogLikelihood - emax.logLikelihood
            + trial.time.indices.filter { trial.event[$0] }.reduce(0) { $0 + log(trial.time[$1]) }) < 1e-8)
        let rmst = try emax.predictRestrictedMean(dose: 0.5, covariates: [14, 6], tau: 14)
        let viaProtocol = try emax.predict(trial.profile(for: emaxEntry), request: PredictionRequest(tau: 14), data: emaxData)
        #expect(viaProtocol.first?.restrictedMean?.estimate == rmst.estimate)
    }

    @Test("a model refuses a row role its entry does not allow, and requires the ones it needs")
    func roles() throws {
        let trial = try #require(DoseTrial.shared)
        var weibull = trial.data(for: try Self.registry.entry(named: "weibull"))
        weibull.strata = [Int](repeating: 0, count: weibull.rows)
        #expect(throws: StatModelError.self) { _ = try ParametricAFT().fit(weibull) }
        var cox = trial.data(for: try Self.registry.entry(named: "cox"))
        cox.dose = trial.dose
        #expect(throws: StatModelError.self) { _ = try CoxPH().fit(cox) }
        var emax = trial.data(for: try Self.registry.entry(named: "emax"))
        emax.dose = nil
        #expect(throws: StatModelError.self) { _ = try EmaxAFT().fit(emax) }
    }

    @Test("every registered model, seen as a relief-coverage model, gives coverages in (0, 1]",
          arguments: SurvivalModelRegistry.withDoseResponse.names)
    func schedule(name: String) throws {
        let trial = try #require(DoseTrial.shared)
        let entry = try Self.registry.entry(named: name)
        let n = trial.time.count
        let dataset = SurvivalDataset(
            source: SourceInfo(file: "memory", sha256: "", byteCount: 0, rowsRead: n, delimiter: ","),
            time: trial.time, event: trial.event,
            covariates: [
                CovariateColumn(name: "dose_mg_kg", columnNumber: 1, values: .numeric(trial.dose)),
                CovariateColumn(name: "interval_days", columnNumber: 2, values: .numeric((0..<n).map { trial.covariates[$0, 0] })),
            ])
        let formula = try Formula(entry.requirements.needsDose ? "interval_days" : "dose_mg_kg + interval_days")
        let design = try DesignMatrixBuilder(intercept: entry.requirements.intercept).build(formula, data: dataset)
        let data = RegressionData(design: design, time: trial.time, event: trial.event,
                                  dose: entry.requirements.needsDose ? trial.dose : nil)
        let fit = try entry.make(SurvivalModelSettings()).fit(data)
        // Every registered model predicts restricted means, so each can be seen as a coverage model; the
        // registry's `drivesCoverageSchedule` is the policy `relief schedule` applies on top (not Cox).
        #expect(fit.predictionCapabilities.contains(.restrictedMean))
        let model = try RegressionCoverageModel(
            fit: fit, coding: design.coding, doseColumn: "dose_mg_kg", intervalColumn: "interval_days", fixed: [],
            data: data)
        let result = try MaintenanceSchedule(doses: [0.25, 1], intervals: [7, 14], target: 0.8).compute(model)
        #expect(result.cells.count == 4)
        #expect(result.cells.allSatisfy { $0.coverage > 0 && $0.coverage <= 1 })
    }
}
