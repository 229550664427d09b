/// An explicit mapping of event tokens to "relief ended" and "censored" (`--event-codes ended=yes censored=no`).
///
/// Tokens are compared exactly (case-sensitive) after trimming spaces of unquoted fields. When codes are
/// given, only these tokens are accepted; `1`/`0` are no longer implied.
public struct EventCodes: Sendable, Equatable {
    /// Tokens meaning the event happened (relief ended).
    public var ended: Set<String>
    /// Tokens meaning the observation is censored.
    public var censored: Set<String>

    /// Creates a mapping.
    /// - Parameters:
    ///   - ended: Tokens meaning the event happened.
    ///   - censored: Tokens meaning censored.
    public init(ended: Set<String>, censored: Set<String>) {
        self.ended = ended
        self.censored = censored
    }
}

extension EventCodes {
    /// Parses command-line mappings such as `["ended=yes", "censored=no"]` or `["ended=2,3", "censored=1"]`
    /// (several values separated by commas; each key at least once; no token on both sides).
    /// - Parameter arguments: `ended=VALUES` and `censored=VALUES` items.
    /// - Throws: ``DataError`` of kind usage for any other form, showing an example.
    public init(arguments: [String]) throws(DataError) {
        let example = "(example: --event-codes ended=yes censored=no)"
        var ended: Set<String> = []
        var censored: Set<String> = []
        for argument in arguments {
            let (key, tokens) = try ColumnRoles.keyValues(argument, option: "--event-codes", example: "ended=yes censored=no")
            switch key {
            case "ended": ended.formUnion(tokens)
            case "censored": censored.formUnion(tokens)
            default: throw DataError(.usage, message: "--event-codes: '\(key)' should be 'ended' or 'censored' \(example)")
            }
        }
        guard !ended.isEmpty, !censored.isEmpty else {
            throw DataError(.usage, message: "--event-codes needs both ended=... and censored=... \(example)")
        }
        let both = ended.intersection(censored)
        guard both.isEmpty else {
            throw DataError(.usage, message: "--event-codes: '\(both.sorted().joined(separator: ", "))' cannot mean both ended and censored")
        }
        self.init(ended: ended, censored: censored)
    }
}
