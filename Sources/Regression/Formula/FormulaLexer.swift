/// Splits a formula into tokens (R's lexical rules for names and numbers).
package enum _FormulaLexer {
    private static let symbols: Set<Character> = ["+", "-", "*", "/", "^", ":", "(", ")", ",", "=", "~"]

    /// The tokens of `text`, ending with `.end`.
    /// - Throws: ``FormulaError`` for a character that cannot start a token or an unclosed backquote.
    /// - Complexity: O(length of text).
    package static func tokens(_ text: String) throws(FormulaError) -> [_FormulaToken] {
        let chars = Array(text)
        var tokens: [_FormulaToken] = []
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if c == " " || c == "\t" || c == "\n" || c == "\r" {
                i += 1
                continue
            }
            if symbols.contains(c) {
                tokens.append(_FormulaToken(kind: .symbol(c), offset: i, length: 1))
                i += 1
                continue
            }
            if c.isASCII && c.isNumber || (c == "." && i + 1 < chars.count && chars[i + 1].isASCII && chars[i + 1].isNumber) {
                let (token, next) = try number(chars, from: i, text: text)
                tokens.append(token)
                i = next
                continue
            }
            if c.isLetter || c == "." {
                var j = i + 1
                while j < chars.count, chars[j].isLetter || chars[j].isNumber || chars[j] == "." || chars[j] == "_" { j += 1 }
                tokens.append(_FormulaToken(kind: .name(String(chars[i..<j]), quoted: false), offset: i, length: j - i))
                i = j
                continue
            }
            if c == "`" {
                var j = i + 1
                while j < chars.count, chars[j] != "`" { j += 1 }
                guard j < chars.count else {
                    throw FormulaError(
                        .syntax, formula: text, offset: i, message: "the backquote is never closed",
                        hint: "close the quoted column name with another `")
                }
                guard j > i + 1 else {
                    throw FormulaError(.syntax, formula: text, offset: i, length: 2, message: "an empty quoted name", hint: "put the column name between the backquotes")
                }
                tokens.append(_FormulaToken(kind: .name(String(chars[(i + 1)..<j]), quoted: true), offset: i, length: j + 1 - i))
                i = j + 1
                continue
            }
            throw unexpected(c, at: i, text: text)
        }
        tokens.append(_FormulaToken(kind: .end, offset: chars.count, length: 1))
        return tokens
    }

    private static func number(_ chars: [Character], from start: Int, text: String) throws(FormulaError) -> (_FormulaToken, Int) {
        var j = start
        func digits() { while j < chars.count, chars[j].isASCII, chars[j].isNumber { j += 1 } }
        digits()
        if j < chars.count, chars[j] == "." {
            j += 1
            digits()
        }
        if j < chars.count, chars[j] == "e" || chars[j] == "E" {
            var k = j + 1
            if k < chars.count, chars[k] == "+" || chars[k] == "-" { k += 1 }
            if k < chars.count, chars[k].isASCII, chars[k].isNumber {
                j = k
                digits()
            }
        }
        let literal = String(chars[start..<j])
        guard let value = Double(literal), value.isFinite else {
            throw FormulaError(.syntax, formula: text, offset: start, length: j - start, message: "'\(literal)' is not a number")
        }
        var integer = false
        if j < chars.count, chars[j] == "L" {
            integer = true
            j += 1
        }
        if j < chars.count, chars[j].isLetter || chars[j] == "_" {
            throw FormulaError(
                .syntax, formula: text, offset: start, length: j + 1 - start,
                message: "a name cannot start with a digit",
                hint: "quote such a column name in backquotes, e.g. `2nd_dose`")
        }
        return (_FormulaToken(kind: .number(value, integer: integer), offset: start, length: j - start), j)
    }

    private static func unexpected(_ c: Character, at offset: Int, text: String) -> FormulaError {
        switch c {
        case "%":
            return FormulaError(
                .unsupported, formula: text, offset: offset, message: "operators like %in% are not supported",
                hint: "write interactions with ':' and crossings with '*'")
        case "|":
            return FormulaError(
                .unsupported, formula: text, offset: offset, message: "'|' (random effects or conditioning) is not supported",
                hint: "use strata(column) or cluster(column) for grouped data")
        case "\"", "'":
            return FormulaError(
                .syntax, formula: text, offset: offset, message: "quoted strings are not allowed in a formula",
                hint: "write column names as they are, or in backquotes (`my column`) when they contain spaces")
        default:
            return FormulaError(
                .syntax, formula: text, offset: offset, message: "unexpected character '\(c)'",
                hint: "a formula is made of column names, + : * ( ) and the functions log, sqrt, exp, I, ns, strata, cluster")
        }
    }
}
