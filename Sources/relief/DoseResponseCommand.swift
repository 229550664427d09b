import Analysis
import ArgumentParser
import DoseResponse

/// `relief dose-response FILE`: the two-stage dose-response analysis of R's DoseFinding.
struct DoseResponseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dose-response",
        abstract: "Two-stage dose-response of relief (DoseFinding's emax, sigEmax, linear, linlog, quadratic, exponential).",
        discussion: """
            Stage 1: per dose level (the distinct values of --dose, after rounding to multiples of \
            --dose-step when given) the Kaplan-Meier median relief days (--summary median, default), the \
            restricted mean to --tau (--summary rmst), or the Cox log hazard ratio against the lowest dose \
            (--summary cox), with its variance. Stage 2: each model of --models fitted to those points by \
            generalised least squares with the stage-1 covariance (--type general, as DoseFinding \
            fitMod(type = "general")), or by ordinary least squares (--type normal). With --response COL \
            the models are fitted to a raw continuous response, one row per observation (type normal); \
            the file then needs no time or event column.

            Reported: parameters with SEs (DoseFinding's names), RSS, log-likelihood, AIC and AIC \
            weights, ED50 and ED90 with delta-method intervals, the target dose for --target-gain, and the \
            fitted curves (in --format json).

            \(ReliefFailure.exitCodeHelp)
            """)

    @Option(help: ArgumentHelp("The dose column.", valueName: "column"))
    var dose = "dose_mg_kg"

    @Option(help: ArgumentHelp("Dose models, comma-separated: emax, sigemax, linear, linlog, quadratic, exponential.", valueName: "m,m,..."))
    var models = "emax,sigemax,linear,linlog,quadratic,exponential"

    @Option(help: ArgumentHelp("Stage-1 summary: median (KM median days), rmst (restricted mean to --tau) or cox (log HR vs lowest dose).", valueName: "name"))
    var summary: StageOneSummaryOption = .median

    @Option(help: "Horizon of the restricted mean (--summary rmst).")
    var tau: Double?

    @Option(help: ArgumentHelp("general (GLS with the stage-1 covariance; default) or normal (OLS).", valueName: "type"))
    var type: DoseResponseFit.FitType?

    @Option(help: ArgumentHelp("Fit a raw continuous response column instead of stage-1 summaries (type normal).", valueName: "column"))
    var response: String?

    @Option(help: ArgumentHelp("Round doses to multiples of this step before stage 1 (continuous doses become levels).", valueName: "step"))
    var doseStep: Double?

    @Option(help: ArgumentHelp("Wanted gain in the response over dose 0 for the target dose, e.g. 5 (days).", valueName: "gain"))
    var targetGain: Double?

    @Option(help: "Confidence level of the intervals, between 0 and 1.")
    var confLevel = 0.95

    @OptionGroup var input: InputOptions<AllColumns>
    @OptionGroup(title: "Output") var output: OutputOptions<DoseResponseRequest>

    func validate() throws {
        _ = try ValidationError.from { try request() }
    }

    /// The request of these options (checked, nothing read yet).
    func request() throws -> DoseResponseRequest {
        try DoseResponseRequest(
            source: try input.source(), doseColumn: dose, models: models, summary: summary.rawValue, tau: tau, type: type,
            responseColumn: response, doseStep: doseStep, targetGain: targetGain, confidenceLevel: confLevel)
    }

    func run() throws {
        let request = try request()
        try CommandRun(output: output, input: input, numberOptions: request.provenanceOptions(models: models))(request)
    }
}
