import Foundation

extension TrialSimulation {
    /// The truth of a finished simulation: the settings plus realised summaries.
    package func makeTruth(seed: UInt64, patients: Int, columns: Columns, censoredByCause: [Int]) -> SimulationTruth {
        let rows = columns.count
        let events = columns.reliefEnded.reduce(0) { $0 + ($1 ? 1 : 0) }
        let denominator = Double(Swift.max(rows, 1))
        var byGroup: [String: Double] = [:]
        let doseArms = effectiveDoseArms
        for (index, arm) in doseArms.enumerated() {
            var latent: [Double] = []
            for row in 0..<rows where columns.doseArm[row] == index { latent.append(columns.latent[row]) }
            if let median = Self.median(latent) { byGroup[arm.name] = median }
        }
        let causes = ["next_infusion", "dropout", "administrative_end"]
        var byCause: [String: Double] = [:]
        for (name, count) in zip(causes, censoredByCause) { byCause[name] = Double(count) / denominator }
        let realised = SimulationTruth.Realised(
            nPatients: patients, nRows: rows, events: events,
            censoredFraction: Double(rows - events) / denominator, censoredFractionByCause: byCause,
            medianLatentReliefDays: Self.median(columns.latent) ?? 0,
            medianLatentReliefDaysByDoseGroup: byGroup)

        var coefficientsTable: [String: Double] = [
            "(Intercept)": coefficients.intercept, "dose_mg_kg": coefficients.doseMgKg,
            "interval_days": coefficients.intervalDays, "baseline_pain": coefficients.baselinePain,
        ]
        for (name, factor) in factors {
            for (level, effect) in zip(factor.levels, factor.logTimeEffects) where level != factor.referenceLevel {
                coefficientsTable["\(name)=\(level)"] = effect
            }
        }
        if emaxDoseResponse != nil {
            // The Emax curve replaces the intercept and the linear dose term.
            coefficientsTable["(Intercept)"] = nil
            coefficientsTable["dose_mg_kg"] = nil
        }
        var coxTable: [String: Double] = [:]
        for (name, value) in coefficientsTable where name != "(Intercept)" {
            coxTable[name] = value == 0 ? 0 : -value / weibullSigma
        }
        var references = ["dose_group": doseArms.first?.name ?? ""]
        for (name, factor) in factors { references[name] = factor.referenceLevel }

        let armTotal = doseArms.reduce(0) { $0 + $1.probability }
        let arms = doseArms.map {
            SimulationTruth.Arm(doseGroup: $0.name, doseMgKg: $0.doseMgKg, probability: $0.probability / armTotal)
        }
        var design: [String: Double] = [
            "extra_episodes_poisson_mean": extraEpisodesMean, "site_count": Double(siteCount),
            "site_dirichlet_concentration": siteConcentration, "dose_log_sd": emaxDoseResponse == nil ? doseLogSD : 0,
            "interval_minimum_days": interval.minimumDays, "interval_gamma_shape": interval.gammaShape,
            "interval_gamma_scale_days": interval.gammaScale, "interval_episode_sd_days": interval.episodeSD,
            "interval_lower_days": Double(interval.lowerDays), "interval_upper_days": Double(interval.upperDays),
            "pain_mean": pain.mean, "pain_patient_sd": pain.patientSD, "pain_episode_sd": pain.episodeSD,
        ]
        for (level, shift) in pain.shiftByCondition { design["pain_shift:condition=\(level)"] = shift }
        for (name, factor) in factors {
            let total = factor.probabilities.reduce(0, +)
            for (level, p) in zip(factor.levels, factor.probabilities) {
                design["probability:\(name)=\(level)"] = p / total
            }
        }
        let sizeName: String
        let sizeCount: Int
        switch size {
        case .patients(let n): (sizeName, sizeCount) = ("patients", n)
        case .rows(let n): (sizeName, sizeCount) = ("rows", n)
        }
        var model = "weibull_aft_with_patient_lognormal_frailty"
        var timeScale = "log(relief_days) = linear predictor + u_patient + sigma*W, W ~ standard minimum extreme value"
        var emaxTruth: SimulationTruth.EmaxDoseResponse?
        if let emax = emaxDoseResponse {
            model = "weibull_aft_emax_dose_with_patient_lognormal_frailty"
            timeScale = "log(relief_days) = log(E0 + Emax*d/(ED50 + d)) + linear predictor without intercept and "
                + "dose + u_patient + sigma*W, W ~ standard minimum extreme value, d = dose_mg_kg"
            emaxTruth = SimulationTruth.EmaxDoseResponse(
                equation: "log T = log(\(emax.e0) + \(emax.emax)*d/(\(emax.ed50) + d)) + \(coefficients.intervalDays)*interval_days "
                    + "+ \(coefficients.baselinePain)*baseline_pain + condition + cotherapy + route + u_patient + \(weibullSigma)*W",
                e0Days: emax.e0, emaxDays: emax.emax, ed50MgKg: emax.ed50, hill: 1,
                doseLevelsMgKg: doseArms.map(\.doseMgKg),
                referenceProfile: "interval_days = 0, baseline_pain = 0, condition = \(condition.referenceLevel), "
                    + "cotherapy = \(cotherapy.referenceLevel), route = \(route.referenceLevel), u_patient = 0",
                medianOverCurve: exp(weibullSigma * log(log(2.0))),
                curveAtLevelsDays: doseArms.map { emax.curve($0.doseMgKg) })
        }
        return SimulationTruth(
            generator: "relief simulate", generatorVersion: Self.generatorVersion, seed: seed,
            sizeRequested: sizeName, sizeRequestedCount: sizeCount,
            model: model, timeScale: timeScale,
            coefficientsLogTimeRatio: coefficientsTable, referenceLevels: references,
            weibullSigma: weibullSigma, weibullShape: 1 / weibullSigma,
            frailty: .init(cluster: "patient_id", distribution: "lognormal", sdLogTime: frailtySD),
            conditionalCoxLogHazardRatio: coxTable,
            censoring: .init(
                nextInfusionAtIntervalDays: censoring.atNextInfusion ? "all but each patient's last episode" : "none",
                dropoutExponentialMeanDays: censoring.dropoutMeanDays,
                administrativeEndDays: censoring.administrativeEndDays),
            doseArms: arms, design: design,
            rounding: ["relief_days": 2, "dose_mg_kg": 3, "baseline_pain": 1, "min_relief_days": 0.01],
            realised: realised, emaxDoseResponse: emaxTruth)
    }

    /// The three factors with their column names.
    package var factors: [(String, Factor)] { [("condition", condition), ("cotherapy", cotherapy), ("route", route)] }

    /// The sample median (mean of the two middle values for an even count); `nil` when empty.
    package static func median(_ values: [Double]) -> Double? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        let mid = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
    }
}
