import DataIO
import DoseResponse
import Foundation
import Regression
import Survival

extension ReportRequest {
    /// The baseline table by the first comparison column.
    func baselineTable(_ dataset: SurvivalDataset, plan: ReportPlan, warnings: inout [String]) -> ReportAvailability<BaselineTable> {
        guard !plan.baselineColumns.isEmpty else {
            return .unavailable("no baseline columns in the file (give them with --baseline)")
        }
        let id = source.roles.id ?? ""
        let spec = BaselineCharacteristics(
            variables: plan.baselineColumns, maximumLevels: includesIdentifiers ? 50 : 12, idColumn: id.isEmpty ? nil : id)
        do {
            return .available(try spec.fit(dataset, by: dataset.groupings.first))
        } catch {
            warnings.append("baseline table not available: \(error)")
            return .unavailable("\(error)")
        }
    }

    /// The model specification of the report's fits.
    func specification(formula: String, cluster: String?, references: [String: String] = [:]) -> ModelSpecification {
        var specification = ModelSpecification(
            formula: formula, cluster: cluster, referenceLevels: references, confidenceLevel: summary.km.confidenceLevel)
        // Per-term Wald tests (SAS PHREG's "Type 3 tests" default): no refit per term, so the report's cost
        // does not grow with the number of terms; `relief fit` adds the likelihood-ratio column.
        specification.termTests = .wald
        return specification
    }

    /// The reference level of the dose-group column: the level with the lowest mean dose, so ratios read
    /// "higher dose vs lower dose" (R's default would be the first level in byte order).
    func doseGroupReference(_ dataset: SurvivalDataset) -> (column: String, level: String)? {
        guard let grouping = dataset.groupings.first, !grouping.isBanded,
            dataset.covariate(named: grouping.column)?.isNumeric == false,
            let doses = dataset.covariate(named: doseColumn)?.numericValues, doses.count == grouping.codes.count
        else { return nil }
        var sums = [Double](repeating: 0, count: grouping.levels.count)
        var counts = [Int](repeating: 0, count: grouping.levels.count)
        for (row, code) in grouping.codes.enumerated() where sums.indices.contains(code) {
            sums[code] += doses[row]
            counts[code] += 1
        }
        let means = sums.indices.compactMap { index in counts[index] > 0 ? (index, sums[index] / Double(counts[index])) : nil }
        guard let lowest = means.min(by: { $0.1 < $1.1 }) else { return nil }
        return (grouping.column, grouping.levels[lowest.0])
    }

    /// The adjusted regression of the report.
    func regression(_ dataset: SurvivalDataset, plan: ReportPlan, warnings: inout [String]) -> ReportAvailability<RegressionResult> {
        guard let formula = plan.formula else {
            return .unavailable("no covariates to adjust for (give --formula)")
        }
        do {
            var references: [String: String] = [:]
            if plan.formulaIsDefault, let reference = doseGroupReference(dataset) { references[reference.column] = reference.level }
            let fitter = try RegressionFitter(
                model: model, specification: specification(formula: formula, cluster: plan.cluster, references: references))
            let (result, _) = try fitter.fit(dataset)
            warnings += result.warnings.map { "regression: \($0)" }
            return .available(result)
        } catch {
            let reason = Self.describe(error)
            warnings.append("the adjusted regression is not available: \(reason)")
            return .unavailable(reason)
        }
    }

    /// The two-stage dose-response analysis on the dose levels (KM median per level, GLS fit).
    func doseResponse(_ dataset: SurvivalDataset, plan: ReportPlan, warnings: inout [String]) -> ReportAvailability<DoseResponseReport> {
        guard plan.hasDose else { return .unavailable("no '\(doseColumn)' column (name the dose column with --dose)") }
        guard let raw = dataset.covariate(named: doseColumn)?.numericValues else {
            return .unavailable("'\(doseColumn)' holds text; the dose-response curve needs numeric doses")
        }
        let doses = raw.map { value in doseStep.map { step in (value / step).rounded() * step } ?? value }
        let distinct = Set(doses).count
        if distinct < 3 {
            return .unavailable(
                "'\(doseColumn)' has \(distinct) distinct level(s); a dose-response curve needs 3 or more")
        }
        if distinct > 20 {
            return .unavailable(
                "'\(doseColumn)' looks continuous (\(distinct) distinct values); group the doses into levels with --dose-step, e.g. --dose-step 0.25")
        }
        do {
            var kaplanMeier = KaplanMeier()
            kaplanMeier.confidenceLevel = summary.km.confidenceLevel
            let points = try DoseLevelSummarizer(summary: .median, kaplanMeier: kaplanMeier)
                .summarize(dose: doses, time: dataset.time, event: dataset.event, start: dataset.start)
            guard points.doses.count >= 3 else {
                let dropped = points.dropped.prefix(3).joined(separator: "; ")
                return .unavailable(
                    "only \(points.doses.count) dose level(s) have a reached median with both confidence limits" + (dropped.isEmpty ? "" : " (\(dropped))"))
            }
            let result = try DoseResponseFit(models: DoseModel.allCases, confidenceLevel: summary.km.confidenceLevel).fit(points: points)
            let (_, label) = DoseResponseRequest.label(.median, words: source.wording)
            let report = DoseResponseReport(
                doseColumn: doseColumn, responseLabel: label, summaryName: "median", doseStep: doseStep, points: points,
                result: result)
            warnings += result.warnings.map { "dose-response: \($0)" }
            return .available(report)
        } catch {
            let reason = "\(error)"
            warnings.append("the dose-response curve is not available: \(reason)")
            return .unavailable(reason)
        }
    }

    /// The relief-coverage table by dose and interval from a parametric AFT model of dose and interval.
    func coverage(_ dataset: SurvivalDataset, plan: ReportPlan, warnings: inout [String]) -> ReportAvailability<ScheduleReport> {
        guard let formulaText = plan.coverageFormula else {
            return .unavailable("needs both a numeric dose column ('\(doseColumn)') and an interval column ('\(intervalColumn)')")
        }
        let name = model.entry.capabilities.drivesCoverageSchedule ? model : .weibull
        do {
            let fitter = try RegressionFitter(model: name, specification: specification(formula: formulaText, cluster: plan.cluster))
            let fitted = try fitter.fitModel(dataset)
            let regression = fitter.result(fitted.fit, design: fitted.design, dataset: dataset, data: fitted.data)
            let settings = try fixedSettings(dataset, formula: fitter.formula)
            let coverageModel = try fitter.coverageModel(
                fitted, doseColumn: doseColumn, intervalColumn: intervalColumn, fixed: settings)
            let doses = try coverageDoses(dataset)
            var spec = MaintenanceSchedule(
                doses: doses, intervals: intervals, target: target, confidenceLevel: summary.km.confidenceLevel,
                solvesContinuously: true, observedDoses: ScheduleRequest.range(dataset, column: doseColumn),
                observedIntervals: ScheduleRequest.range(dataset, column: intervalColumn))
            (spec.unitName, spec.outcomeName) = (source.wording.units, source.wording.outcome)
            let schedule = try spec.compute(
                coverageModel,
                modelAssumption: regression.estimates.scheduleAssumption(formula: formulaText, words: source.wording))
            warnings += (regression.warnings + schedule.warnings).map { "coverage: \($0)" }
            return .available(ScheduleReport(regression: regression, schedule: schedule))
        } catch {
            let reason = Self.describe(error)
            warnings.append("the coverage table is not available: \(reason)")
            return .unavailable(reason)
        }
    }

    /// Every formula column other than dose and interval held at one value: numeric columns at their
    /// median (R's `median`), text columns at their most frequent level (the first in byte order on ties).
    func fixedSettings(_ dataset: SurvivalDataset, formula: Formula) throws -> [ProfileSetting] {
        var settings: [ProfileSetting] = []
        for column in formula.variables where column != doseColumn && column != intervalColumn {
            guard let values = dataset.covariate(named: column)?.values else { continue }
            switch values {
            case .numeric(let numbers):
                guard let median = NumericSummary(summarizing: numbers).median else { continue }
                settings.append(ProfileSetting(column: column, values: [String(describing: median)]))
            case .categorical(let levels, let codes):
                var counts = [Int](repeating: 0, count: levels.count)
                for code in codes.lazy.map(Int.init) where counts.indices.contains(code) { counts[code] += 1 }
                guard let best = counts.indices.max(by: { counts[$0] < counts[$1] || (counts[$0] == counts[$1] && $0 > $1) }) else { continue }
                settings.append(ProfileSetting(column: column, values: [levels[best]]))
            }
        }
        return settings
    }

    /// The doses of the coverage table: --coverage-doses, else the dose levels (up to 8), else each
    /// dose group's median dose rounded to 2 significant digits, else the dose quartiles.
    func coverageDoses(_ dataset: SurvivalDataset) throws -> [Double] {
        if let coverageDoses { return coverageDoses }
        guard let doses = dataset.covariate(named: doseColumn)?.numericValues, !doses.isEmpty else { return [] }
        let distinct = Array(Set(doses)).sorted()
        if distinct.count <= 8 { return distinct }
        func rounded(_ value: Double) -> Double {
            guard value > 0 else { return value }
            let magnitude = pow(10, floor(log10(value)) - 1)
            return (value / magnitude).rounded() * magnitude
        }
        if let grouping = dataset.groupings.first, grouping.levels.count <= 8 {
            var byLevel = [[Double]](repeating: [], count: grouping.levels.count)
            for (row, code) in grouping.codes.enumerated() where byLevel.indices.contains(code) && doses.indices.contains(row) {
                byLevel[code].append(doses[row])
            }
            let medians = byLevel.compactMap { NumericSummary(summarizing: $0).median }.map(rounded)
            let unique = Array(Set(medians)).sorted()
            if unique.count >= 2 { return unique }
        }
        let summary = NumericSummary(summarizing: doses)
        let quartiles = [summary.lowerQuartile, summary.median, summary.upperQuartile].compactMap { $0 }.map(rounded)
        return Array(Set(quartiles)).sorted()
    }

    /// One line describing a failure (the errors' own descriptions, without the type name).
    static func describe(_ error: Error) -> String {
        switch error {
        case let error as AnalysisError: return error.message
        case let error as FormulaError: return error.summary
        case let error as CustomStringConvertible: return error.description
        default: return "\(error)"
        }
    }
}
