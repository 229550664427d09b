import Analysis
import ArgumentParser
import Survival

/// `relief compare FILE --by COLUMN`: each group against a reference group.
struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Each group against a reference: RMST and survival differences, median difference, hazard ratio.",
        discussion: """
            For each level of --by against --reference (default: the first level): the restricted mean \
            relief difference and ratio to --tau (default: the largest time every group still has someone \
            at risk), the difference in the chance of still being in relief at each of --times, the median \
            difference (percentile bootstrap, --boot replicates, seeded), and the Cox hazard ratio, each \
            with SE, CI and p. Greenwood variances as R's survfit; the hazard ratio as coxph(Surv ~ group). \
            --adjust adds each group's covariate-adjusted curve (g-computation: the --model fit's predictions \
            averaged over every row with the group set to that level) and the adjusted differences. --strata COL: \
            stratum-size-weighted (n_s / n) within-stratum differences, coxph(... + strata(COL)), no median difference.

            \(ReliefFailure.exitCodeHelp)
            """)

    @OptionGroup var km: KaplanMeierInputOptions
    @OptionGroup(title: "Estimates") var estimation: EstimationOptions
    @Option(help: ArgumentHelp("The reference level of --by (default: the first level).", valueName: "level"))
    var reference: String?
    @Option(help: ArgumentHelp("Bootstrap replicates of the median difference (0 for none).", valueName: "n"))
    var boot = 1_000
    @Option(help: "Seed of the bootstrap.") var seed: UInt64 = 1
    @Option(help: ArgumentHelp("Covariates for adjusted (standardised) curves, e.g. \"baseline_pain + condition\".", valueName: "terms"))
    var adjust: String?
    @Option(help: ArgumentHelp("Model of the adjusted curves: weibull (default), cox, exponential, lognormal or loglogistic.", valueName: "model"))
    var model = ModelName.weibull
    @OptionGroup(title: "Output") var output: OutputOptions<CompareRequest>

    func run() throws {
        let (unit, times) = (km.input.columns.timeUnit, try estimation.parsedTimes(unit: km.input.columns.timeUnit))
        let comparison = KaplanMeierComparison(
            reference: reference, tau: estimation.tau, times: times.times, bootstrapReplicates: boot, seed: seed,
            kaplanMeier: km.confidence.kaplanMeier)
        var request = try CompareRequest(
            source: try km.input.source(grouping: km.grouping), comparison: comparison, adjust: adjust, adjustModel: model)
        request.landmarks = times.rule
        let numbers = km.confidence.kaplanMeier.provenanceOptions + estimation.provenanceOptions(unit: unit) + request.provenanceOptions
        try CommandRun(output: output, input: km.input, grouping: km.grouping, numberOptions: numbers)(request)
    }
}
