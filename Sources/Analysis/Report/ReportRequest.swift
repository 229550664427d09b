import DataIO
import Foundation
import Regression
import Reporting
import Survival

/// `relief report`: one report of relief duration by dose and frequency for clinical review. Reads the
/// file once and fits everything the report shows. `(start, stop]` rows (``DataIO/ColumnRoles/start``) are
/// analysed as such throughout: Kaplan–Meier curves and log-rank tests with delayed entry, the regression and
/// the coverage model left-truncated (Cox: risk sets), the dose-response's Kaplan–Meier medians with delayed entry. The Kaplan–Meier summaries must succeed; the
/// baseline table, regression, dose-response and coverage parts that cannot be computed become "not
/// available" sections with the reason, and a warning.
///
/// ```swift
/// let request = ReportRequest(source: DataSource(path: "data/ketamine_trial.csv"))
/// let report = try request.run()
/// let html = ClinicalReportHTMLRenderer().render(report)
/// ```
public struct ReportRequest: Sendable {
    /// The data; `roles.by` empty compares dose_group and the interval column (those present).
    public var source: DataSource
    /// The report title.
    public var title: String
    /// The numeric dose column (dose-response and coverage).
    public var doseColumn: String
    /// The interval column (days between infusions).
    public var intervalColumn: String
    /// The regression model: cox or an AFT family.
    public var model: ModelName
    /// The regression formula; `nil` builds it from the first comparison, the interval and the adjusters.
    public var formula: String?
    /// The baseline-table columns; `nil` takes the usual ones present.
    public var baselineColumns: [String]?
    /// Round doses to multiples of this step to form dose levels.
    public var doseStep: Double?
    /// Doses of the coverage table; `nil` chooses them from the data.
    public var coverageDoses: [Double]?
    /// Infusion intervals of the coverage table (days).
    public var intervals: [Double]
    /// Wanted coverage for the longest-interval column.
    public var target: Double
    /// Whether patient identifiers and free-text columns are shown.
    public var includesIdentifiers: Bool
    /// Kaplan–Meier settings, report times and tau.
    public var summary: SurvivalSummary
    /// Where the landmark times come from (``LandmarkTimes``): `summary.times`, or the data's quartiles.
    public var landmarks = LandmarkTimes.given

    /// Creates a report request with the command line's defaults.
    /// - Throws: ``AnalysisError`` for a model that is neither Cox nor an AFT family, a dose step that is
    ///   not positive, a target outside (0, 1) or an empty formula.
    public init(
        source: DataSource, title: String = "Relief duration by dose and treatment frequency", doseColumn: String = "dose_mg_kg",
        intervalColumn: String = "interval_days", model: ModelName = .weibull, formula: String? = nil,
        baselineColumns: [String]? = nil, doseStep: Double? = nil, coverageDoses: [Double]? = nil,
        intervals: [Double] = [7, 14, 21, 28, 42, 56], target: Double = 0.8, includesIdentifiers: Bool = false,
        summary: SurvivalSummary = SurvivalSummary(times: [7, 14, 28])
    ) throws {
        guard !model.needsDose else {
            throw AnalysisError(.usage, "--model '\(model)': use weibull, lognormal, loglogistic, exponential or cox")
        }
        if let doseStep, !(doseStep.isFinite && doseStep > 0) {
            throw AnalysisError(.usage, "--dose-step must be a positive number, e.g. 0.25, got \(doseStep)")
        }
        guard target.isFinite, target > 0, target < 1 else {
            throw AnalysisError(.usage, "--target must lie strictly between 0 and 1 (e.g. 0.8), got \(target)")
        }
        if let formula, formula.trimmingCharacters(in: .whitespaces).isEmpty {
            throw AnalysisError(.usage, "--formula needs terms, e.g. --formula \"dose_group + interval_days\"")
        }
        self.source = source
        self.title = title
        self.doseColumn = doseColumn
        self.intervalColumn = intervalColumn
        self.model = model
        self.formula = formula
        self.baselineColumns = baselineColumns
        self.doseStep = doseStep
        self.coverageDoses = coverageDoses
        self.intervals = intervals
        self.target = target
        self.includesIdentifiers = includesIdentifiers
        self.summary = summary
    }

    /// The coverage table's grid of `relief report`'s option texts (`--coverage-doses 0.5,1.0`, `--intervals
    /// 7,14,28`): doses non-negative, intervals positive.
    /// - Parameters:
    ///   - coverageDoses: The doses as written, or `nil` to choose them from the data.
    ///   - intervals: The intervals (days) as written.
    /// - Returns: The two grids.
    /// - Throws: `DataError` (usage) naming a value that is not such a number.
    public static func grid(coverageDoses: String?, intervals: String) throws(DataError) -> (coverageDoses: [Double]?, intervals: [Double]) {
        (try coverageDoses.map { text throws(DataError) in
            try NumberList.parse(text, option: "--coverage-doses", domain: .nonNegative, example: "0.5,1.0")
        }, try NumberList.parse(intervals, option: "--intervals", domain: .positive, example: "7,14,28"))
    }

    /// Reads the file and computes the report.
    /// - Parameter record: The command and its options, for the provenance (the report adds its own).
    /// - Returns: The report value, ready for ``ClinicalReportHTMLRenderer`` or the Markdown renderer.
    /// - Throws: `DataError`, `StatModelError`, `FormulaError`, ``AnalysisError``.
    public func run(record: RunRecord = RunRecord()) throws -> ClinicalReport {
        let header = try source.header()
        let plan = try ReportPlan(request: self, header: header)
        let formula = try plan.formula.map { text in try Formula(text) }
        if let formula { try formula.checkColumns(header) }
        let coverageFormula = try plan.coverageFormula.map { text in try Formula(text) }
        var roles = source.roles
        roles.by = plan.comparisons
        roles.covariates = plan.covariates(
            formulaVariables: formula?.variables ?? [], coverageVariables: coverageFormula?.variables ?? [],
            dose: doseColumn, includeIDs: includesIdentifiers, id: source.roles.id ?? "")
        // Baseline-only columns keep rows with a missing value (a mostly empty column must not empty the
        // analysis); columns a model or the dose-response uses exclude them.
        let modelColumns = Set(
            (formula?.variables ?? []) + (coverageFormula?.variables ?? []) + [doseColumn, intervalColumn]
                + (plan.cluster.map { [$0] } ?? []))
        roles.descriptiveColumns = Set(plan.baselineColumns.filter { !modelColumns.contains($0) })
        let dataset = try SurvivalDatasetReader(dialect: source.dialect, roles: roles).read(path: source.path)
        var warnings = DataSource.inputWarnings(dataset)

        let landmarkTimes = landmarks.times(given: summary.times, followUp: dataset.time)
        let comparisons = try summaries(dataset, plan: plan, landmarkTimes: landmarkTimes)
        for comparison in comparisons {
            warnings += comparison.summary.warnings.map { "\(comparison.title): \($0)" }
        }
        let baseline = baselineTable(dataset, plan: plan, warnings: &warnings)
        let regression = self.regression(dataset, plan: plan, warnings: &warnings)
        let doseResponse = self.doseResponse(dataset, plan: plan, warnings: &warnings)
        let coverage = self.coverage(dataset, plan: plan, warnings: &warnings)
        var provenance = record.provenance(path: source.path, dataset: dataset)
        provenance.date = record.date ?? Self.runDate()
        provenance.options += reportOptions(plan: plan)

        let listing: PatientListing?
        if includesIdentifiers, let id = source.roles.id, let idColumn = dataset.covariate(named: id) {
            listing = PatientListing.make(ids: idColumn, time: dataset.time, event: dataset.event, grouping: dataset.groupings.first)
        } else {
            listing = nil
        }
        return ClinicalReport(
            title: title, input: ReportInput(dataset, wording: source.wording), provenance: provenance, patients: dataset.patients,
            baseline: baseline, comparisons: comparisons, regression: regression, doseResponse: doseResponse,
            coverage: coverage, methods: methods(plan: plan, regression: regression, doseResponse: doseResponse, coverage: coverage, dataset: dataset,
                                                 landmarkTimes: landmarkTimes),
            warnings: warnings, includesIdentifiers: includesIdentifiers, patientListing: listing,
            unusedColumns: plan.unusedColumns)
    }

    /// The report's own options that change numbers, for the provenance.
    func reportOptions(plan: ReportPlan) -> [Provenance.Option] {
        var options: [(String, String)] = []
        if source.roles.by.isEmpty { options.append(("by", plan.comparisons.joined(separator: ", "))) }
        options.append(("model", model.rawValue))
        if let formula = plan.formula { options.append(("formula", formula)) }
        if let cluster = plan.cluster { options.append(("cluster", cluster)) }
        options.append(("dose", doseColumn))
        if let doseStep { options.append(("dose-step", String(describing: doseStep))) }
        if let coverageDoses { options.append(("coverage-doses", Self.list(coverageDoses))) }
        options.append(("intervals", Self.list(intervals)))
        options.append(("target", String(describing: target)))
        options.append(("include-ids", includesIdentifiers ? "yes" : "no"))
        return options.map { Provenance.Option(name: $0.0, value: $0.1) }
    }

    /// Numbers as the command line takes them: `7,14,21` (`%g`).
    static func list(_ values: [Double]) -> String {
        values.map { String(format: "%g", $0) }.joined(separator: ",")
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

    /// The Kaplan–Meier summary of each comparison column, with survival at `landmarkTimes` (``landmarks``
    /// resolved on the data once).
    func summaries(_ dataset: SurvivalDataset, plan: ReportPlan, landmarkTimes: [Double]) throws -> [ClinicalReport.Comparison] {
        var summary = self.summary
        summary.times = landmarkTimes
        var comparisons: [ClinicalReport.Comparison] = []
        for grouping in dataset.groupings {
            // (start, stop] rows of one patient must not overlap within a curve (and stratum) of the comparison.
            let separate = dataset.strata.map { strata in
                zip(grouping.codes, strata.codes).map { $0 * (strata.levels.count + 1) + $1 }
            } ?? grouping.codes
            try dataset.checkNoOverlappingIntervals(separate: separate)
            let result = try summary.fit(
                time: dataset.time, event: dataset.event, start: dataset.start, by: [SurvivalSummaryFactor(grouping)],
                strata: dataset.strata.map(SurvivalSummaryFactor.init))
            let banding = grouping.isBanded ? "\(grouping.column) banded into " + grouping.levels.joined(separator: ", ") : nil
            comparisons.append(
                ClinicalReport.Comparison(
                    column: grouping.column, title: Self.title(of: grouping.column, interval: intervalColumn),
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
