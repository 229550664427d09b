import Analysis
import ArgumentParser
import DataIO
import Foundation
import Regression
import Reporting
import Survival

/// The computing step of `relief report`: reads the file once and fits everything the report shows.
/// The Kaplan–Meier summaries must succeed; the baseline table, regression, dose-response and
/// coverage parts that cannot be computed become "not available" sections with the reason, and a
/// warning.
struct ReportAnalysis {
    let command: ReportCommand

    /// Reads the file and computes the report.
    /// - Returns: The report value.
    /// - Throws: `DataError`, `StatModelError`, `FormulaError`, `ValidationError`.
    func run() throws -> ClinicalReport {
        let dialect = command.csv.dialect
        let header = try SurvivalDatasetReader(dialect: dialect, roles: ColumnRoles()).header(path: command.file)
        let plan = try ReportPlan(command: command, header: header)
        let formula = try plan.formula.map { text in try Formula(text) }
        if let formula { try formula.checkColumns(header) }
        let coverageFormula = try plan.coverageFormula.map { text in try Formula(text) }
        var roles = try command.columns.roles(skipInvalid: command.csv.skipInvalid)
        roles.by = plan.comparisons
        roles.covariates = plan.covariates(
            formulaVariables: formula?.variables ?? [], coverageVariables: coverageFormula?.variables ?? [],
            dose: command.dose, includeIDs: command.includeIds, id: command.columns.id)
        // Baseline-only columns keep rows with a missing value (a mostly empty column must not empty the
        // analysis); columns a model or the dose-response uses exclude them.
        let modelColumns = Set(
            (formula?.variables ?? []) + (coverageFormula?.variables ?? []) + [command.dose, command.interval]
                + (plan.cluster.map { [$0] } ?? []))
        roles.descriptiveColumns = Set(plan.baselineColumns.filter { !modelColumns.contains($0) })
        let dataset = try SurvivalDatasetReader(dialect: dialect, roles: roles).read(path: command.file)
        let pipeline = pipeline(plan: plan)
        var warnings = pipeline.inputWarnings(dataset: dataset)

        let comparisons = try summaries(dataset, plan: plan)
        for comparison in comparisons {
            warnings += comparison.summary.warnings.map { "\(comparison.title): \($0)" }
        }
        let baseline = baselineTable(dataset, plan: plan, warnings: &warnings)
        let regression = self.regression(dataset, plan: plan, warnings: &warnings)
        let doseResponse = self.doseResponse(dataset, plan: plan, warnings: &warnings)
        let coverage = self.coverage(dataset, plan: plan, warnings: &warnings)
        var provenance = pipeline.provenance(dataset: dataset)
        provenance.date = Self.runDate()
        provenance.options += reportOptions(plan: plan)

        let listing: PatientListing?
        if command.includeIds, let idColumn = dataset.covariate(named: command.columns.id) {
            listing = PatientListing.make(ids: idColumn, time: dataset.time, event: dataset.event, grouping: dataset.groupings.first)
        } else {
            listing = nil
        }
        return ClinicalReport(
            title: command.title, input: ReportInput(dataset), provenance: provenance, patients: dataset.patients,
            baseline: baseline, comparisons: comparisons, regression: regression, doseResponse: doseResponse,
            coverage: coverage, methods: methods(plan: plan, regression: regression, doseResponse: doseResponse, coverage: coverage, dataset: dataset),
            warnings: warnings, includesIdentifiers: command.includeIds, patientListing: listing,
            unusedColumns: plan.unusedColumns)
    }

    /// The shared pipeline pieces (provenance, input warnings).
    func pipeline(plan: ReportPlan) -> AnalysisPipeline {
        var output = OutputOptions()
        output.output = command.output
        return AnalysisPipeline(
            file: command.file, columns: command.columns, csv: command.csv, output: output,
            numberOptions: command.confidence.provenanceOptions() + command.estimation.provenanceOptions())
    }

    /// The report's own options that change numbers, for the provenance.
    func reportOptions(plan: ReportPlan) -> [Provenance.Option] {
        var options: [(String, String)] = []
        if command.columns.by.isEmpty { options.append(("by", plan.comparisons.joined(separator: ", "))) }
        options.append(("model", command.model.lowercased()))
        if let formula = plan.formula { options.append(("formula", formula)) }
        if let cluster = plan.cluster { options.append(("cluster", cluster)) }
        options.append(("dose", command.dose))
        if let doseStep = command.doseStep { options.append(("dose-step", String(describing: doseStep))) }
        if let coverageDoses = command.coverageDoses { options.append(("coverage-doses", coverageDoses)) }
        options.append(("intervals", command.intervals))
        options.append(("target", String(describing: command.target)))
        options.append(("include-ids", command.includeIds ? "yes" : "no"))
        return options.map { Provenance.Option(name: $0.0, value: $0.1) }
    }

    /// The run date: SOURCE_DATE_EPOCH when set (reproducible reports), else today, UTC, ISO 8601.
    static func runDate() -> String {
        let environment = ProcessInfo.processInfo.environment
        let seconds = environment["SOURCE_DATE_EPOCH"].flatMap { Double($0) } ?? Date().timeIntervalSince1970
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.formatOptions = [.withFullDate]
        return formatter.string(from: Date(timeIntervalSince1970: seconds))
    }

    /// The Kaplan–Meier summary of each comparison column.
    func summaries(_ dataset: SurvivalDataset, plan: ReportPlan) throws -> [ClinicalReport.Comparison] {
        let summary = try command.estimation.summary(km: command.confidence.kaplanMeier)
        var comparisons: [ClinicalReport.Comparison] = []
        for grouping in dataset.groupings {
            let result = try summary.fit(
                time: dataset.time, event: dataset.event, by: [SurvivalSummaryFactor(grouping)],
                strata: dataset.strata.map(SurvivalSummaryFactor.init))
            let banding = grouping.isBanded ? "\(grouping.column) banded into " + grouping.levels.joined(separator: ", ") : nil
            comparisons.append(
                ClinicalReport.Comparison(
                    column: grouping.column, title: Self.title(of: grouping.column, interval: command.interval),
                    banding: banding, summary: result))
        }
        return comparisons
    }

    /// A reader's title of a comparison column.
    static func title(of column: String, interval: String) -> String {
        if column == interval { return "Treatment frequency (\(column))" }
        if column == ReportPlan.defaultGroupColumn { return "Dose group (\(column))" }
        return column
    }
}
