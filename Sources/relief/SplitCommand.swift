import Analysis
import ArgumentParser
import DataIO

/// `relief split FILE --cut 7,14,28`: each row's follow-up cut at given times (R's survSplit), as CSV.
struct SplitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "split",
        abstract: "Cut each row's follow-up at given times, for time-varying effects or piecewise analyses (R's survSplit; as CSV).",
        discussion: """
            A row (start, stop] (start 0, or the --start column) is cut at every --cut time strictly inside \
            it. Columns: every other column as read, then the start (tstart, or the --start column's name), \
            the stop (the --time column's name), the event (only a row's last piece keeps it; the others \
            0) and episode (1 + the number of cuts at or before the piece's start). Rows stay in input \
            order, each row's pieces in time order. The other commands read the file with --start tstart.

            \(ReliefFailure.exitCodeHelp)
            """)

    @Argument(help: ArgumentHelp("The CSV file, one row per episode or (start, stop] interval.", valueName: "file"))
    var file: String

    @Option(help: ArgumentHelp("Cut times, comma-separated and increasing, e.g. 7,14,28.", valueName: "t,t,..."))
    var cut: String

    @Option(help: ArgumentHelp("Name of the pieces' start column (default tstart, or the --start column's).", valueName: "name"))
    var startName: String?

    @Option(help: ArgumentHelp("Name of the pieces' interval number column.", valueName: "name"))
    var episodeName = "episode"

    @Option(name: [.short, .customLong("output")], help: ArgumentHelp("Write the CSV to this file (atomically) instead of stdout.", valueName: "file"))
    var output: String?

    @OptionGroup(title: "Columns") var columns: ColumnOptions<NoPatient>
    @OptionGroup(title: "Reading the CSV") var csv: CSVOptions

    func run() throws {
        let split = try SurvivalSplit(cuts: SurvivalSplit.cuts(parsing: cut), startName: startName, episodeName: episodeName)
        let request = SplitRequest(path: file, dialect: csv.dialect, roles: try columns.roles(skipInvalid: csv.skipInvalid), split: split)
        try CommandRun.write(try request.run(), to: output)
    }
}
