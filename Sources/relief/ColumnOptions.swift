import Analysis
import ArgumentParser
import DataIO
import Reporting

extension TimeUnit: ExpressibleByArgument {}

/// Options naming the columns and how they are coded: `--time`, `--start`, `--event`, `--id`, `--event-codes`
/// (`--start` and `--id` listed as `Support` says).
struct ColumnOptions<Support: ColumnSupport>: ParsableArguments {
    @Option(help: "Column holding the relief duration (days).")
    var time = "relief_days"

    @Option(help: ArgumentHelp("Unit of the time columns, named in every header and axis (times are not converted).", valueName: "unit"))
    var timeUnit = TimeUnit.days
    @Option(help: ArgumentHelp("What the outcome is called in the output, e.g. response.", valueName: "word")) var outcomeLabel = "relief"

    @Option(help: ArgumentHelp("Column holding the entry time of (start, stop] rows (delayed entry, time-varying covariates; R's Surv(start, stop, event)); --time is then the stop time.", valueName: "column", visibility: Support.start))
    var start: String?

    @Option(help: "Column holding the event indicator: 1 = relief ended, 0 = censored.")
    var event = "relief_ended"

    @Option(help: ArgumentHelp("Column identifying the patient (use --id '' for none).", visibility: Support.id))
    var id = ColumnRoles.defaultID

    @Option(
        parsing: .upToNextOption,
        help: ArgumentHelp(
            "Map other event codings explicitly, e.g. --event-codes ended=yes censored=no (comma-separate several tokens; give the file before this option).",
            valueName: "ended=token censored=token"))
    var eventCodes: [String] = []

    mutating func validate() throws {
        (_, _) = (try roles(skipInvalid: false), try ValidationError.from { try OutcomeWording.checked(timeUnit: timeUnit, outcome: outcomeLabel) })
    }

    /// The column roles for the reader, with the groups of `grouping` when the command has them.
    func roles(grouping: GroupingOptions? = nil, skipInvalid: Bool) throws -> ColumnRoles {
        if Support.id == .private, id != ColumnRoles.defaultID { throw ValidationError("--id does not apply to this command") }
        return try ValidationError.from { () throws(DataError) in
            try ColumnRoles(
                time: time, start: start, event: event, id: id.isEmpty || Support.id == .private ? nil : id, by: grouping?.by ?? [],
                strata: grouping?.strata, band: grouping?.band ?? [], order: grouping?.order ?? [], eventCodes: eventCodes,
                skipInvalid: skipInvalid)
        }
    }
}
