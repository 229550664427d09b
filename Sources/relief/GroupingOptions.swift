import ArgumentParser
import DataIO

/// Options that group the episodes: `--by`, `--strata`, `--band`, `--order` (summary, curves, report).
struct GroupingOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Group by this column; repeat to cross several columns.", valueName: "column"))
    var by: [String] = []

    @Option(help: ArgumentHelp("Stratify the log-rank tests by this column.", valueName: "column"))
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
        _ = try parsedBands()
        _ = try parsedOrder()
    }

    /// `--band` as column -> increasing cut points.
    func parsedBands() throws -> [String: [Double]] {
        try ValidationError.from { () throws(DataError) in try ColumnRoles.bands(parsing: band) }
    }

    /// `--order` as column -> level labels.
    func parsedOrder() throws -> [String: [String]] {
        try ValidationError.from { () throws(DataError) in try ColumnRoles.levelOrders(parsing: order) }
    }

    /// The provenance entries of these options.
    func provenanceOptions() -> [(String, String)] {
        var options: [(String, String)] = []
        if !by.isEmpty { options.append(("by", by.joined(separator: ", "))) }
        if let strata { options.append(("strata", strata)) }
        for spec in band { options.append(("band", spec)) }
        for spec in order { options.append(("order", spec)) }
        return options
    }
}
