import ArgumentParser
import Foundation

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
        if by.contains("") { throw ValidationError("--by needs a column name") }
        if Set(by).count != by.count { throw ValidationError("--by names the same column twice: \(by.joined(separator: ", "))") }
        if let strata, by.contains(strata) {
            throw ValidationError("--strata '\(strata)' is also a --by column; stratify by a different column")
        }
    }

    /// `--band` as column -> sorted cut points.
    func parsedBands() throws -> [String: [Double]] {
        var bands: [String: [Double]] = [:]
        for spec in band {
            let (column, values) = try ColumnOptions.split(spec, option: "--band", example: "interval_days=7,28")
            var cuts: [Double] = []
            for value in values {
                guard let cut = Double(value.trimmingCharacters(in: .whitespaces)), cut.isFinite else {
                    throw ValidationError("--band \(spec): '\(value)' is not a number (example: --band interval_days=7,28)")
                }
                cuts.append(cut)
            }
            guard cuts == cuts.sorted(), Set(cuts).count == cuts.count else {
                throw ValidationError("--band \(spec): cut points must be increasing (example: --band interval_days=7,28)")
            }
            guard bands[column] == nil else { throw ValidationError("--band given twice for column '\(column)'") }
            bands[column] = cuts
        }
        return bands
    }

    /// `--order` as column -> level labels.
    func parsedOrder() throws -> [String: [String]] {
        var order: [String: [String]] = [:]
        for spec in self.order {
            let (column, levels) = try ColumnOptions.split(spec, option: "--order", example: "dose_group=low,high")
            guard Set(levels).count == levels.count else {
                throw ValidationError("--order \(spec): a level is listed twice")
            }
            guard order[column] == nil else { throw ValidationError("--order given twice for column '\(column)'") }
            order[column] = levels
        }
        return order
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
