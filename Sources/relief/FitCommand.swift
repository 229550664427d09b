import Analysis
import ArgumentParser

/// `relief fit MODEL FILE --formula ...`: Cox proportional-hazards or parametric AFT regression of the
/// relief duration on covariates, matching R's `coxph`, `cox.zph` and `survreg`.
struct FitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fit",
        abstract: "Cox or parametric AFT regression of relief duration on dose, frequency and other covariates.",
        discussion: """
            MODEL is cox, exponential, weibull, lognormal, loglogistic, or aft (with --dist NAME, default \
            weibull, or --dist all to fit the four families and rank them by AIC), or emax / sigemax (the \
            one-step Emax dose-response AFT: --dose COLUMN, --formula for the other covariates, --dist). --formula is the \
            right-hand side of an R formula; text columns become factors (reference = first level in \
            byte order, or --ref column=level). --cluster (or cluster(col) in the formula) gives robust \
            standard errors clustered by patient.

            Cox output: coefficients with hazard ratios (above 1 = relief ends sooner), robust SEs, \
            likelihood-ratio, Wald and score tests, concordance, and the proportional-hazards test \
            (cox.zph). AFT output: coefficients with time ratios (a positive coefficient = longer \
            relief), scale, AIC, BIC, and for the Weibull the hazard ratios. R's survival package is the \
            numerical reference.

            \(ReliefFailure.exitCodeHelp)
            """)

    @Argument(help: ArgumentHelp("cox, exponential, weibull, lognormal, loglogistic, aft, emax or sigemax.", valueName: "model"))
    var model: ModelName

    @Argument(help: ArgumentHelp("The CSV file of episodes.", valueName: "file"))
    var file: String

    @OptionGroup(title: "Model") var modelOptions: ModelOptions

    @Option(help: ArgumentHelp("Dose column of `relief fit emax|sigemax` (default dose_mg_kg).", valueName: "column"))
    var dose: String?

    @OptionGroup(title: "Columns") var columns: ColumnOptions
    @OptionGroup(title: "Reading the CSV") var csv: CSVOptions
    @OptionGroup(title: "Output") var output: OutputOptions

    func validate() throws {
        if file.isEmpty { throw ValidationError("give the CSV file to read") }
        try modelOptions.check(model: model)
        try Self.rejectGrouping(columns)
        if !model.isEmax, dose != nil { throw ValidationError("--dose applies to `relief fit emax` and `relief fit sigemax`") }
    }

    func run() throws {
        try ReliefFailure.run {
            let source = try DataSource(file: file, columns: columns, csv: csv)
            let specification = try modelOptions.specification()
            var numberOptions = modelOptions.provenanceOptions(model: model)
            if model.isEmax {
                let doseColumn = dose ?? "dose_mg_kg"
                numberOptions.append(("dose", doseColumn))
                let request = try EmaxFitRequest(source: source, model: model, doseColumn: doseColumn, specification: specification)
                return try CommandRun(output: output, columns: columns, csv: csv, numberOptions: numberOptions)(request)
            }
            let request = try FitRequest(source: source, model: model, specification: specification)
            try CommandRun(output: output, columns: columns, csv: csv, numberOptions: numberOptions)(request)
        }
    }

    /// The grouping options of `relief summary` mean nothing to a model: terms go in the formula.
    static func rejectGrouping(_ columns: ColumnOptions) throws {
        if !columns.by.isEmpty {
            throw ValidationError("--by does not apply to models; put \(columns.by.joined(separator: ", ")) in --formula")
        }
        if let strata = columns.strata {
            throw ValidationError("--strata does not apply here; write strata(\(strata)) in the --formula of a cox model")
        }
        if !columns.band.isEmpty || !columns.order.isEmpty {
            throw ValidationError("--band and --order do not apply to models; use the column in --formula (--ref sets a factor's reference level)")
        }
    }
}
