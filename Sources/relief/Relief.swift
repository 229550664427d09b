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
        subcommands: [SummaryCommand.self, CompareCommand.self, CurvesCommand.self, SimulateCommand.self, FitCommand.self,
            PredictCommand.self, ScheduleCommand.self, DoseResponseCommand.self, ReportCommand.self, EpisodesCommand.self,
            SplitCommand.self]
    )

    /// Removes the temporary output files on SIGINT/SIGTERM, then parses and runs the command (its
    /// failures become messages and exit codes in one place, ``ReliefFailure/run(_:)``); the parser's
    /// messages (which echo the command line) reach stderr with control characters escaped.
    static func main() {
        TemporaryFiles.removeOnInterrupt()
        do {
            var command = try parseAsRoot()
            try ReliefFailure.run { try command.run() }
        } catch {
            let code = exitCode(for: error), message = fullMessage(for: error)
            guard code != .success, !message.isEmpty else { exit(withError: error) }
            for line in message.split(separator: "\n", omittingEmptySubsequences: false) { StandardError.write(String(line)) }
            exit(withError: ExitCode(code.rawValue))
        }
    }
}
