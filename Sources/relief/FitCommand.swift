import Analysis
import ArgumentParser
import Regression

/// `relief fit MODEL FILE --formula ...`: Cox or parametric AFT regression (R's coxph, survreg).
struct FitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fit",
        abstract: "Cox or parametric AFT regression of relief duration on dose, frequency and other covariates.",
        discussion: """
            MODEL aft takes --dist NAME (default weibull) or --dist all (the four families ranked by AIC); \
            emax and sigemax (the one-step Emax dose-response AFT) take --dose COLUMN, --formula for the \
            other covariates and --dist. --formula is the right-hand side of an R formula; text columns become \
            factors (reference = first level in byte order, or --ref column=level). --cluster (or cluster(col) \
            in the formula) gives robust standard errors clustered by patient; frailty(col) fits a shared \
            frailty per patient: for cox R's coxph + frailty(), for weibull, lognormal and loglogistic a normal \
            random intercept on log time (marginal likelihood, adaptive Gauss-Hermite quadrature), for weibull \
            also a gamma frailty (--frailty-distribution gamma; closed-form marginal likelihood).

            Cox output: coefficients with hazard ratios (above 1 = relief ends sooner), robust SEs, \
            likelihood-ratio, Wald and score tests, concordance, and the proportional-hazards test \
            (cox.zph). AFT output: coefficients with time ratios (a positive coefficient = longer \
            relief), scale, AIC, BIC, and for the Weibull the hazard ratios. Every model: per-term tests \
            (Wald, and likelihood ratio against the model refitted without the term, as R's drop1). R's \
            survival package is the numerical reference.

            \(ReliefFailure.exitCodeHelp)
            """)

    @OptionGroup var model: RegressionModelOptions
    @Option(
        help: ArgumentHelp(
            "Distribution of aft, emax and sigemax: exponential, weibull (default), lognormal, loglogistic, or all (aft: compare by AIC).",
            valueName: "name"))
    var dist: DistributionOption?
    @Option(help: ArgumentHelp("Per-term tests: lr (Wald and likelihood ratio; one refit per term; default except emax/sigemax), wald, or none.", valueName: "tests"))
    var termTests: TermTestMode?
    @Option(help: ArgumentHelp("weibull, lognormal, loglogistic with frailty(id): Gauss-Hermite nodes per patient (default 9; 1 = Laplace).", valueName: "n")) var quadratureNodes: Int?
    @OptionGroup var input: InputOptions<AllColumns>
    @OptionGroup(title: "Output") var output: OutputOptions<FitRequest>

    func validate() throws { try model.check(dist: dist) }

    func run() throws {
        let source = try input.source()
        var specification = try model.formula.specification(cox: model.cox, dist: dist)
        (specification.termTests, specification.quadratureNodes) = (termTests, quadratureNodes)
        let request = try FitRequest.fitting(model.model, source: source, doseColumn: model.doseColumn, specification: specification)
        try CommandRun(output: output, input: input, numberOptions: model.provenanceOptions(specification))(request)
    }
}
