import ArgumentParser
import DataIO
import Foundation

/// Options naming the columns and how they are coded: `--time`, `--event`, `--id`, `--by`, `--strata`,
/// `--band`, `--order`, `--event-codes`.
struct ColumnOptions: ParsableArguments {
    @Option(help: "Column holding the relief duration (days).")
    var time = "relief_days"

    @Option(help: "Column holding the event indicator: 1 = relief ended, 0 = censored.")
    var event = "relief_ended"

    @Option(help: "Column identifying the patient (use --id '' for none).")
    var id = "patient_id"

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

    @Option(
        parsing: .upToNextOption,
        help: ArgumentHelp(
            "Map other event codings explicitly, e.g. --event-codes ended=yes censored=no (comma-separate several tokens; give the file before this option).",
            valueName: "ended=token censored=token"))
    var eventCodes: [String] = []

    mutating func validate() throws {
        _ = try parsedBands()
        _ = try parsedOrder()
        _ = try parsedEventCodes()
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
            let (column, values) = try Self.split(spec, option: "--band", example: "interval_days=7,28")
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
            let (column, levels) = try Self.split(spec, option: "--order", example: "dose_group=low,high")
            guard Set(levels).count == levels.count else {
                throw ValidationError("--order \(spec): a level is listed twice")
            }
            guard order[column] == nil else { throw ValidationError("--order given twice for column '\(column)'") }
            order[column] = levels
        }
        return order
    }

    /// `--event-codes ended=... censored=...` as ``EventCodes``, or `nil` when not given.
    func parsedEventCodes() throws -> EventCodes? {
        guard !eventCodes.isEmpty else { return nil }
        var ended: Set<String> = []
        var censored: Set<String> = []
        for spec in eventCodes {
            let (key, tokens) = try Self.split(spec, option: "--event-codes", example: "ended=yes censored=no")
            switch key {
            case "ended": ended.formUnion(tokens)
            case "censored": censored.formUnion(tokens)
            default:
                throw ValidationError("--event-codes: '\(key)' should be 'ended' or 'censored' (example: --event-codes ended=yes censored=no)")
            }
        }
        guard !ended.isEmpty, !censored.isEmpty else {
            throw ValidationError("--event-codes needs both ended=... and censored=... (example: --event-codes ended=yes censored=no)")
        }
        let both = ended.intersection(censored)
        guard both.isEmpty else {
            throw ValidationError("--event-codes: '\(both.sorted().joined(separator: ", "))' cannot mean both ended and censored")
        }
        return EventCodes(ended: ended, censored: censored)
    }

    /// The column roles for the reader.
    func roles(skipInvalid: Bool) throws -> ColumnRoles {
        ColumnRoles(
            time: time, event: event, id: id.isEmpty ? nil : id, by: by, strata: strata, bands: try parsedBands(),
            levelOrder: try parsedOrder(), eventCodes: try parsedEventCodes(), skipInvalid: skipInvalid)
    }

    /// The provenance entries of these options that change numbers.
    func provenanceOptions() -> [(String, String)] {
        var options: [(String, String)] = [("time", time), ("event", event)]
        if !by.isEmpty { options.append(("by", by.joined(separator: ", "))) }
        if let strata { options.append(("strata", strata)) }
        for spec in band { options.append(("band", spec)) }
        for spec in order { options.append(("order", spec)) }
        if !eventCodes.isEmpty { options.append(("event-codes", eventCodes.joined(separator: " "))) }
        return options
    }

    /// Splits `key=a,b,c` into the key and its comma-separated values (empty values kept).
    static func split(_ spec: String, option: String, example: String) throws -> (String, [String]) {
        guard let equals = spec.firstIndex(of: "=") else {
            throw ValidationError("\(option) \(spec): expected key=values (example: \(option) \(example))")
        }
        let key = String(spec[..<equals])
        let rest = spec[spec.index(after: equals)...]
        guard !key.isEmpty, !rest.isEmpty else {
            throw ValidationError("\(option) \(spec): expected key=values (example: \(option) \(example))")
        }
        return (key, rest.split(separator: ",", omittingEmptySubsequences: false).map(String.init))
    }
}
