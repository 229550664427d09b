import Analysis
import ArgumentParser

/// Options for the output: `--format` (its help lists the formats `Request` renders) and `-o/--output`.
struct OutputOptions<Request: AnalysisRequest>: ParsableArguments {
    @Option(help: ArgumentHelp(Request.formatHelp))
    var format = FormatChoice<Request>()
    @Option(name: [.short, .customLong("output")], help: ArgumentHelp("Write to this file (atomically) instead of stdout.", valueName: "file"))
    var output: String?
    @Flag(help: "Report the wall time of each stage (read, fit, render, write) on stderr.")
    var timings = false

    mutating func validate() throws {
        if let output, output.isEmpty { throw ValidationError("-o needs a file name") }
    }
}
