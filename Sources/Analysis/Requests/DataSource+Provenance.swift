import DataIO
import Reporting

extension DataSource {
    /// The provenance entries of the source (``RunRecord``), in order: the time and event columns, the
    /// start column, the groups (`by`, `strata`, then each band and level order as written), the event
    /// coding as written, then how the file is read: the missing tokens as written, the delimiter when
    /// given, a decimal comma, skipping invalid rows and the lines skipped above the header.
    /// - Parameters:
    ///   - band: The `--band` values as written.
    ///   - order: The `--order` values as written.
    ///   - eventCodes: The `--event-codes` arguments as written.
    ///   - missing: The missing tokens as written (`--missing NA,,.`).
    ///   - delimiter: The delimiter as given (`--delimiter ';'`), or nil when not given.
    /// - Returns: Name/value pairs in that order.
    public func provenanceOptions(
        band: [String] = [], order: [String] = [], eventCodes: [String] = [], missing: String, delimiter: String?
    ) -> [(String, String)] {
        var options: [(String, String)] = [("time", roles.time), ("event", roles.event)]
        if let start = roles.start { options.append(("start", start)) }
        if wording.timeUnit != .days { options.append(("time-unit", wording.timeUnit.rawValue)) }
        if wording.outcome != OutcomeWording.defaultOutcome { options.append(("outcome-label", wording.outcome)) }
        if !roles.by.isEmpty { options.append(("by", roles.by.joined(separator: ", "))) }
        if let strata = roles.strata { options.append(("strata", strata)) }
        options += band.map { ("band", $0) } + order.map { ("order", $0) }
        if !eventCodes.isEmpty { options.append(("event-codes", eventCodes.joined(separator: " "))) }
        options.append(("missing", missing))
        if let delimiter { options.append(("delimiter", delimiter)) }
        if dialect.decimalComma { options.append(("decimal-comma", "yes")) }
        if roles.skipInvalid { options.append(("skip-invalid", "yes")) }
        if dialect.skipLines > 0 { options.append(("skip-lines", String(dialect.skipLines))) }
        return options
    }
}
