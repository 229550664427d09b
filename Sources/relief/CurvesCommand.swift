import Analysis
import ArgumentParser
import Survival

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

    @Argument(help: ArgumentHelp("The CSV file of episodes.", valueName: "file"))
    var file: String

    @OptionGroup(title: "Columns") var columns: ColumnOptions
    @OptionGroup(title: "Groups") var grouping: GroupingOptions
    @OptionGroup(title: "Reading the CSV") var csv: CSVOptions
    @OptionGroup(title: "Confidence intervals") var confidence: ConfidenceOptions
    @OptionGroup(title: "Output") var output: OutputOptions


    func run() throws {
        try ReliefFailure.run {
            let request = CurvesRequest(
                source: try DataSource(file: file, columns: columns, grouping: grouping, csv: csv), kaplanMeier: confidence.kaplanMeier)
            try CommandRun(output: output, columns: columns, grouping: grouping, csv: csv, numberOptions: confidence.provenanceOptions())(request)
        }
    }
}
