import ArgumentParser
import Foundation
import Reporting
import StatModels

/// `relief predict MODEL FILE --formula ... --at col=v,v ...`: fits a parametric AFT model, then predicts
/// survival at `--times`, the median relief time and the restricted mean to `--tau` for each covariate
/// profile (the cross of the `--at` values), with delta-method confidence intervals.
struct PredictCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "predict",
        abstract: "Predicted relief curves, median relief and restricted mean for covariate profiles (parametric models).",
        discussion: """
            Fits MODEL (exponential, weibull, lognormal, loglogistic, or aft --dist NAME) as `relief fit` \
            does, then predicts for each profile: every formula column must get a value with --at (there \
            is no default "mean patient"); several values per --at and several --at options give their \
            cross. Reported per profile: the probability that relief is still ongoing at --times, the \
            median relief time, and the restricted mean relief time to --tau (default: the largest \
            --times value), each with a delta-method confidence interval.

            \(ReliefFailure.exitCodeHelp)
            """)

    @Argument(help: ArgumentHelp("exponential, weibull, lognormal, loglogistic or aft (cox is not supported).", valueName: "model"))
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
        try ModelFailure.run {
            guard model.isParametric else {
                throw ModelCommandError(
                    kind: .usage,
                    message: "relief predict supports the parametric models (exponential, weibull, lognormal, "
                        + "loglogistic, aft), not cox: Relief has no baseline-hazard estimate for Cox predictions yet. "
                        + "Use e.g. `relief predict weibull ...`, or `relief fit cox` for hazard ratios.")
            }
            if modelOptions.distributions(model: model).count > 1 {
                throw ModelCommandError(
                    kind: .usage,
                    message: "relief predict needs one distribution, not --dist all. Compare them with `relief fit aft --dist all`, then give the best, e.g. --dist weibull")
            }
            let fitter = try RegressionFitter(model: model, options: modelOptions)
            let settings = try at.map { argument throws(DesignMatrixError) in try ProfileSetting.parse(argument) }
            try Self.checkProfiles(settings, formula: fitter.formula)
            let times = try parsedTimes()
            let horizon = tau ?? times.max()
            let tauExplanation = tau != nil ? "given with --tau" : "the largest --times value; set another with --tau"
            try fitter.checkColumns(file: file, dialect: csv.dialect)
            var numberOptions = modelOptions.provenanceOptions(model: model)
            for argument in at { numberOptions.append(("at", argument)) }
            numberOptions.append(("times", self.times))
            if let horizon { numberOptions.append(("tau", String(describing: horizon))) }
            let pipeline = AnalysisPipeline(
                file: file, columns: columns, csv: csv, output: output, numberOptions: numberOptions,
                covariates: fitter.covariates)
            try pipeline.run(
                fit: { dataset in
                    let (regression, design) = try fitter.fit(dataset)
                    guard case .aft(let fit, _) = regression.estimates else {
                        throw ModelCommandError(kind: .usage, message: "relief predict supports the parametric models only")
                    }
                    let profiles = try design.profiles(settings)
                    let predictions = try fit.predict(profiles: profiles.x, times: times, probabilities: [0.5], tau: horizon)
                    let rows = zip(profiles.values, predictions).map { values, prediction in
                        PredictionResult.Profile(
                            values: zip(profiles.columns, values).map { (column: $0, value: $1) }, prediction: prediction)
                    }
                    let numeric = Set(profiles.columns.filter { design.coding.factorLevels[$0] == nil })
                    let result = PredictionResult(
                        regression: regression, profiles: rows, times: times, tau: horizon,
                        tauExplanation: tauExplanation, numericColumns: numeric)
                    return (result, regression.warnings)
                },
                render: { result, input, provenance, warnings in
                    PredictionRenderer(format: output.format.format).render(
                        result, input: input, provenance: provenance, warnings: warnings)
                })
        }
    }

    /// Checks the `--at` columns against the formula before the data are read: each must be a column the
    /// model terms use, given once, and every such column must be given.
    static func checkProfiles(_ settings: [ProfileSetting], formula: Formula) throws(DesignMatrixError) {
        let needed = formula.termColumns
        var seen: Set<String> = []
        for setting in settings {
            guard needed.contains(setting.column) else { throw .unknownProfileColumn(column: setting.column, needed: needed) }
            guard seen.insert(setting.column).inserted else { throw .repeatedProfileColumn(column: setting.column) }
        }
        let missing = needed.filter { !seen.contains($0) }
        guard missing.isEmpty else { throw .missingProfileValue(columns: missing) }
    }
}
