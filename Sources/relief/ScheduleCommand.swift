import Analysis
import ArgumentParser

/// `relief schedule FILE --model ... --doses ...`: relief coverage by dose and infusion interval.
struct ScheduleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schedule",
        abstract: "At each dose, how often to infuse to keep the patient in relief (coverage = RMST(I)/I).",
        discussion: """
            Fits --model with --formula, which must use the --dose-column and --interval-column; every \
            other formula column is held at one value given with --at (there is no default "mean \
            patient"). For each dose in --doses and interval I in --intervals it \
            reports the relief coverage E[min(T, I)]/I = RMST(I)/I, the expected fraction of days in \
            relief when infusions repeat every I days, with a delta-method confidence interval (logit \
            scale), and per dose the longest interval with coverage >= --target: on the grid, solved \
            between grid points, and conservatively (lower limit >= target).

            Assumptions (stated in the output): each infusion restarts relief; relief past the next \
            infusion counts only up to it; the interval enters the model as a covariate.

            \(ReliefFailure.exitCodeHelp)
            """)

    @Option(name: .customLong("model"), help: ArgumentHelp("The relief model: exponential, weibull (default), lognormal, loglogistic, or emax / sigemax (one-step Emax AFT, family from --dist).", valueName: "model"))
    var modelOption: ScheduleModelOption = .weibull
    @Option(name: .customLong("dist"), help: ArgumentHelp("Error distribution of --model emax or sigemax: exponential, weibull (default), lognormal or loglogistic.", valueName: "name"))
    var family: FamilyOption?
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
    @Option(name: .customLong("at"), help: ArgumentHelp("The value at which to hold another formula column, e.g. baseline_pain=6 or condition=CRPS. Repeat for every such column.", valueName: "column=value"))
    var at: [String] = []
    @Option(help: ArgumentHelp("With frailty(col) in the formula: the patient (a value of col) whose own schedule to compute; default a new patient.", valueName: "id"))
    var patient: String?
    @Flag(inversion: .prefixedNo, help: "Solve the crossing interval between grid points (bisection on the fitted curve).")
    var solve = true

    @OptionGroup(title: "Model") var formula: FormulaOptions
    @OptionGroup var input: InputOptions<AllColumns>
    @OptionGroup(title: "Output") var output: OutputOptions<ScheduleRequest>

    func validate() throws {
        try ValidationError.from { try ScheduleRequest.check(target: target, model: modelOption.model, distribution: family?.dist.distribution) }
        _ = try ValidationError.from { try ScheduleRequest.grid(doses: doses, intervals: intervals) }
    }

    func run() throws {
        var request = try ScheduleRequest(
            source: try input.source(), model: modelOption.model, specification: try formula.specification(dist: family?.dist),
            doses: doses, intervals: intervals, target: target, doseColumn: doseColumn, intervalColumn: intervalColumn, at: at,
            solvesContinuously: solve)
        request.patient = patient
        let numberOptions = request.provenanceOptions(references: formula.ref, doses: doses, intervals: intervals, at: at)
        try CommandRun(output: output, input: input, numberOptions: numberOptions)(request)
    }
}
