import Analysis
import ArgumentParser
import DataIO

/// The `relief` command: configuration only; the work is in the subcommands.
@main
struct Relief: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "relief",
        abstract: "Relief-duration curves by dose level and treatment frequency.",
        version: ReliefVersion.string,
        subcommands: [SummaryCommand.self, CurvesCommand.self, SimulateCommand.self, FitCommand.self, PredictCommand.self,
            ScheduleCommand.self,
            DoseResponseCommand.self, ReportCommand.self,
        ]
    )

    /// Removes the temporary output files on SIGINT/SIGTERM, then parses and runs the command.
    static func main() {
        TemporaryFiles.removeOnInterrupt()
        main(nil)
    }
}
