import Analysis
import DataIO
import Foundation
import Regression
import ReliefTestSupport
import Survival
import Testing

/// `relief report --start` and `relief schedule --start` (issue 12): their numbers are those of the jobs
/// that already take `(start, stop]` rows, run on the same rows: the report's Kaplan–Meier summaries are
/// `SummaryRequest`'s, its regression `FitRequest`'s; the schedule's restricted means are
/// `PredictRequest`'s at each dose and interval, from the same left-truncated fit. And the entry times
/// matter: without `--start` every number moves. The data: `entry_trial.csv` (make_split_fixtures.R),
/// one row per patient, about 30% with a delayed entry.
@Suite("Report and schedule on (start, stop] rows")
struct EntryTimesReportScheduleTests {
    static let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("StatModelsTests/Reference/entry_trial.csv").path
    static let entry = DataSource(path: path, roles: ColumnRoles(start: "entry_days"))
    static let plain = DataSource(path: path)
    static let tolerance = Tolerance.relative(1e-10, floor: 1e-12)

    /// The source with `by` columns.
    static func grouped(_ source: DataSource, by: [String]) -> DataSource {
        var source = source
        source.roles.by = by
        return source
    }

    @Test("the report's Kaplan–Meier summaries and its regression are summary's and fit's on the same rows")
    func reportEqualsSummaryAndFit() throws {
        let report = try ReportRequest(source: Self.entry).run()
        #expect(report.methods.startColumn == "entry_days")
        #expect(report.methods.paragraphs().contains { $0.contains("Surv(entry_days, relief_days, relief_ended)") })
        let comparison = try #require(report.comparisons.first { $0.column == "dose_group" })
        let summary = try SummaryRequest(source: Self.grouped(Self.entry, by: ["dose_group"])).run().result
        try #require(comparison.summary.groups.count == summary.groups.count && !summary.groups.isEmpty)
        for (a, b) in zip(comparison.summary.groups, summary.groups) {
            #expect(a.n == b.n && a.events == b.events)
            Self.tolerance.expect(a.median.estimate, b.median.estimate, "median")
            Self.tolerance.expect(a.median.lower, b.median.lower, "median lower")
            Self.tolerance.expect(a.restrictedMean.estimate, b.restrictedMean.estimate, "RMST")
            for (s, t) in zip(a.survival, b.survival) { Self.tolerance.expect(s.estimate, t.estimate, "S(t)") }
            // The curve is the delayed-entry one: its first risk set leaves out the late entries.
            #expect(a.fit.atRisk.first.map { $0 < a.n } ?? false)
        }
        for (a, b) in zip(comparison.summary.tests, summary.tests) { Self.tolerance.expect(a.statistic, b.statistic, a.name) }

        let regression = try #require(report.regression.value)
        let specification = ModelSpecification(
            formula: regression.formula, cluster: regression.clusterColumn,
            referenceLevels: Dictionary(uniqueKeysWithValues: regression.referenceLevels.map { ($0.column, $0.level) }))
        let fit = try FitRequest(source: Self.entry, model: .weibull, specification: specification).run().result
        #expect(fit.termNames == regression.termNames)
        for (a, b) in zip(regression.estimates.fit.parameterEstimates, fit.estimates.fit.parameterEstimates) {
            Self.tolerance.expect(a, b, "coefficient")
        }
        Self.tolerance.expect(regression.estimates.fit.logLikelihood, fit.estimates.fit.logLikelihood, "log likelihood")
        let robust = try #require(regression.estimates.fit.robustVariance), fitRobust = try #require(fit.estimates.fit.robustVariance)
        for k in 0..<robust.rows { Self.tolerance.expect(robust[k, k], fitRobust[k, k], "robust variance") }

        // The dose-response's stage 1: per dose level (rounded to 0.1) the delayed-entry Kaplan–Meier median.
        let stepped = try ReportRequest(source: Self.entry, doseStep: 0.1).run()
        let points = try #require(stepped.doseResponse.value?.points)
        let rows = try Self.entry.read(covariates: ["dose_mg_kg"])
        let doses = try #require(rows.covariate(named: "dose_mg_kg")?.numericValues).map { ($0 / 0.1).rounded() * 0.1 }
        let start = try #require(rows.start)
        #expect(points.doses.count >= 3)
        for (level, median) in zip(points.doses, points.estimates) {
            let members = doses.indices.filter { doses[$0] == level }
            let curve = try KaplanMeier().fit(
                time: members.map { rows.time[$0] }, event: members.map { rows.event[$0] }, start: members.map { start[$0] }, weights: nil)
            Self.tolerance.expect(median, curve.median.estimate, "median at dose \(level)")
        }

        // relief dose-response --start: the same stage 1 as the report's.
        let doseResponse = try DoseResponseRequest(source: Self.entry, doseStep: 0.1).run().result
        let standalone = try #require(doseResponse.points)
        #expect(standalone.doses == points.doses)
        for (a, b) in zip(standalone.estimates, points.estimates) { Self.tolerance.expect(a, b, "dose-response stage 1") }

        // Without --start the same file reads relief_days as durations from 0: other curves, another fit.
        let ignored = try ReportRequest(source: Self.plain).run()
        let plainMedians = try #require(ignored.comparisons.first { $0.column == "dose_group" }).summary.groups.map(\.median.estimate)
        #expect(plainMedians != comparison.summary.groups.map(\.median.estimate))
        #expect(ignored.regression.value?.estimates.fit.logLikelihood != regression.estimates.fit.logLikelihood)
    }

    @Test("the schedule's restricted means are predict's at each dose and interval, from fit's left-truncated model")
    func scheduleEqualsFitAndPredict() throws {
        let specification = ModelSpecification(formula: "dose_mg_kg + interval_days + baseline_pain + condition")
        let held = ["baseline_pain=6", "condition=neuropathic"]
        let schedule = try ScheduleRequest(
            source: Self.entry, model: .weibull, specification: specification, doses: "0.5,1.0", intervals: "7,14,28", at: held
        ).run().result
        let fit = try FitRequest(source: Self.entry, model: .weibull, specification: specification).run().result
        #expect(schedule.n == fit.n && schedule.events == fit.events)
        for dose in [0.5, 1.0] {
            for interval in [7.0, 14, 28] {
                let cell = try #require(schedule.schedule.cell(dose: dose, interval: interval))
                let settings = try ProfileSetting.parse(["dose_mg_kg=\(dose)", "interval_days=\(interval)"] + held)
                let predicted = try PredictRequest(
                    source: Self.entry, model: .weibull, specification: specification, settings: settings, times: [interval], tau: interval
                ).run().result
                for (a, b) in zip(predicted.regression.estimates.fit.parameterEstimates, fit.estimates.fit.parameterEstimates) {
                    Self.tolerance.expect(a, b, "coefficient")
                }
                let mean = try #require(predicted.profiles.first?.prediction.restrictedMean)
                Self.tolerance.expect(cell.restrictedMean, mean.estimate, "RMST(\(interval)) at dose \(dose)")
                Self.tolerance.expect(cell.restrictedMeanStandardError, mean.standardError, "SE of RMST(\(interval)) at dose \(dose)")
                Self.tolerance.expect(cell.coverage, mean.estimate / interval, "coverage")
            }
        }
        let plain = try ScheduleRequest(
            source: Self.plain, model: .weibull, specification: specification, doses: "0.5,1.0", intervals: "7,14,28", at: held
        ).run().result
        #expect(plain.schedule.cells.map(\.restrictedMean) != schedule.schedule.cells.map(\.restrictedMean))
    }

    @Test("the one-step Emax model still refuses (start, stop] rows, with the reason")
    func emaxRefuses() throws {
        let request = try ScheduleRequest(
            source: Self.entry, model: .emax, specification: ModelSpecification(formula: "interval_days"), doses: "0.5,1.0",
            intervals: "7,14")
        #expect(!request.acceptsEntryTimes)
        do {
            _ = try request.run()
            Issue.record("expected a refusal")
        } catch let error as AnalysisError {
            #expect(error.kind == .usage && error.message.contains("--start entry_days") && error.message.contains("(start, stop]"))
        }
    }
}
