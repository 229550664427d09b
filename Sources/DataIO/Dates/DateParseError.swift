import NumericCore

/// Why a text is not a date of the expected format, with what was found and what to do.
///
/// The reader of a file turns it into a ``DataError`` that names the file, line and column
/// (``located(file:line:column:columnNumber:hint:)``); on its own it names the value only.
public struct DateParseError: ReliefError, Sendable, Hashable {
    /// The kind of problem.
    public enum Reason: Sendable, Hashable {
        /// Nothing but spaces.
        case empty
        /// The fields do not make a real date or time (2026-02-30, month 13, 25:00).
        case impossibleDate
        /// `03/04/2026` without a format: 3 April or 4 March.
        case ambiguousDayMonth
        /// A date of another supported format (`pattern`, e.g. `%d/%m/%Y`).
        case otherFormat(pattern: String)
        /// A number such as `45366`: a spreadsheet's serial day number, not a date.
        case excelSerial
        /// A date without the time of day the format requires.
        case missingTimeOfDay
        /// Anything else.
        case notADate
    }

    /// The kind of problem.
    public let reason: Reason
    /// The text as found (control characters escaped, at most 40 characters).
    public let value: String
    /// What was found.
    public let message: String
    /// What to do.
    public let hint: String?

    /// Creates an error.
    /// - Parameters:
    ///   - reason: The kind of problem.
    ///   - value: The text as found.
    ///   - message: What was found.
    ///   - hint: What to do.
    public init(_ reason: Reason, value: String, message: String, hint: String?) {
        self.reason = reason
        self.value = _Quoting.display(value)
        self.message = message
        self.hint = hint
    }

    /// Whether the value is written in a way the format does not read at all (another day/month order,
    /// a spreadsheet serial number): a wrong `--date-format` or export rather than one bad value.
    public var isFormatProblem: Bool {
        switch reason {
        case .ambiguousDayMonth, .otherFormat, .excelSerial: return true
        default: return false
        }
    }

    /// The kind of failure: bad data.
    public var failureKind: FailureKind { .badData }

    /// `message. Hint`.
    public var description: String { DataError(.badData, message: message, hint: hint).description }

    /// The error as a ``DataError`` at a place in a file.
    /// - Parameters:
    ///   - file: The file.
    ///   - line: The 1-based physical line.
    ///   - column: The column name.
    ///   - columnNumber: The 1-based column number.
    ///   - hint: The hint to use instead of ``hint`` (e.g. with `--skip-invalid` appended).
    /// - Returns: A bad-data error.
    public func located(file: String?, line: Int?, column: String?, columnNumber: Int?, hint: String? = nil) -> DataError {
        DataError(.badData, file: file, line: line, column: column, columnNumber: columnNumber, message: message, hint: hint ?? self.hint)
    }
}
