import Analysis
import CMemoryPolicy
import DataIO
import Foundation
import Reporting

/// The steps every data command shares once its request is built: run it (read, compute), render it in
/// `--format`, write it to stdout or atomically to `-o` (never over the input), then print the warnings
/// on stderr (unless stdout and stderr are one terminal, where the output already shows them). With `--timings` each stage's wall time goes to stderr (see Analysis' ``StageTimer``).
struct CommandRun {
    var format: OutputFormat, path: String?, timings: Bool
    /// The command line and the options that change numbers, for the provenance.
    var record: RunRecord

    /// Creates the run of a command whose options are `input` (and `grouping`) and `numberOptions`.
    init<R>(output: OutputOptions<R>, input: InputOptions<some ColumnSupport>, grouping: GroupingOptions? = nil, numberOptions: [(String, String)]) throws {
        (format, path, timings) = (output.format.format, output.output, output.timings)
        self.record = RunRecord(
            command: CommandLineText.current(), options: try input.provenanceOptions(grouping: grouping) + numberOptions)
    }

    /// Runs, renders and writes `request`.
    func callAsFunction(_ request: some AnalysisRequest) throws {
        try request.check(format: format)
        var timer = StageTimer(report: timings ? StandardError.write : nil)
        let result = try request.run(record: record) { name, bytes in
            timer.lap(name, bytes: bytes)
            if name == "read" { _ = relief_trim_free_memory() }  // what the parse threads freed goes back (README, Speed)
        }
        let text = result.rendered(format)
        timer.lap("render")
        if let path {
            try AtomicFileWriter(protectedPaths: [request.source.path]).write(text, to: path)
        } else {
            FileHandle.standardOutput.write(Data(text.utf8))
        }
        timer.lap("write")
        // Once per screen: when stdout and stderr are the same terminal the output already shows them.
        let onScreen = path == nil && isatty(1) != 0 && isatty(2) != 0
        for warning in result.warnings where !onScreen { StandardError.warning(warning) }
    }

    /// The steps of the commands that make a data file (episodes, split): write it atomically to `output`
    /// (never over the input) or to stdout, in pieces, then the warnings and the one-line summary on stderr.
    static func write(_ result: some DataFileResult, to output: String?) throws {
        if let output {
            try result.write(to: output)
        } else {
            result.writeCSV { piece in FileHandle.standardOutput.write(Data(piece)) }
        }
        for warning in result.warnings { StandardError.warning(warning) }
        StandardError.write(result.summaryLine(destination: output ?? "stdout"))
    }
}
