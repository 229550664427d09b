import NumericCore

/// A typed error in a model formula, pointing at the offending characters.
///
/// `description` renders three lines: the message with its 1-based position, the formula, and a caret
/// line under the offending characters, then the hint:
/// ```
/// formula error at position 14: expected a term (a column, a function call or '('), found '+'
///   dose_mg_kg + + x
///                ^
///   hint: remove the extra '+' or put a term between the two
/// ```
public struct FormulaError: ReliefError, Sendable, Equatable {
    /// What went wrong.
    public enum Kind: Sendable, Equatable {
        /// The text is not a formula (unexpected or missing token, unbalanced parenthesis).
        case syntax
        /// A function that formulas here do not support.
        case unknownFunction
        /// A column that the data does not have.
        case unknownColumn
        /// A function argument that is missing or out of range (e.g. `ns(x, df = 0)`).
        case invalidArgument
        /// Valid R, but not supported here (e.g. removing terms with `-`, `x^2` outside `I()`).
        case unsupported
    }

    /// What went wrong.
    public let kind: Kind
    /// The formula text as given.
    public let formula: String
    /// The 0-based character offset of the offending text in ``formula`` (== its length at the end).
    public let offset: Int
    /// The number of characters to underline (at least 1).
    public let length: Int
    /// What was found.
    public let message: String
    /// What to do about it.
    public let hint: String?

    /// Creates an error.
    /// - Parameters:
    ///   - kind: What went wrong.
    ///   - formula: The formula text.
    ///   - offset: The 0-based character offset of the offending text.
    ///   - length: The number of characters to underline.
    ///   - message: What was found.
    ///   - hint: What to do.
    public init(_ kind: Kind, formula: String, offset: Int, length: Int = 1, message: String, hint: String? = nil) {
        self.kind = kind
        self.formula = formula
        self.offset = max(0, offset)
        self.length = max(1, length)
        self.message = message
        self.hint = hint
    }

    /// Spaces up to ``offset`` then `^` under each offending character, aligned with ``formula``
    /// (tabs in the formula are kept so that the caret lines up).
    public var caretLine: String {
        var line = ""
        for (k, character) in formula.enumerated() where k < offset {
            line.append(character == "\t" ? "\t" : " ")
        }
        let count = formula.count
        if offset >= count { line.append(String(repeating: " ", count: offset - count)) }
        line.append(String(repeating: "^", count: length))
        return line
    }

    /// One line: `formula error at position N: message`.
    public var summary: String {
        "formula error at position \(offset + 1): \(message)"
    }

    /// The message, the formula with a caret line under the offending characters, and the hint.
    public var description: String {
        var text = summary + "\n  " + formula + "\n  " + caretLine
        if let hint, !hint.isEmpty { text += "\n  hint: " + hint }
        return text
    }
}

extension FormulaError {
    /// A formula that cannot be parsed or used is a usage error.
    public var failureKind: FailureKind { .usage }

    /// The message, then the formula and a caret line under the offending characters, then the hint.
    public var messageLines: [String] {
        var lines = [summary + " (in --formula)", "  " + formula, "  " + caretLine]
        if let hint, !hint.isEmpty { lines.append("  hint: " + hint) }
        return lines
    }
}
