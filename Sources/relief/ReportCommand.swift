import Analysis
import ArgumentParser
import CMemoryPolicy
import DataIO
import Foundation

/// `relief report FILE -o report.html`: the self-contained report for clinical review.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "A self-contained report of relief duration by dose and frequency, for clinical review (HTML, Markdown or PDF).",
        discussion: """
            Sections: provenance (file, SHA-256, rows read/used/excluded with reasons, command, version, \
            date, options); baseline characteristics by the first --by column; per --by column (default: \
            dose_group and interval_days, banded <=7, 8-28, >28) the censoring summary, quartiles with CIs, \
            survival at --times, RMST, log-rank and trend tests, and a Kaplan-Meier plot with CI bands, \
            censoring marks and numbers at risk; the adjusted regression (--model, default weibull: time \
            ratios; cox: hazard ratios) with robust SEs clustered by the --id column and a forest plot; \
            the dose-response curve (when --dose has 3 to 20 levels, after --dose-step); the relief-coverage \
            table by dose x interval; the methods; every warning.

            De-identified by default: patient identifiers and free-text columns are not shown; \
            --include-ids adds a per-patient listing. Rows with a missing value in any column the report \
            uses are excluded from every section and listed.

            --format pdf needs Chromium (Debian's chromium package, or RELIEF_CHROMIUM=/path). The date \
            in the provenance is today's (UTC) unless SOURCE_DATE_EPOCH is set.

            \(ReliefFailure.exitCodeHelp) 69: --format pdf without a usable browser.
            """)

    @OptionGroup var input: InputOptions<AllColumns>
    @Option(name: [.short, .customLong("output")], help: ArgumentHelp("The report file to write (atomically).", valueName: "file"))
    var output: String?
    @Option(help: "html (default; one self-contained file), markdown (with SVG files beside it) or pdf (through Chromium).")
    var format: ClinicalReport.FileFormat = .html
    @Flag(help: "Show patient identifiers and free-text columns (adds a per-patient listing). Off by default.")
    var includeIds = false
    @Option(help: "The report title.")
    var title = "Relief duration by dose and treatment frequency"
    @Option(help: ArgumentHelp("The numeric dose column (dose-response and coverage).", valueName: "column"))
    var dose = "dose_mg_kg"
    @Option(help: ArgumentHelp("The interval column (days between infusions).", valueName: "column"))
    var interval = "interval_days"
    @Option(help: ArgumentHelp("Regression model: weibull (default), lognormal, loglogistic, exponential or cox.", valueName: "model"))
    var model: ReportModelOption = .weibull
    @Option(help: ArgumentHelp("Right-hand side of the regression formula (default: the first --by column, interval, baseline_pain, condition, cotherapy, those present).", valueName: "terms"))
    var formula: String?
    @Option(help: ArgumentHelp("Columns of the baseline table, comma-separated (default: those of condition, route, baseline_pain, interval_days, cotherapy, dose_mg_kg, infusion_number, site present).", valueName: "c,c,..."))
    var baseline: String?
    @Option(help: ArgumentHelp("Round doses to multiples of this step to form dose levels for the dose-response curve.", valueName: "step"))
    var doseStep: Double?
    @Option(help: ArgumentHelp("Doses of the coverage table, comma-separated (default: the dose levels, or each dose group's median dose).", valueName: "d,d,..."))
    var coverageDoses: String?
    @Option(help: ArgumentHelp("Infusion intervals of the coverage table (days).", valueName: "I,I,..."))
    var intervals = "7,14,21,28,42,56"
    @Option(help: "Wanted coverage (fraction of days in relief) for the longest-interval column.")
    var target = 0.8
    @OptionGroup(title: "Groups") var grouping: GroupingOptions
    @OptionGroup(title: "Confidence intervals") var confidence: ConfidenceOptions
    @OptionGroup(title: "Estimates") var estimation: EstimationOptions

    func validate() throws {
        try ValidationError.from { try format.check(output: output) }
        _ = try ValidationError.from { try request() }
    }

    /// The report request of these options (checked, nothing read yet).
    func request() throws -> ReportRequest {
        let grid = try ReportRequest.grid(coverageDoses: coverageDoses, intervals: intervals)
        let (summary, landmarks) = try estimation.summary(km: confidence.kaplanMeier, unit: input.columns.timeUnit)
        var request = try ReportRequest(
            source: try input.source(grouping: grouping), title: title, doseColumn: dose, intervalColumn: interval, model: model.model,
            formula: formula, baselineColumns: baseline.map(ColumnRoles.names), doseStep: doseStep, coverageDoses: grid.coverageDoses,
            intervals: grid.intervals, target: target, includesIdentifiers: includeIds, summary: summary)
        request.landmarks = landmarks
        return request
    }

    func run() throws {
        _ = relief_return_large_blocks(4 << 20)  // blocks of 4 MiB and up go back to the system when freed (README, Speed)
        let record = RunRecord(command: CommandLineText.current(), options: try input.provenanceOptions(grouping: grouping)
            + confidence.kaplanMeier.provenanceOptions + estimation.provenanceOptions(unit: input.columns.timeUnit))
        let report = try request().run(record: record)
        if let output {
            try report.write(as: format, to: output, protectedPaths: [input.file])
        } else {
            FileHandle.standardOutput.write(Data(ClinicalReportHTMLRenderer().render(report).utf8))
        }
        for warning in report.warnings { StandardError.warning(warning) }
    }
}
