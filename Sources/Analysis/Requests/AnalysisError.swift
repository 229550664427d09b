/// A problem a job finds outside the statistical engines: an option that does not fit the model or the
/// data (usage), or data the job cannot use (bad data). One line, saying what was found and what to do.
public struct AnalysisError: Error, Sendable, CustomStringConvertible {
    /// Whether the request (usage) or the data (bad data) are at fault.
    public enum Kind: Sendable {
        /// The request does not fit: a wrong option, column or value (exit 64 on the command line).
        case usage
        /// The data cannot be analysed as asked (exit 65).
        case badData
    }

    /// Who is at fault.
    public var kind: Kind
    /// What was found, then what to do.
    public var message: String

    /// Creates an error.
    /// - Parameters:
    ///   - kind: Usage or bad data.
    ///   - message: What was found, then what to do.
    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    /// The message.
    public var description: String { message }
}
