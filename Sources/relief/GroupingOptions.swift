import ArgumentParser
import DataIO

/// Options that group the episodes: `--by`, `--strata`, `--band`, `--order` (summary, curves, report, compare).
struct GroupingOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Group by this column; repeat to cross several columns.", valueName: "column"))
    var by: [String] = []

    @Option(help: ArgumentHelp("Stratify by this column: the log-rank tests; compare: within-stratum differences.", valueName: "column"))
    var strata: String?

    @Option(
        help: ArgumentHelp(
            "Band a numeric column at cut points, e.g. interval_days=7,28 gives <=7, 8-28, >28. Repeatable.",
            valueName: "column=cut,cut"))
    var band: [String] = []

    @Option(
        help: ArgumentHelp(
            "Explicit level order of a by column, e.g. dose_group=low,high (orders the trend test). Repeatable.",
            valueName: "column=level,level"))
    var order: [String] = []

    mutating func validate() throws {
        _ = try ValidationError.from { () throws(DataError) in try ColumnRoles.bands(parsing: band) }
        _ = try ValidationError.from { () throws(DataError) in try ColumnRoles.levelOrders(parsing: order) }
    }
}
