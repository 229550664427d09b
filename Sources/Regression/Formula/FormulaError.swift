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
        /// Past a documented limit: nesting deeper than ``Formula/maximumDepth``, more than
        /// ``Formula/maximumTerms`` terms or ``Formula/maximumVariables`` variables, or text longer
        /// than ``Formula/maximumLength``.
        case limitExceeded
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

    /// The message, the formula with a caret line under the offending characters, and the hint (a long
    /// formula is shown as a window around the offending characters, see ``excerpt``).
    public var description: String {
        let (shown, caret) = excerpt
        var text = summary + "\n  " + shown + "\n  " + caret
        if let hint, !hint.isEmpty { text += "\n  hint: " + hint }
        return text
    }

    /// The widest formula shown whole in a message, in characters; a longer one is shown as a window of
    /// this width around the offending characters.
    public static let excerptWidth = 240

    /// The formula and the caret line as a message shows them: the whole formula and ``caretLine``
    /// when it has at most ``excerptWidth`` characters, else a window of ``excerptWidth`` characters
    /// around the offending ones, with `...` where the formula goes on, and the caret under them.
    /// - Complexity: O(length of the formula).
    public var excerpt: (formula: String, caret: String) {
        let count = formula.count
        let width = Self.excerptWidth
        guard count > width else { return (formula, caretLine) }
        let at = min(offset, count)
        let underlined = max(1, min(length, width / 2))
        var start = max(0, at - (width - underlined) / 2)
        let end = min(count, start + width)
        start = max(0, end - width)
        let lower = formula.index(formula.startIndex, offsetBy: start)
        let upper = formula.index(lower, offsetBy: end - start)
        let lead = start > 0 ? "..." : ""
        let trail = end < count ? "..." : ""
        var caret = lead.isEmpty ? "" : "   "
        for character in formula[lower...].prefix(at - start) { caret.append(character == "\t" ? "\t" : " ") }
        caret.append(String(repeating: "^", count: max(1, min(underlined, end - at))))
        return (lead + formula[lower..<upper] + trail, caret)
    }
}

extension FormulaError {
    /// A formula that cannot be parsed or used is a usage error.
    public var failureKind: FailureKind { .usage }

    /// The message, then the formula (or a window of it, ``excerpt``) and a caret line under the
    /// offending characters, then the hint; each line within ``MessageBounds``.
    public var messageLines: [String] {
        let suffix = " (in --formula)"
        let (shown, caret) = excerpt
        var lines = [MessageBounds.clamp(summary, to: MessageBounds.maximumFirstLineLength - suffix.count) + suffix, "  " + shown, "  " + caret]
        if let hint, !hint.isEmpty { lines.append(MessageBounds.clamp("  hint: " + hint)) }
        return lines
    }
}
