import NumericCore

/// A problem a job finds outside the statistical engines: an option that does not fit the model or the
/// data (usage), or data the job cannot use (bad data). One line, saying what was found and what to do.
public struct AnalysisError: ReliefError, Sendable {
    /// Who is at fault: usage (the request does not fit) or bad data (the data cannot be analysed as asked).
    public var kind: FailureKind
    /// What was found, then what to do.
    public var message: String

    /// Creates an error.
    /// - Parameters:
    ///   - kind: Usage or bad data.
    ///   - message: What was found, then what to do.
    public init(_ kind: FailureKind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    /// The message.
    public var description: String { message }
}

extension AnalysisError {
    /// The kind of failure.
    public var failureKind: FailureKind { kind }
}
