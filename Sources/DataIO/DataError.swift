import NumericCore

/// A typed error from reading or writing data, carrying where it happened and what to do.
///
/// Its ``kind`` is its ``FailureKind`` (the command line maps it to the exit code).
public struct DataError: ReliefError, Sendable, Equatable {
    /// The category of failure (usage, bad data, missing input, cannot write).
    public typealias Kind = FailureKind

    /// The category of failure.
    public let kind: Kind
    /// The file concerned, if any.
    public let file: String?
    /// The 1-based physical line in `file` where the offending record starts, if known.
    public let line: Int?
    /// The column name concerned, if any.
    public let column: String?
    /// The 1-based column number concerned, if known (shown next to the name).
    public let columnNumber: Int?
    /// What was found.
    public let message: String
    /// What to do about it.
    public let hint: String?

    /// Creates an error.
    /// - Parameters:
    ///   - kind: The category of failure.
    ///   - file: The file concerned.
    ///   - line: The 1-based physical line number.
    ///   - column: The column name.
    ///   - columnNumber: The 1-based column number.
    ///   - message: What was found.
    ///   - hint: What to do.
    public init(
        _ kind: Kind, file: String? = nil, line: Int? = nil, column: String? = nil,
        columnNumber: Int? = nil, message: String, hint: String? = nil
    ) {
        self.kind = kind
        self.file = file
        self.line = line
        self.column = column
        self.columnNumber = columnNumber
        self.message = message
        self.hint = hint
    }

    /// One line: `file:line: column 'x' (column 3): message. hint`.
    public var description: String {
        var text = ""
        if let file {
            text += file
            if let line { text += ":\(line)" }
            text += ": "
        } else if let line {
            text += "line \(line): "
        }
        if let column {
            text += "column '\(column)'"
            if let columnNumber { text += " (column \(columnNumber))" }
            text += ": "
        }
        text += message
        if let hint, !hint.isEmpty {
            if !(text.hasSuffix(".") || text.hasSuffix("?") || text.hasSuffix("!")) { text += "." }
            text += " " + hint.prefix(1).uppercased() + hint.dropFirst()
        }
        return text
    }
}

extension DataError {
    /// The kind of failure.
    public var failureKind: FailureKind { kind }
}
