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
        try ModelFailure.run {
            if modelOptions.distributions(model: model).count > 1 {
                throw ModelCommandError(
                    kind: .usage,
                    message: "relief predict needs one distribution, not --dist all. Compare them with `relief fit aft --dist all`, then give the best, e.g. --dist weibull")
            }
            let fitter = try RegressionFitter(model: model, options: modelOptions)
            let allSettings = try at.map { argument throws(DesignMatrixError) in try ProfileSetting.parse(argument) }
            let strataColumns = fitter.formula.strataColumns
            let settings = allSettings.filter { !strataColumns.contains($0.column) }
            let strataSettings = try Self.strataSettings(allSettings, columns: strataColumns)
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
                    if case .cox(let coxFit, _) = regression.estimates {
                        return try Self.predictCox(
                            coxFit, regression: regression, design: design, dataset: dataset, settings: settings,
                            strataSettings: strataSettings, times: times, tau: horizon, tauExplanation: tauExplanation,
                            confidenceLevel: modelOptions.confLevel)
                    }
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

extension PredictCommand {
    /// The `--at` settings of the `strata()` columns, in formula order; each must be given (a Cox profile
    /// gets the baseline of its stratum). Empty without strata.
    static func strataSettings(_ settings: [ProfileSetting], columns: [String]) throws -> [ProfileSetting] {
        var result: [ProfileSetting] = []
        for column in columns {
            let given = settings.filter { $0.column == column }
            guard let setting = given.first else {
                throw ModelCommandError(
                    kind: .usage,
                    message: "the model has strata(\(columns.joined(separator: ", "))): each stratum has its own baseline "
                        + "hazard, so give the stratum of the profiles with --at, e.g. --at \(column)=VALUE")
            }
            guard given.count == 1 else {
                throw ModelCommandError(kind: .usage, message: "--at \(column) is given more than once; give it once with several values, e.g. --at \(column)=A,B")
            }
            result.append(setting)
        }
        return result
    }

    /// Cox predictions: the baseline hazard of the fit, then one curve per profile (the cross of the term
    /// values, within each stratum given; the stratum varies slowest).
    static func predictCox(
        _ fit: CoxPHFit, regression: RegressionResult, design: DesignMatrix, dataset: SurvivalDataset,
        settings: [ProfileSetting], strataSettings: [ProfileSetting], times: [Double], tau: Double?,
        tauExplanation: String, confidenceLevel: Double
    ) throws -> (result: PredictionResult, warnings: [String]) {
        let baseline = try fit.baselineHazard(x: design.x, time: dataset.time, event: dataset.event, strata: design.strata)
        let profiles = try design.profiles(settings)
        // The cross of the stratum values, first strata column slowest.
        var combinations: [[String]] = [[]]
        for setting in strataSettings {
            combinations = combinations.flatMap { prefix in setting.values.map { prefix + [$0] } }
        }
        var rows: [PredictionResult.Profile] = []
        var beyond: Set<String> = []
        for combination in combinations {
            var stratum: Int?
            var label: String?
            if !strataSettings.isEmpty {
                let plain = combination.joined(separator: ", ")
                let named = zip(strataSettings, combination).map { "\($0.column)=\($1)" }.joined(separator: ", ")
                guard let index = design.strataLevels.firstIndex(of: plain) ?? design.strataLevels.firstIndex(of: named) else {
                    throw ModelCommandError(
                        kind: .usage,
                        message: "no stratum '\(plain)' in the data; the strata are "
                            + design.strataLevels.map { "'\($0)'" }.joined(separator: ", ") + ". Give one of them with --at")
                }
                stratum = index
                label = design.strataLevels[index]
            }
            let predictions = try baseline.predict(
                profiles: profiles.x, strata: stratum.map { [Int](repeating: $0, count: profiles.count) }, times: times,
                tau: tau, confidenceLevel: confidenceLevel)
            for (values, prediction) in zip(profiles.values, predictions) {
                var pairs = zip(profiles.columns, values).map { (column: $0, value: $1) }
                pairs += zip(strataSettings, combination).map { (column: $0.column, value: $1) }
                rows.append(PredictionResult.Profile(values: pairs, coxPrediction: prediction, stratumLabel: label))
                for row in prediction.survivalAtTimes where row.isBeyondLastTime {
                    beyond.insert(String(format: "%g", row.time))
                }
            }
        }
        var warnings = regression.warnings
        if !beyond.isEmpty {
            warnings.append(
                "--times \(beyond.sorted().joined(separator: ", ")) lie(s) beyond the last follow-up time of a stratum; "
                    + "the Cox curve is carried forward from its last time there (R's summary(survfit) would drop these times)")
        }
        let numeric = Set(profiles.columns.filter { design.coding.factorLevels[$0] == nil })
        let result = PredictionResult(
            regression: regression, profiles: rows, times: times, tau: tau, tauExplanation: tauExplanation,
            numericColumns: numeric)
        return (result, warnings)
    }
}
