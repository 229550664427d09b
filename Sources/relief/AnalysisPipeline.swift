import DataIO
import Foundation
import Reporting

/// The steps `relief summary` and `relief curves` share: read the CSV, fit the summary, report
/// warnings on stderr, write the rendered output to stdout or atomically to `-o`.
struct AnalysisPipeline {
    var file: String
    var columns: ColumnOptions
    var csv: CSVOptions
    var output: OutputOptions
    /// Further options that change numbers (confidence, times, tau), for the provenance.
    var numberOptions: [(String, String)]
    /// Columns a model reads besides time and event (`ColumnRoles.covariates`); empty for summaries.
    var covariates: [String] = []

    /// Runs the whole command: read, fit, render, write (atomically), then the warnings on stderr.
    ///
    /// With `--timings` each stage's wall time goes to stderr (see ``StageTimer``).
    /// - Parameters:
    ///   - fit: Computes the result and its warnings from the dataset.
    ///   - render: Renders the result; it must not compute statistics.
    func run<Result>(
        fit: (SurvivalDataset) throws -> (result: Result, warnings: [String]),
        render: (Result, ReportInput, Provenance, [String]) -> String
    ) throws {
        var timer = StageTimer(isEnabled: output.timings)
        let dataset = try read()
        timer.lap("read", bytes: dataset.source.byteCount)
        let fitted = try fit(dataset)
        timer.lap("fit")
        let warnings = inputWarnings(dataset: dataset) + fitted.warnings
        let text = render(fitted.result, ReportInput(dataset), provenance(dataset: dataset), warnings)
        timer.lap("render")
        try write(text)
        timer.lap("write")
        report(warnings: warnings)
    }

    /// Reads the dataset.
    func read() throws -> SurvivalDataset {
        var roles = try columns.roles(skipInvalid: csv.skipInvalid)
        roles.covariates = covariates
        return try SurvivalDatasetReader(dialect: csv.dialect, roles: roles).read(path: file)
    }

    /// The provenance of this run.
    func provenance(dataset: SurvivalDataset) -> Provenance {
        let pairs = columns.provenanceOptions() + csv.provenanceOptions() + numberOptions
        return Provenance(
            file: file, sha256: dataset.source.sha256, command: CommandLineText.current(), version: ReliefVersion.string,
            options: pairs.map { Provenance.Option(name: $0.0, value: $0.1) })
    }

    /// Warnings about the input (exclusions), to print before the result's warnings.
    func inputWarnings(dataset: SurvivalDataset) -> [String] {
        guard !dataset.exclusions.isEmpty else { return [] }
        let missing = dataset.exclusions.filter(\.isMissing).count
        let invalid = dataset.exclusions.count - missing
        var parts: [String] = []
        if missing > 0 { parts.append("\(missing) with a missing value") }
        if invalid > 0 { parts.append("\(invalid) invalid") }
        var warnings = [
            "\(dataset.exclusions.count) of \(dataset.source.rowsRead) rows excluded (\(parts.joined(separator: ", "))); the output lists each one"
        ]
        if dataset.exclusions.count * 2 > dataset.source.rowsRead {
            warnings.append(
                "more than half of the rows were excluded: check the reading options (--delimiter, --decimal-comma, "
                    + "--missing, --event-codes) against the first exclusions")
        }
        return warnings
    }

    /// Prints warnings on stderr.
    func report(warnings: [String]) {
        for warning in warnings { StandardError.warning(warning) }
    }

    /// Writes `text` to `-o` atomically (refusing the input path) or to stdout.
    func write(_ rendered: String) throws {
        let text = rendered.hasSuffix("\n") ? rendered : rendered + "\n"
        if let path = output.output {
            try AtomicFileWriter(protectedPaths: [file]).write(text, to: path)
        } else {
            FileHandle.standardOutput.write(Data(text.utf8))
        }
    }
}
