import Analysis
import ArgumentParser
import DataIO
import DoseResponse
import Foundation
import Regression

/// `relief schedule FILE --model weibull --formula ... --doses ... --intervals ... --at ...`: the relief
/// coverage (expected fraction of days in relief, RMST(I)/I) for every dose x infusion interval, from a
/// fitted parametric AFT model, and per dose the longest interval that keeps coverage at the target.
struct ScheduleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schedule",
        abstract: "At each dose, how often to infuse to keep the patient in relief (coverage = RMST(I)/I).",
        discussion: """
            Fits --model (exponential, weibull, lognormal, loglogistic) with --formula, which must use the \
            dose column (--dose-column, default dose_mg_kg) and the interval column (--interval-column, \
            default interval_days); every other formula column is held at one value given with --at (there \
            is no default "mean patient"). For each dose in --doses and interval I in --intervals it \
            reports the relief coverage E[min(T, I)]/I = RMST(I)/I, the expected fraction of days in \
            relief when infusions repeat every I days, with a delta-method confidence interval (logit \
            scale), and per dose the longest interval with coverage >= --target: on the grid, solved \
            between grid points, and conservatively (lower limit >= target).

            Assumptions (stated in the output): each infusion restarts relief; relief past the next \
            infusion counts only up to it; the interval enters the model as a covariate.

            \(ReliefFailure.exitCodeHelp)
            """)

    @Argument(help: ArgumentHelp("The CSV file of episodes.", valueName: "file"))
    var file: String

    @Option(help: ArgumentHelp("The relief model: exponential, weibull (default), lognormal, loglogistic, or emax / sigemax (one-step Emax AFT, family from --dist).", valueName: "model"))
    var model = "weibull"

    @Option(help: ArgumentHelp("Doses, comma-separated, e.g. 0.5,1.0.", valueName: "d,d,..."))
    var doses: String

    @Option(help: ArgumentHelp("Infusion intervals in days, comma-separated.", valueName: "I,I,..."))
    var intervals = "7,14,21,28,42"

    @Option(help: "Wanted coverage (fraction of days in relief), strictly between 0 and 1.")
    var target = 0.8

    @Option(help: ArgumentHelp("The dose column of the formula.", valueName: "column"))
    var doseColumn = "dose_mg_kg"

    @Option(help: ArgumentHelp("The interval column of the formula.", valueName: "column"))
    var intervalColumn = "interval_days"

    @Option(
        name: .customLong("at"),
        help: ArgumentHelp(
            "The value at which to hold another formula column, e.g. baseline_pain=6 or condition=CRPS. Repeat for every such column.",
            valueName: "column=value"))
    var at: [String] = []

    @Flag(inversion: .prefixedNo, help: "Solve the crossing interval between grid points (bisection on the fitted curve).")
    var solve = true

    @OptionGroup(title: "Model") var modelOptions: ModelOptions
    @OptionGroup(title: "Columns") var columns: ColumnOptions
    @OptionGroup(title: "Reading the CSV") var csv: CSVOptions
    @OptionGroup(title: "Output") var output: OutputOptions

    func validate() throws {
        if file.isEmpty { throw ValidationError("give the CSV file to read") }
        let name = try modelName()
        if modelOptions.dist != nil, !name.isEmax {
            throw ValidationError("--dist does not apply to relief schedule; name the family with --model (e.g. --model lognormal)")
        }
        if modelOptions.ties != nil { throw ValidationError("--ties applies to cox models only") }
        try FitCommand.rejectGrouping(columns)
        _ = try Self.numbers(doses, option: "--doses", positive: false)
        _ = try Self.numbers(intervals, option: "--intervals", positive: true)
        guard target.isFinite, target > 0, target < 1 else {
            throw ValidationError("--target must lie strictly between 0 and 1 (e.g. 0.8 = 80% of days in relief), got \(target)")
        }
    }

    /// `--model` as a parametric model name.
    func modelName() throws -> ModelName {
        guard let name = ModelName(rawValue: model.lowercased()), name.distribution != nil || name.isEmax else {
            throw ValidationError("--model '\(model)': use exponential, weibull, lognormal, loglogistic, emax or sigemax")
        }
        return name
    }

    /// A comma-separated list of numbers.
    static func numbers(_ text: String, option: String, positive: Bool) throws -> [Double] {
        let parts = text.split(separator: ",", omittingEmptySubsequences: false)
        let values = try parts.map { part in
            let trimmed = part.trimmingCharacters(in: .whitespaces)
            guard let value = Double(trimmed), value.isFinite, positive ? value > 0 : value >= 0 else {
                throw ValidationError(
                    "\(option): '\(trimmed)' is not a \(positive ? "positive" : "non-negative") number (example: \(option) \(positive ? "7,14,28" : "0.5,1.0"))")
            }
            return value
        }
        guard !values.isEmpty else { throw ValidationError("\(option) needs at least one value") }
        return values
    }

    func run() throws {
        try ReliefFailure.run {
            let name = try modelName()
            let request = try ScheduleRequest(
                source: try DataSource(file: file, columns: columns, csv: csv), model: name,
                specification: try modelOptions.specification(), doses: try Self.numbers(doses, option: "--doses", positive: false),
                intervals: try Self.numbers(intervals, option: "--intervals", positive: true), target: target,
                doseColumn: doseColumn, intervalColumn: intervalColumn,
                settings: try at.map { argument throws(DesignMatrixError) in try ProfileSetting.parse(argument) },
                solvesContinuously: solve)
            var numberOptions = modelOptions.provenanceOptions(model: name)
            if name.isEmax { numberOptions.append(("dose", doseColumn)) }
            numberOptions += [("doses", doses), ("intervals", intervals), ("target", String(describing: target))]
            for argument in at { numberOptions.append(("at", argument)) }
            try CommandRun(output: output, columns: columns, csv: csv, numberOptions: numberOptions)(request)
        }
    }
}
