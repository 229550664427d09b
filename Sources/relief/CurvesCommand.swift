import Analysis
import ArgumentParser

/// `relief curves FILE`: the Kaplan–Meier (or Nelson–Aalen) step functions with confidence intervals.
struct CurvesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "curves",
        abstract: "Kaplan–Meier step functions with confidence intervals, one row per time per group.",
        discussion: """
            Columns: the group columns, time, n_risk, n_event, n_censor, estimate (S(t)), std_error \
            (SE of S(t), Greenwood), lower, upper. Use --format csv for a file to plot, --format svg \
            (or html) for the Kaplan–Meier figure: step curves, pointwise bands, censoring marks and the \
            numbers at risk. --estimator nelson-aalen gives cumulative_hazard, std_error (its SE, R's \
            survfit(ctype = 1)), survival (exp(-H)), lower and upper instead (table, markdown, csv, json).

            \(ReliefFailure.exitCodeHelp)
            """)

    @OptionGroup var km: KaplanMeierInputOptions
    @Option(help: "Estimator: kaplan-meier (S(t), the default) or nelson-aalen (cumulative hazard H(t) and exp(-H)).")
    var estimator = CurvesEstimator.kaplanMeier
    @OptionGroup(title: "Output") var output: OutputOptions<CurvesRequest>

    func run() throws {
        let request = estimator.request(source: try km.input.source(grouping: km.grouping), kaplanMeier: km.confidence.kaplanMeier)
        try CommandRun(output: output, input: km.input, grouping: km.grouping, numberOptions: km.confidence.kaplanMeier.provenanceOptions + estimator.provenanceOptions)(request)
    }
}

extension CurvesEstimator: ExpressibleByArgument {}
