import Analysis
import ArgumentParser

/// The input of a data command: the CSV file, its column roles (listed as `Support` says) and how to read it.
struct InputOptions<Support: ColumnSupport>: ParsableArguments {
    @Argument(help: ArgumentHelp("The CSV file of episodes.", valueName: "file"))
    var file: String

    @OptionGroup(title: "Columns") var columns: ColumnOptions<Support>
    @OptionGroup(title: "Reading the CSV") var csv: CSVOptions

    /// The data source, with the groups of `grouping` where the command has them.
    /// - Throws: `ValidationError` for a malformed `--band`, `--order` or `--event-codes`.
    func source(grouping: GroupingOptions? = nil) throws -> DataSource {
        DataSource(
            path: file, dialect: csv.dialect, roles: try columns.roles(grouping: grouping, skipInvalid: csv.skipInvalid),
            wording: try ValidationError.from { try .checked(timeUnit: columns.timeUnit, outcome: columns.outcomeLabel) })
    }

    /// The options that change numbers, for the provenance: columns (and groups), then reading
    /// (``DataSource/provenanceOptions(band:order:eventCodes:missing:delimiter:)``).
    func provenanceOptions(grouping: GroupingOptions? = nil) throws -> [(String, String)] {
        try source(grouping: grouping).provenanceOptions(
            band: grouping?.band ?? [], order: grouping?.order ?? [], eventCodes: columns.eventCodes, missing: csv.missing,
            delimiter: csv.delimiter?.optionSpelling)
    }
}
