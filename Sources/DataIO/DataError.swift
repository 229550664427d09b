/// A typed error from reading or writing data, carrying where it happened and what to do.
///
/// The CLI maps ``Kind`` to sysexits exit codes: ``Kind/usage`` 64, ``Kind/badData`` 65,
/// ``Kind/missingInput`` 66, ``Kind/cannotWrite`` 73.
public struct DataError: Error, Sendable, CustomStringConvertible, Equatable {
    /// The category of failure, which decides the exit code.
    public enum Kind: Sendable, Equatable {
        /// The input file does not exist or cannot be opened (exit 66).
        case missingInput
        /// The input exists but its content is not usable (exit 65).
        case badData
        /// The options are inconsistent or name something that does not exist (exit 64).
        case usage
        /// The output cannot be written (exit 73).
        case cannotWrite

        /// The sysexits exit code for this kind: 66, 65, 64 or 73.
        public var exitCode: Int32 {
            switch self {
            case .missingInput: return 66
            case .badData: return 65
            case .usage: return 64
            case .cannotWrite: return 73
            }
        }
    }

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
