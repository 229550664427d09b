import Analysis
import ArgumentParser
import Regression

/// `relief predict MODEL FILE --formula ... --at col=v,v`: predictions for covariate profiles.
struct PredictCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "predict",
        abstract: "Predicted relief curves, median relief and restricted mean for covariate profiles.",
        discussion: """
            Fits MODEL (cox, exponential, weibull, lognormal, loglogistic, aft --dist NAME, emax or \
            sigemax) as `relief fit` does, then predicts for each profile: every formula column (and the \
            dose of emax and sigemax) must get a value with --at (there is no default "mean patient"); \
            several values per --at and several --at options give their cross (the dose slowest). Reported \
            per profile: the probability that relief is still ongoing at --times, the median relief time, \
            and the restricted mean relief time to --tau (default: the largest --times value), each with a \
            delta-method confidence interval.

            For cox the curve is R's survfit(coxph_fit, newdata = profile): the baseline cumulative hazard \
            (Efron-adjusted for --ties efron) times the profile's relative risk, with a log-type interval \
            whose standard error includes the uncertainty of the coefficients. With strata(col) in the \
            formula each stratum has its own baseline, so give the stratum too, e.g. --at site=S01. With frailty(col), the \
            curve of --patient ID (their estimated frailty from their episodes), else of a new patient (the population curve).

            \(ReliefFailure.exitCodeHelp)
            """)

    @OptionGroup var model: RegressionModelOptions

    @Option(help: ArgumentHelp("Distribution of aft, emax and sigemax: exponential, weibull (default), lognormal or loglogistic.", valueName: "name"))
    var dist: FamilyOption?

    @Option(name: .customLong("at"), help: ArgumentHelp("Values of one formula column (or the dose of emax and sigemax) for the profiles, e.g. dose_mg_kg=0.5,1.0 or condition=CRPS. Repeat for every column the formula uses.", valueName: "column=v,v"))
    var at: [String] = []
    @Option(help: ArgumentHelp("With frailty(col) in the formula: the patient (a value of col) whose own curve to predict; default the population curve.", valueName: "id"))
    var patient: String?

    @OptionGroup(title: "Estimates") var estimation: EstimationOptions

    @OptionGroup var input: InputOptions<AllColumns>
    @OptionGroup(title: "Output") var output: OutputOptions<PredictRequest>

    func validate() throws { try model.check(dist: dist?.dist) }

    func run() throws {
        let (unit, times) = (input.columns.timeUnit, try estimation.parsedTimes(unit: input.columns.timeUnit))
        var request = try PredictRequest(
            source: try input.source(), model: model.model, specification: try model.formula.specification(cox: model.cox, dist: dist?.dist),
            settings: try ProfileSetting.parse(at), times: times.times, tau: estimation.tau, doseColumn: model.doseColumn,
            patient: patient)
        request.landmarks = times.rule
        let numberOptions = request.provenanceOptions(
            references: model.formula.ref, at: at, times: LandmarkTimes.provenanceText(estimation.times, unit: unit))
        try CommandRun(output: output, input: input, numberOptions: numberOptions)(request)
    }
}
