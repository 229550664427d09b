/// An arithmetic expression inside a formula function call (`log(x)`, `I(x^2)`, `ns(x, df = 3)`'s `x`).
package indirect enum _FormulaExpression: Sendable, Equatable {
    /// A column reference, with where it is written.
    case column(String, offset: Int, length: Int)
    /// A numeric literal (`integer` for R's `2L`).
    case number(Double, integer: Bool)
    /// Unary minus or plus.
    case unary(Character, _FormulaExpression)
    /// `+ - * / ^`.
    case binary(Character, _FormulaExpression, _FormulaExpression)
    /// A numeric function of one argument (`log`, `sqrt`, `exp`, `I`, ...).
    case call(String, _FormulaExpression)
    /// Parentheses as written (R keeps them, and so does its deparse).
    case parenthesis(_FormulaExpression)

    /// The functions of one numeric argument allowed in a formula.
    package static let numericFunctions: [String] = ["I", "log", "log2", "log10", "log1p", "exp", "sqrt", "abs"]

    /// The expression as R's `deparse` writes it: `+ - *` with spaces, `/ ^` without, calls as
    /// `f(x)`, names that are not syntactic in backquotes.
    package var deparsed: String {
        switch self {
        case .column(let name, _, _): return _FormulaExpression.quotedIfNeeded(name)
        case .number(let value, let integer): return _RNumberFormat.deparse(value) + (integer ? "L" : "")
        case .unary(let op, let operand): return String(op) + operand.deparsed
        case .binary(let op, let left, let right):
            switch op {
            case "/", "^": return left.deparsed + String(op) + right.deparsed
            default: return left.deparsed + " \(op) " + right.deparsed
            }
        case .call(let name, let argument): return "\(name)(\(argument.deparsed))"
        case .parenthesis(let inner): return "(\(inner.deparsed))"
        }
    }

    /// Column references in order of appearance (with repeats).
    package var columnReferences: [(name: String, offset: Int, length: Int)] {
        switch self {
        case .column(let name, let offset, let length): return [(name, offset, length)]
        case .number: return []
        case .unary(_, let operand): return operand.columnReferences
        case .binary(_, let left, let right): return left.columnReferences + right.columnReferences
        case .call(_, let argument): return argument.columnReferences
        case .parenthesis(let inner): return inner.columnReferences
        }
    }

    /// R's reserved words, which need backquotes as names.
    private static let reserved: Set<String> = [
        "if", "else", "repeat", "while", "function", "for", "next", "break", "TRUE", "FALSE", "NULL",
        "Inf", "NaN", "NA", "NA_integer_", "NA_real_", "NA_character_", "NA_complex_", "in",
    ]

    /// `name`, or `` `name` `` when it is not a syntactic R name (as R's deparse and model.matrix show it).
    package static func quotedIfNeeded(_ name: String) -> String {
        isSyntactic(name) ? name : "`\(name)`"
    }

    /// Whether `name` is a syntactic R name: letters, digits, `.` and `_`, starting with a letter or
    /// with `.` not followed by a digit, and not a reserved word.
    package static func isSyntactic(_ name: String) -> Bool {
        guard let first = name.first, !reserved.contains(name) else { return false }
        guard first.isLetter || first == "." else { return false }
        let chars = Array(name)
        if first == ".", chars.count > 1, chars[1].isASCII, chars[1].isNumber { return false }
        return chars.allSatisfy { $0.isLetter || $0.isNumber || $0 == "." || $0 == "_" }
    }
}
