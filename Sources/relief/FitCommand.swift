import Analysis
import ArgumentParser

/// `relief fit MODEL FILE --formula ...`: Cox or parametric AFT regression (R's coxph, survreg).
struct FitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fit",
        abstract: "Cox or parametric AFT regression of relief duration on dose, frequency and other covariates.",
        discussion: """
            MODEL aft takes --dist NAME (default weibull) or --dist all (the four families ranked by AIC); \
            emax and sigemax (the one-step Emax dose-response AFT) take --dose COLUMN, --formula for the \
            other covariates and --dist. --formula is the \
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

    @OptionGroup(title: "Model") var formula: FormulaOptions
    @OptionGroup(title: "Cox") var cox: CoxOptions

    @Option(
        help: ArgumentHelp(
            "Distribution of `relief fit aft`, `emax` and `sigemax`: exponential, weibull (default), lognormal, loglogistic, or all (aft: compare by AIC).",
            valueName: "name"))
    var dist: DistributionOption?

    @Option(help: ArgumentHelp("Dose column of `relief fit emax|sigemax` (default dose_mg_kg).", valueName: "column"))
    var dose: String?

    @OptionGroup var input: InputOptions
    @OptionGroup(title: "Output") var output: OutputOptions

    func validate() throws {
        try Self.check(model: model, cox: cox, dist: dist)
        if !model.needsDose, dose != nil { throw ValidationError("--dose applies to `relief fit emax` and `relief fit sigemax`") }
    }

    func run() throws {
        try ReliefFailure.run {
            let source = try input.source()
            let specification = try formula.specification(cox: cox, dist: dist)
            var numberOptions = formula.provenanceOptions(model: model, cox: cox, dist: dist)
            let request: any AnalysisRequest
            if model.needsDose {
                numberOptions.append(("dose", dose ?? "dose_mg_kg"))
                request = try EmaxFitRequest(
                    source: source, model: model, doseColumn: dose ?? "dose_mg_kg", specification: specification)
            } else {
                request = try FitRequest(source: source, model: model, specification: specification)
            }
            try CommandRun(output: output, input: input, numberOptions: numberOptions)(request)
        }
    }

    /// Checks the options that depend on the model: `--ties` is Cox's, `--dist` the `aft` and Emax models'.
    static func check(model: ModelName, cox: CoxOptions, dist: DistributionOption?) throws {
        let options = ModelSpecification(
            formula: "", ties: cox.ties, distribution: dist?.distribution, comparesDistributions: dist == .all)
        try ValidationError.from { try options.check(for: model) }
    }
}
