/// An error of Relief: it says what kind of failure it is and what to tell the user.
///
/// ```swift
/// catch let error as ReliefError {
///     let message = error.messageLines.joined(separator: "\n")   // what was found, then what to do
///     exit(code(for: error.failureKind))
/// }
/// ```
public protocol ReliefError: Error, CustomStringConvertible {
    /// The kind of failure (usage, bad data, missing input, unavailable, cannot write, internal).
    var failureKind: FailureKind { get }
    /// The message as lines: the first says what was found and what to do; further lines, where an
    /// error has them, show the context (a formula with a caret under the offending character).
    var messageLines: [String] { get }
}

extension ReliefError {
    /// One line: the description.
    public var messageLines: [String] { [description] }
}
