import Analysis
import ArgumentParser

/// `relief curves FILE`: the Kaplan–Meier step functions with confidence intervals.
struct CurvesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "curves",
        abstract: "Kaplan–Meier step functions with confidence intervals, one row per time per group.",
        discussion: """
            Columns: the group columns, time, n_risk, n_event, n_censor, estimate (S(t)), std_error \
            (SE of S(t), Greenwood), lower, upper. Use --format csv for a file to plot.

            \(ReliefFailure.exitCodeHelp)
            """)

    @OptionGroup var km: KaplanMeierInputOptions
    @OptionGroup(title: "Output") var output: OutputOptions

    func run() throws {
        let request = CurvesRequest(source: try km.input.source(grouping: km.grouping), kaplanMeier: km.confidence.kaplanMeier)
        try CommandRun(output: output, input: km.input, grouping: km.grouping, numberOptions: km.confidence.kaplanMeier.provenanceOptions)(request)
    }
}
