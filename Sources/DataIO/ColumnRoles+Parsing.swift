import Foundation

extension ColumnRoles {
    /// Roles from option texts as a command line gives them: the `--band` and `--order` values
    /// (``bands(parsing:)``, ``levelOrders(parsing:)``) and the `--event-codes` arguments
    /// (``EventCodes/init(arguments:)``; none: only `1`/`0`).
    /// - Parameters:
    ///   - time: The time column.
    ///   - start: The entry-time column, or nil.
    ///   - event: The event column.
    ///   - id: The patient id column, or nil.
    ///   - by: Grouping columns.
    ///   - strata: The stratification column.
    ///   - band: The `--band` values as written.
    ///   - order: The `--order` values as written.
    ///   - eventCodes: The `--event-codes` arguments as written.
    ///   - skipInvalid: Exclude invalid rows instead of failing.
    /// - Throws: ``DataError`` of kind usage for a malformed band, level order or event coding (checked in that order).
    public init(
        time: String, start: String?, event: String, id: String?, by: [String], strata: String?, band: [String],
        order: [String], eventCodes: [String], skipInvalid: Bool
    ) throws(DataError) {
        self.init(
            time: time, start: start, event: event, id: id, by: by, strata: strata, bands: try Self.bands(parsing: band),
            levelOrder: try Self.levelOrders(parsing: order),
            eventCodes: try eventCodes.isEmpty ? nil : EventCodes(arguments: eventCodes), skipInvalid: skipInvalid)
    }

    /// The column names of a comma-separated list (`--baseline a, b,c`): trimmed, empty names dropped.
    /// - Parameter list: The list as given.
    /// - Returns: The names in order.
    public static func names(_ list: String) -> [String] {
        list.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// Parses `--band COLUMN=c1,c2,...` options (e.g. `interval_days=7,28`) into cut points by column.
    /// - Parameter specs: The option values.
    /// - Returns: Strictly increasing cut points by column.
    /// - Throws: ``DataError`` of kind usage naming the option value and showing an example.
    public static func bands(parsing specs: [String]) throws(DataError) -> [String: [Double]] {
        var bands: [String: [Double]] = [:]
        for spec in specs {
            let (column, values) = try keyValues(spec, option: "--band", example: "interval_days=7,28")
            var cuts: [Double] = []
            for value in values {
                guard let cut = Double(value.trimmingSpaces), cut.isFinite else {
                    throw DataError(.usage, message: "--band \(spec): '\(value)' is not a number (example: --band interval_days=7,28)")
                }
                cuts.append(cut)
            }
            guard zip(cuts, cuts.dropFirst()).allSatisfy({ $0 < $1 }) else {
                throw DataError(.usage, message: "--band \(spec): cut points must be increasing (example: --band interval_days=7,28)")
            }
            guard bands[column] == nil else { throw DataError(.usage, message: "--band given twice for column '\(column)'") }
            bands[column] = cuts
        }
        return bands
    }

    /// Parses `--order COLUMN=level,level` options into level orders by column.
    /// - Parameter specs: The option values.
    /// - Returns: The levels by column, in the order given.
    /// - Throws: ``DataError`` of kind usage.
    public static func levelOrders(parsing specs: [String]) throws(DataError) -> [String: [String]] {
        var order: [String: [String]] = [:]
        for spec in specs {
            let (column, levels) = try keyValues(spec, option: "--order", example: "dose_group=low,high")
            guard Set(levels).count == levels.count else {
                throw DataError(.usage, message: "--order \(spec): a level is listed twice")
            }
            guard order[column] == nil else { throw DataError(.usage, message: "--order given twice for column '\(column)'") }
            order[column] = levels
        }
        return order
    }

    /// Splits `key=a,b,c` into the key and its comma-separated values (empty values kept).
    /// - Throws: ``DataError`` of kind usage when there is no `=`, no key or no value.
    public static func keyValues(_ spec: String, option: String, example: String) throws(DataError) -> (String, [String]) {
        guard let equals = spec.firstIndex(of: "=") else {
            throw DataError(.usage, message: "\(option) \(spec): expected key=values (example: \(option) \(example))")
        }
        let key = String(spec[..<equals])
        let rest = spec[spec.index(after: equals)...]
        guard !key.isEmpty, !rest.isEmpty else {
            throw DataError(.usage, message: "\(option) \(spec): expected key=values (example: \(option) \(example))")
        }
        return (key, rest.split(separator: ",", omittingEmptySubsequences: false).map(String.init))
    }
}
