extension TrialSimulation {
    /// The truth of a finished simulation: the settings plus realised summaries.
    func makeTruth(seed: UInt64, patients: Int, columns: Columns, censoredByCause: [Int]) -> SimulationTruth {
        let rows = columns.count
        let events = columns.reliefEnded.reduce(0) { $0 + ($1 ? 1 : 0) }
        let denominator = Double(Swift.max(rows, 1))
        var byGroup: [String: Double] = [:]
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
            "site_dirichlet_concentration": siteConcentration, "dose_log_sd": doseLogSD,
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
        return SimulationTruth(
            generator: "relief simulate", generatorVersion: Self.generatorVersion, seed: seed,
            sizeRequested: sizeName, sizeRequestedCount: sizeCount,
            model: "weibull_aft_with_patient_lognormal_frailty",
            timeScale: "log(relief_days) = linear predictor + u_patient + sigma*W, W ~ standard minimum extreme value",
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
            realised: realised)
    }

    /// The three factors with their column names.
    var factors: [(String, Factor)] { [("condition", condition), ("cotherapy", cotherapy), ("route", route)] }

    /// The sample median (mean of the two middle values for an even count); `nil` when empty.
    static func median(_ values: [Double]) -> Double? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        let mid = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
    }
}
