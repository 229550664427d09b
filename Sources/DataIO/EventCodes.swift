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
    /// (several values separated by commas; keys case-insensitive; each key at least once).
    /// - Parameter arguments: `ended=VALUES` and `censored=VALUES` items.
    /// - Throws: ``DataError`` of kind ``DataError/Kind/usage`` for any other form.
    public init(arguments: [String]) throws(DataError) {
        var ended = Set<String>()
        var censored = Set<String>()
        let example = "e.g. --event-codes ended=yes censored=no"
        for argument in arguments {
            guard let equals = argument.firstIndex(of: "=") else {
                throw DataError(.usage, message: "--event-codes item '\(argument)' has no '='", hint: example)
            }
            let key = argument[..<equals].lowercased()
            let values = argument[argument.index(after: equals)...].split(separator: ",").map(String.init)
            guard !values.isEmpty else {
                throw DataError(.usage, message: "--event-codes item '\(argument)' gives no value", hint: example)
            }
            switch key {
            case "ended", "event": ended.formUnion(values)
            case "censored": censored.formUnion(values)
            default:
                throw DataError(.usage, message: "--event-codes key '\(key)' is neither 'ended' nor 'censored'", hint: example)
            }
        }
        guard !ended.isEmpty, !censored.isEmpty else {
            throw DataError(.usage, message: "--event-codes needs both ended=... and censored=...", hint: example)
        }
        self.init(ended: ended, censored: censored)
    }
}
