import Foundation
import Simulation
import Testing

/// Splits the simulator's CSV output (no quoted fields with the default labels) into records.
private func parseCSV(_ bytes: [UInt8]) -> (header: [String], rows: [[String]]) {
    let text = String(decoding: bytes, as: UTF8.self)
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    #expect(lines.last == "", "the file ends with a newline")
    lines.removeLast()
    let header = lines.first.map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) } ?? []
    let rows = lines.dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
    return (header, rows)
}

private func decimals(_ field: String) -> Int {
    guard let dot = field.firstIndex(of: ".") else { return 0 }
    return field.distance(from: dot, to: field.endIndex) - 1
}

private func median(_ values: [Double]) -> Double {
    TrialSimulation.median(values) ?? .nan
}

@Suite("TrialSimulation")
struct SimulationTests {
    /// One large trial shared by the distribution tests: 20,000 patients (about 80,000 episodes).
    static let large: SimulatedTrial? = {
        var spec = TrialSimulation()
        spec.size = .patients(20_000)
        return try? spec.simulate(seed: 20_261_125)
    }()

    @Test func sameSeedSameTrialDifferentSeedDifferentTrial() throws {
        let spec = TrialSimulation()
        let a = try spec.simulate(seed: 7)
        let b = try spec.simulate(seed: 7)
        let c = try spec.simulate(seed: 8)
        #expect(a.csvBytes() == b.csvBytes())
        #expect(a.truth == b.truth)
        #expect(a.latentReliefDays == b.latentReliefDays)
        #expect(a.csvBytes() != c.csvBytes())
        #expect(a.truth.seed == 7 && c.truth.seed == 8)
    }

    /// Pins the random stream: if this changes, the data for every published seed changes, and
    /// `TrialSimulation.generatorVersion` must be bumped (values from glibc's libm).
    @Test func firstRecordsArePinned() throws {
        let trial = try TrialSimulation().simulate(seed: 7)
        #expect(trial.rowCount == 1533)
        #expect(trial.truth.realised.nPatients == 400)
        #expect(trial.record(0) == [
            "P0000001", "S09", "other", "intranasal", "high", "0.977", "17", "1", "5.6", "physical_therapy", "11.34", "1",
        ])
        #expect(trial.record(3) == [
            "P0000002", "S10", "fibromyalgia", "IV", "low", "0.486", "16", "1", "10.0", "physical_therapy", "7.71", "0",
        ])
        #expect(trial.record(-1) == nil && trial.record(trial.rowCount) == nil)
    }

    @Test func defaultCoefficientsAreThoseOfGenTrial() {
        let spec = TrialSimulation()
        #expect(abs(spec.coefficients.doseMgKg - log(1.5) / 0.5) < 1e-15)
        #expect(spec.coefficients.intercept == 3.03 && spec.weibullSigma == 0.70 && spec.frailtySD == 0.35)
        #expect(spec.censoring.dropoutMeanDays == 120 && spec.censoring.administrativeEndDays == 180)
    }

    /// gen_trial.py's world: 20-30% censored (28.6% measured on 400,000 rows of gen_trial.py itself),
    /// latent median 14 days ± 1 (gen_trial.py: 14.05), high/low latent median ratio 1.5 ± 0.1.
    @Test func largeTrialMatchesTheStatedWorld() throws {
        let trial = try #require(Self.large)
        let realised = trial.truth.realised
        #expect(realised.nPatients == 20_000)
        #expect(realised.nRows == trial.rowCount)
        // 1 + Poisson(3) episodes: mean 4 per patient, SE √3/√20000 ≈ 0.012.
        #expect(abs(Double(realised.nRows) / 20_000 - 4) < 0.06)
        #expect(realised.censoredFraction >= 0.20 && realised.censoredFraction <= 0.30, "\(realised.censoredFraction)")
        let causes = realised.censoredFractionByCause.values.reduce(0, +)
        #expect(abs(causes - realised.censoredFraction) < 1e-12)
        #expect(abs(realised.medianLatentReliefDays - 14) < 1.0, "\(realised.medianLatentReliefDays)")
        #expect(abs(median(trial.latentReliefDays) - realised.medianLatentReliefDays) < 1e-12)
        let low = try #require(realised.medianLatentReliefDaysByDoseGroup["low"])
        let high = try #require(realised.medianLatentReliefDaysByDoseGroup["high"])
        #expect(high > low)
        #expect(abs(high / low - 1.5) < 0.1, "ratio \(high / low)")
        // The observed (censored) times still order the arms the same way.
        let observedLow = median(trial.reliefDays.indices.filter { trial.doseArm[$0] == 0 }.map { trial.reliefDays[$0] })
        let observedHigh = median(trial.reliefDays.indices.filter { trial.doseArm[$0] == 1 }.map { trial.reliefDays[$0] })
        #expect(observedHigh > observedLow)
        #expect(realised.events == trial.reliefEnded.filter { $0 }.count)
    }

    @Test func covariatesShiftReliefInTheStatedDirections() throws {
        let trial = try #require(Self.large)
        let spec = trial.specification
        func latentMedian(_ keep: (Int) -> Bool) -> Double {
            median(trial.latentReliefDays.indices.filter(keep).map { trial.latentReliefDays[$0] })
        }
        let crps = try #require(spec.condition.levels.firstIndex(of: "CRPS"))
        let other = try #require(spec.condition.levels.firstIndex(of: "other"))
        #expect(latentMedian { trial.condition[$0] == crps } < latentMedian { trial.condition[$0] == other })
        let none = try #require(spec.cotherapy.levels.firstIndex(of: "none"))
        let physio = try #require(spec.cotherapy.levels.firstIndex(of: "physical_therapy"))
        let counseling = try #require(spec.cotherapy.levels.firstIndex(of: "counseling"))
        let noneMedian = latentMedian { trial.cotherapy[$0] == none }
        #expect(latentMedian { trial.cotherapy[$0] == physio } > noneMedian)
        #expect(latentMedian { trial.cotherapy[$0] == counseling } > noneMedian)
        #expect(latentMedian { trial.baselinePain[$0] >= 7.5 } < latentMedian { trial.baselinePain[$0] <= 5.5 })
    }

    @Test func columnsAndValueRangesAreValid() throws {
        var spec = TrialSimulation()
        spec.size = .patients(2_000)
        let trial = try spec.simulate(seed: 99)
        let (header, rows) = parseCSV(trial.csvBytes())
        #expect(header == [
            "patient_id", "site", "condition", "route", "dose_group", "dose_mg_kg", "interval_days",
            "infusion_number", "baseline_pain", "cotherapy", "relief_days", "relief_ended",
        ])
        #expect(header == SimulatedTrial.columnNames)
        #expect(rows.count == trial.rowCount)
        var previous: [String]?
        for (i, row) in rows.enumerated() {
            try #require(row.count == 12, "row \(i) has \(row.count) fields")
            #expect(row == trial.record(i))
            #expect(row[0].count == 8 && row[0].hasPrefix("P") && row[1].count == 3 && row[1].hasPrefix("S"))
            #expect(["CRPS", "neuropathic", "fibromyalgia", "other"].contains(row[2]))
            #expect(["IV", "intranasal"].contains(row[3]))
            #expect(["low", "high"].contains(row[4]))
            let dose = try #require(Double(row[5]))
            #expect(dose > 0.2 && dose < 2 && decimals(row[5]) == 3)
            let interval = try #require(Int(row[6]))
            #expect((7...90).contains(interval))
            let infusion = try #require(Int(row[7]))
            let pain = try #require(Double(row[8]))
            #expect(pain >= 0 && pain <= 10 && decimals(row[8]) == 1)
            #expect(["none", "physical_therapy", "counseling"].contains(row[9]))
            let relief = try #require(Double(row[10]))
            #expect(relief >= 0.01 && relief <= 180 && decimals(row[10]) == 2)
            #expect(row[11] == "1" || row[11] == "0")
            if let previous, previous[0] == row[0] {
                // Same patient: consecutive infusions, fixed site/condition/route/arm, and the previous
                // episode was censored at the next infusion at the latest.
                #expect(infusion == Int(previous[7]).map { $0 + 1 })
                #expect(previous[1...4] == row[1...4])
                let previousRelief = try #require(Double(previous[10]))
                let previousInterval = try #require(Double(previous[6]))
                #expect(previousRelief <= previousInterval + 0.005)
            } else {
                #expect(infusion == 1)
            }
            // Ended rows show the latent time (rounded); censored rows are before it.
            if row[11] == "1" {
                #expect(abs(relief - max(trial.latentReliefDays[i], 0.01)) <= 0.005 + 1e-9)
            } else {
                #expect(relief <= trial.latentReliefDays[i] + 0.005 + 1e-9)
            }
            previous = row
        }
        let patients = Set(trial.patientNumber)
        #expect(patients.count == 2_000 && trial.truth.realised.nPatients == 2_000)
    }

    @Test(arguments: [1, 2, 7, 1_000, 4_321])
    func rowsGivesExactlyThatManyRows(rows: Int) throws {
        var spec = TrialSimulation()
        spec.size = .rows(rows)
        let trial = try spec.simulate(seed: 3)
        #expect(trial.rowCount == rows)
        #expect(trial.truth.realised.nRows == rows)
        #expect(trial.truth.realised.nPatients == Set(trial.patientNumber).count)
        #expect(trial.truth.sizeRequested == "rows" && trial.truth.sizeRequestedCount == rows)
        #expect(parseCSV(trial.csvBytes()).rows.count == rows)
    }

    @Test func truthJSONRoundTrips() throws {
        let trial = try TrialSimulation().simulate(seed: 11)
        let data = try trial.truth.jsonData()
        let decoded = try SimulationTruth(jsonData: data)
        #expect(decoded == trial.truth)
        let text = String(decoding: data, as: UTF8.self)
        for key in [
            "\"coefficients_log_time_ratio\"", "\"weibull_sigma\"", "\"weibull_shape\"", "\"sd_log_time\"",
            "\"dropout_exponential_mean_days\"", "\"administrative_end_days\"", "\"seed\" : 11",
            "\"censored_fraction\"", "\"median_latent_relief_days_by_dose_group\"", "\"n_patients\" : 400",
            "\"n_rows\"", "\"generator_version\" : 1", "\"condition=CRPS\" : -0.35",
        ] {
            #expect(text.contains(key), "missing \(key)")
        }
        #expect(!text.lowercased().contains("nan") && !text.contains("inf\""))
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let shape = try #require(object["weibull_shape"] as? Double)
        #expect(abs(shape - 1 / 0.7) < 1e-12)
        #expect(throws: SimulationError.self) { try SimulationTruth(jsonData: Data("{\"seed\": 1}".utf8)) }
        // The largest seed survives the JSON round trip exactly.
        var small = TrialSimulation()
        small.size = .rows(10)
        let extreme = try small.simulate(seed: UInt64.max).truth
        #expect(try SimulationTruth(jsonData: extreme.jsonData()).seed == UInt64.max)
    }

    @Test func censoringSettingsChangeTheCensoredFraction() throws {
        var spec = TrialSimulation()
        spec.size = .patients(3_000)
        let base = try spec.simulate(seed: 5).truth.realised
        spec.censoring.atNextInfusion = false
        spec.censoring.dropoutMeanDays = nil
        let onlyAdministrative = try spec.simulate(seed: 5)
        let realised = onlyAdministrative.truth.realised
        #expect(realised.censoredFractionByCause["next_infusion"] == 0)
        #expect(realised.censoredFractionByCause["dropout"] == 0)
        #expect(realised.censoredFraction < base.censoredFraction)
        // Only rows whose latent time passes day 180 are censored, at exactly 180.
        for i in 0..<onlyAdministrative.rowCount where !onlyAdministrative.reliefEnded[i] {
            #expect(onlyAdministrative.reliefDays[i] == 180 && onlyAdministrative.latentReliefDays[i] > 180)
        }
        #expect(onlyAdministrative.truth.censoring.dropoutExponentialMeanDays == nil)
        #expect(onlyAdministrative.truth.censoring.nextInfusionAtIntervalDays == "none")
    }

    @Test func labelsNeedingQuotesAreQuoted() throws {
        var spec = TrialSimulation()
        spec.size = .rows(200)
        spec.cotherapy.levels = ["none", "physio, group", "counsel \"CBT\""]
        let trial = try spec.simulate(seed: 2)
        let text = String(decoding: trial.csvBytes(), as: UTF8.self)
        #expect(text.contains(",\"physio, group\","))
        #expect(text.contains(",\"counsel \"\"CBT\"\"\","))
        #expect(trial.record(0)?.count == 12)
    }

    @Test func invalidSettingsThrowBeforeDrawing() {
        func expectInvalid(_ parameter: String, _ change: (inout TrialSimulation) -> Void) {
            var spec = TrialSimulation()
            change(&spec)
            #expect(throws: SimulationError.self, "\(parameter)") { try spec.simulate(seed: 1) }
            do {
                try spec.validate()
            } catch {
                #expect(error.parameter.hasPrefix(parameter), "\(error)")
            }
        }
        expectInvalid("size.patients") { $0.size = .patients(0) }
        expectInvalid("size.rows") { $0.size = .rows(-3) }
        expectInvalid("size.rows") { $0.size = .rows(TrialSimulation.maximumRows + 1) }
        expectInvalid("weibullSigma") { $0.weibullSigma = 0 }
        expectInvalid("frailtySD") { $0.frailtySD = -.infinity }
        expectInvalid("condition") { $0.condition.probabilities = [1, 2] }
        expectInvalid("condition.referenceLevel") { $0.condition.referenceLevel = "nope" }
        expectInvalid("cotherapy.logTimeEffects") { $0.cotherapy.logTimeEffects = [0.1, 0.15, 0.1] }
        expectInvalid("route.levels") { $0.route.levels = ["IV", "IV"] }
        expectInvalid("doseArms") { $0.doseArms = [] }
        expectInvalid("doseArms[low].doseMgKg") { $0.doseArms[0].doseMgKg = 0 }
        expectInvalid("censoring.dropoutMeanDays") { $0.censoring.dropoutMeanDays = 0 }
        expectInvalid("censoring.administrativeEndDays") { $0.censoring.administrativeEndDays = .nan }
        expectInvalid("interval.lowerDays") { $0.interval.lowerDays = 100 }
        let error = SimulationError(parameter: "size.patients", message: "must be in 1...9, got 0", hint: "give more")
        #expect(error.description == "simulation setting 'size.patients': must be in 1...9, got 0. give more")
    }

    @Test func numberFormattingIsExact() {
        func fixed(_ x: Double, _ d: Int) -> String {
            var out: [UInt8] = []
            SimulatedTrial.appendFixed(x, decimals: d, to: &out)
            return String(decoding: out, as: UTF8.self)
        }
        func integer(_ x: Int, _ width: Int) -> String {
            var out: [UInt8] = []
            SimulatedTrial.appendInteger(x, minimumDigits: width, to: &out)
            return String(decoding: out, as: UTF8.self)
        }
        #expect(fixed(12.5, 2) == "12.50")
        #expect(fixed(0.01, 2) == "0.01")
        #expect(fixed(180, 2) == "180.00")
        #expect(fixed(0.5, 3) == "0.500")
        #expect(fixed(1.0005, 3) == "1.000" || fixed(1.0005, 3) == "1.001")
        #expect(fixed(-2.25, 1) == "-2.2")
        #expect(fixed(7, 0) == "7")
        #expect(fixed(.infinity, 2) == "inf")
        #expect(integer(5, 7) == "0000005")
        #expect(integer(12_345_678, 7) == "12345678")
        #expect(integer(0, 1) == "0")
        #expect(integer(-42, 1) == "-42")
        #expect(integer(Int.min, 1) == "-9223372036854775808")
    }
}
