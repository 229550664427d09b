import ArgumentParser
import Reporting

/// Options for the output: `--format` and `-o/--output`.
struct OutputOptions: ParsableArguments {
    @Option(help: "Output format: table, markdown, csv or json.")
    var format: OutputFormat = .table

    @Option(name: [.short, .customLong("output")], help: ArgumentHelp("Write to this file (atomically) instead of stdout.", valueName: "file"))
    var output: String?

    @Flag(help: "Report the wall time of each stage (read, fit, render, write) on stderr.")
    var timings = false

    mutating func validate() throws {
        if let output, output.isEmpty { throw ValidationError("-o needs a file name") }
    }
}
