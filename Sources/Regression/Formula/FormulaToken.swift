/// One lexical token of a formula, with its character offset and length.
package struct _FormulaToken: Sendable, Equatable {
    package enum Kind: Sendable, Equatable {
        /// A name; `quoted` when written in backquotes.
        case name(String, quoted: Bool)
        /// A numeric literal: its value, and whether it carries R's integer suffix `L`.
        case number(Double, integer: Bool)
        /// One of `+ - * / ^ : ( ) , = ~`.
        case symbol(Character)
        /// The end of the text.
        case end
    }

    package let kind: Kind
    /// 0-based character offset.
    package let offset: Int
    /// Length in characters.
    package let length: Int

    /// How the token reads in a message.
    package var display: String {
        switch kind {
        case .name(let name, let quoted): return quoted ? "`\(name)`" : "'\(name)'"
        case .number(let value, let integer): return "'\(_RNumberFormat.deparse(value))\(integer ? "L" : "")'"
        case .symbol(let c): return "'\(c)'"
        case .end: return "the end of the formula"
        }
    }

    package func isSymbol(_ c: Character) -> Bool {
        if case .symbol(let s) = kind { return s == c }
        return false
    }
}
