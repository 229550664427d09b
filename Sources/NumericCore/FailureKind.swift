/// What kind of failure an error is. Every error type of Relief has one (``ReliefError``); the command
/// line maps it to its sysexits exit code in one place.
public enum FailureKind: Sendable, Equatable, CaseIterable {
    /// The request or its options do not fit (EX_USAGE, 64).
    case usage
    /// The input's content cannot be analysed as asked (EX_DATAERR, 65).
    case badData
    /// The input file does not exist or cannot be opened (EX_NOINPUT, 66).
    case missingInput
    /// A tool Relief needs is missing or failed, e.g. the browser that prints a PDF (EX_UNAVAILABLE, 69).
    case unavailable
    /// An output cannot be written (EX_CANTCREAT, 73).
    case cannotWrite
    /// A bug in Relief: a state its own checks should have prevented (EX_SOFTWARE, 70).
    case internalError
}
