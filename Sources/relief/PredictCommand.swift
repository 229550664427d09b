import Analysis
import ArgumentParser
import DataIO
import Foundation
import Regression

/// `relief predict MODEL FILE --formula ... --at col=v,v ...`: fits a parametric AFT model or a Cox model,
/// then predicts survival at `--times`, the median relief time and the restricted mean to `--tau` for each
/// covariate profile (the cross of the `--at` values), with delta-method confidence intervals (AFT) or from
/// the Cox curve `survfit(coxph_fit, newdata)` (Cox; a `strata()` model needs the stratum with `--at`).
struct PredictCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "predict",
        abstract: "Predicted relief curves, median relief and restricted mean for covariate profiles.",
        discussion: """
            Fits MODEL (cox, exponential, weibull, lognormal, loglogistic, or aft --dist NAME) as `relief fit` \
            does, then predicts for each profile: every formula column must get a value with --at (there \
            is no default "mean patient"); several values per --at and several --at options give their \
            cross. Reported per profile: the probability that relief is still ongoing at --times, the \
            median relief time, and the restricted mean relief time to --tau (default: the largest \
            --times value), each with a delta-method confidence interval.

            For cox the curve is R's survfit(coxph_fit, newdata = profile): the baseline cumulative hazard \
            (Efron-adjusted for --ties efron) times the profile's relative risk, with a log-type interval \
            whose standard error includes the uncertainty of the coefficients. With strata(col) in the \
            formula each stratum has its own baseline, so give the stratum too, e.g. --at site=S01.

            \(ReliefFailure.exitCodeHelp)
            """)

    @Argument(help: ArgumentHelp("cox, exponential, weibull, lognormal, loglogistic or aft.", valueName: "model"))
    var model: ModelName

    @Argument(help: ArgumentHelp("The CSV file of episodes.", valueName: "file"))
    var file: String

    @OptionGroup(title: "Model") var modelOptions: ModelOptions

    @Option(
        name: .customLong("at"),
        help: ArgumentHelp(
            "Values of one formula column for the profiles, e.g. dose_mg_kg=0.5,1.0 or condition=CRPS. Repeat for every column the formula uses.",
            valueName: "column=v,v"))
    var at: [String] = []

    @Option(help: ArgumentHelp("Times at which to predict survival, comma-separated ('' for none).", valueName: "t,t,..."))
    var times = "7,14,28"

    @Option(help: "Horizon of the restricted mean relief time (default: the largest --times value).")
    var tau: Double?

    @OptionGroup(title: "Columns") var columns: ColumnOptions
    @OptionGroup(title: "Reading the CSV") var csv: CSVOptions
    @OptionGroup(title: "Output") var output: OutputOptions

    func validate() throws {
        if file.isEmpty { throw ValidationError("give the CSV file to read") }
        try modelOptions.check(model: model)
        try FitCommand.rejectGrouping(columns)
        _ = try parsedTimes()
        if let tau, !(tau.isFinite && tau > 0) {
            throw ValidationError("--tau must be a positive number, got \(tau)")
        }
    }

    /// `--times` as numbers.
    func parsedTimes() throws -> [Double] {
        let trimmed = times.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { return [] }
        return try trimmed.split(separator: ",", omittingEmptySubsequences: false).map { part in
            guard let value = Double(part.trimmingCharacters(in: .whitespaces)), value.isFinite, value >= 0 else {
                throw ValidationError("--times: '\(part)' is not a non-negative number (example: --times 7,14,28)")
            }
            return value
        }
    }

    func run() throws {
        try ReliefFailure.run {
            let settings = try at.map { argument throws(DesignMatrixError) in try ProfileSetting.parse(argument) }
            let request = try PredictRequest(
                source: try DataSource(file: file, columns: columns, csv: csv), model: model,
                specification: try modelOptions.specification(), settings: settings, times: try parsedTimes(), tau: tau)
            var numberOptions = modelOptions.provenanceOptions(model: model)
            for argument in at { numberOptions.append(("at", argument)) }
            numberOptions.append(("times", times))
            if let horizon = request.horizon { numberOptions.append(("tau", String(describing: horizon))) }
            try CommandRun(output: output, columns: columns, csv: csv, numberOptions: numberOptions)(request)
        }
    }
}
