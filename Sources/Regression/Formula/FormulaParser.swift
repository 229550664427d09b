/// Recursive-descent parser for the right-hand side of an R model formula.
///
/// Formula level (R's precedence, loosest first): `+` (and `-`, rejected), `*` (and `/`, rejected),
/// `:`, `^`. A term list is expanded as R's `terms.formula` does: `a + b` concatenates, `a:b` takes
/// every pairwise union, `a * b` is `a + b + a:b`, `(a + b)^2` is every union of at most two; repeats
/// are dropped keeping the first. Inside a function call the arguments are arithmetic
/// (`+ - * / ^`, unary minus, parentheses, numeric functions).
///
/// Limits (``Formula/maximumDepth`` and the others) are checked as the text is read, so that no
/// input can overflow the stack or expand without bound: every nesting construct (a parenthesis, a
/// function call, a sign, a power inside a call) counts one level, and every expansion step counts
/// its terms before it keeps them.
package struct _FormulaParser {
    /// A term: increasing variable indices.
    package typealias Term = [Int]

    package let text: String
    private let tokens: [_FormulaToken]
    private var position = 0
    /// Variables in order of first appearance.
    private(set) var variables: [FormulaVariable] = []
    /// The index of each variable by label.
    private var variableIndex: [String: Int] = [:]
    /// The current nesting depth (see ``nest(_:)``).
    private var depth = 0
    /// The most term pairs one interaction may combine before repeats are dropped.
    private static let maximumPairs = 1_000_000

    package init(_ text: String) throws(FormulaError) {
        self.text = text
        if text.utf8.count > Formula.maximumLength, text.count > Formula.maximumLength {
            throw FormulaError(
                .limitExceeded, formula: text, offset: Formula.maximumLength,
                message: "the formula has \(text.count) characters, more than the limit of \(Formula.maximumLength)",
                hint: "give the terms you need; a formula this long cannot be a model of a trial's data")
        }
        self.tokens = try _FormulaLexer.tokens(text)
    }

    private var current: _FormulaToken { tokens[min(position, tokens.count - 1)] }
    private var previous: _FormulaToken? { position > 0 ? tokens[position - 1] : nil }

    private mutating func advance() { if position < tokens.count - 1 { position += 1 } }

    private func error(_ kind: FormulaError.Kind, _ token: _FormulaToken, _ message: String, hint: String? = nil) -> FormulaError {
        FormulaError(kind, formula: text, offset: token.offset, length: token.length, message: message, hint: hint)
    }

    /// Enters one level of nesting at `token`; the caller leaves it with `defer { depth -= 1 }`.
    /// - Throws: ``FormulaError`` (`.limitExceeded`) past ``Formula/maximumDepth`` levels.
    private mutating func nest(_ token: _FormulaToken) throws(FormulaError) {
        depth += 1
        guard depth <= Formula.maximumDepth else {
            throw error(
                .limitExceeded, token, "the formula nests too deep: more than \(Formula.maximumDepth) levels of parentheses, function calls or signs",
                hint: "remove redundant parentheses or calls; a model formula needs only a few levels")
        }
    }

    /// Parses the whole formula.
    /// - Returns: The terms in order of appearance (not yet sorted by order), repeats removed.
    package mutating func parse() throws(FormulaError) -> [Term] {
        if current.isSymbol("~") { advance() }
        if case .end = current.kind {
            throw error(
                .syntax, current, "the formula is empty",
                hint: "give the right-hand side of a model formula, e.g. dose_mg_kg + interval_days")
        }
        let terms = try sum()
        switch current.kind {
        case .end:
            return terms
        case .symbol(")"):
            throw error(.syntax, current, "')' without a matching '('", hint: "remove it or add the opening '('")
        case .symbol("~"):
            throw error(
                .unsupported, current, "'~' separates the outcome from the terms; give only the right-hand side",
                hint: "the outcome comes from --time and --event; write e.g. dose_mg_kg + interval_days")
        case .symbol(","):
            throw error(.syntax, current, "',' outside a function call", hint: "separate terms with '+'")
        case .symbol("="):
            throw error(.syntax, current, "'=' outside a function call", hint: "named arguments go inside a call, e.g. ns(x, df = 3)")
        default:
            throw error(
                .syntax, current, "expected '+', ':' or '*' between terms, found \(current.display)",
                hint: "join terms with '+' (and interactions with ':' or '*')")
        }
    }

    // MARK: formula level

    private mutating func sum() throws(FormulaError) -> [Term] {
        var terms = try product()
        while true {
            if current.isSymbol("+") {
                let plus = current
                advance()
                terms = try union(terms, try product(), at: plus)
            } else if current.isSymbol("-") {
                throw error(
                    .unsupported, current, "removing terms with '-' is not supported",
                    hint: "list only the terms you want; AFT models always have an intercept and Cox models never do")
            } else {
                return terms
            }
        }
    }

    private mutating func product() throws(FormulaError) -> [Term] {
        var terms = try interaction()
        while true {
            if current.isSymbol("*") {
                let star = current
                advance()
                let right = try interaction()
                terms = try union(try union(terms, right, at: star), try interact(terms, right, at: star), at: star)
            } else if current.isSymbol("/") {
                throw error(
                    .unsupported, current, "nesting with '/' is not supported",
                    hint: "write a/b as a + a:b")
            } else {
                return terms
            }
        }
    }

    private mutating func interaction() throws(FormulaError) -> [Term] {
        var terms = try power()
        while current.isSymbol(":") {
            let colon = current
            advance()
            terms = try interact(terms, try power(), at: colon)
        }
        return terms
    }

    private mutating func power() throws(FormulaError) -> [Term] {
        let start = current
        let wasParenthesised = start.isSymbol("(")
        let terms = try primary()
        guard current.isSymbol("^") else { return terms }
        let caret = current
        advance()
        guard case .number(let value, _) = current.kind, value >= 1, value == value.rounded(), value <= 16 else {
            throw error(
                .syntax, current, "expected a whole number from 1 to 16 after '^', found \(current.display)",
                hint: "(a + b)^2 means all terms and two-way interactions of a and b")
        }
        if !wasParenthesised {
            throw FormulaError(
                .unsupported, formula: text, offset: start.offset, length: caret.offset + 1 - start.offset,
                message: "'^' in a formula means crossing, not a power; this term would be unchanged",
                hint: "write I(x^\(_RNumberFormat.deparse(value))) for the power of a column")
        }
        advance()
        var result = terms
        var k = 1
        while k < Int(value) {
            result = try union(result, try interact(result, terms, at: caret), at: caret)
            k += 1
        }
        return result
    }

    private mutating func primary() throws(FormulaError) -> [Term] {
        let token = current
        switch token.kind {
        case .symbol("("):
            try nest(token)
            defer { depth -= 1 }
            advance()
            if current.isSymbol(")") {
                throw error(.syntax, current, "empty parentheses", hint: "put terms inside the parentheses or remove them")
            }
            let terms = try sum()
            guard current.isSymbol(")") else {
                throw parenthesisError(open: token)
            }
            advance()
            return terms
        case .name(let name, let quoted):
            advance()
            if current.isSymbol("(") && !quoted {
                return [[try call(name, at: token)]]
            }
            let label = _FormulaExpression.quotedIfNeeded(name)
            let variable = FormulaVariable(
                label: label, kind: .column, expression: nil, references: [(name, token.offset, token.length)],
                offset: token.offset, length: token.length)
            return [[try register(variable)]]
        case .number(let value, _):
            if value == 0 || value == 1 {
                throw error(
                    .unsupported, token, "'\(_RNumberFormat.deparse(value))' (intercept control) is not supported",
                    hint: "leave it out: AFT models always have an intercept and Cox models never do")
            }
            throw error(.syntax, token, "a number is not a term", hint: "a term is a column, a function call such as log(x) or I(x^2), or an interaction")
        case .symbol("-"):
            throw error(
                .unsupported, token, "removing terms with '-' is not supported",
                hint: "list only the terms you want; AFT models always have an intercept and Cox models never do")
        case .end:
            let after = previous.map { " after \($0.display)" } ?? ""
            throw error(.syntax, token, "the formula ends\(after) where a term is expected", hint: "add a term or remove the trailing operator")
        case .symbol(")"):
            throw error(.syntax, token, "expected a term (a column, a function call or '('), found ')'", hint: "remove the operator before ')' or add a term")
        default:
            var hint = "a term is a column, a function call such as log(x), or terms in parentheses"
            if let previous, case .symbol(let p) = previous.kind, token.kind == previous.kind, "+*:".contains(p) {
                hint = "remove the extra \(previous.display) or put a term between the two"
            }
            throw error(.syntax, token, "expected a term (a column, a function call or '('), found \(token.display)", hint: hint)
        }
    }

    private func parenthesisError(open: _FormulaToken) -> FormulaError {
        if case .end = current.kind {
            return error(.syntax, open, "this '(' is never closed", hint: "add the closing ')'")
        }
        return error(.syntax, current, "expected ')' or an operator, found \(current.display)", hint: "close the '(' opened at position \(open.offset + 1)")
    }

    /// Adds `variable` (or finds the one with the same label) and returns its index.
    /// - Throws: ``FormulaError`` (`.limitExceeded`) for more than ``Formula/maximumVariables`` variables.
    private mutating func register(_ variable: FormulaVariable) throws(FormulaError) -> Int {
        if let k = variableIndex[variable.label] { return k }
        guard variables.count < Formula.maximumVariables else {
            throw FormulaError(
                .limitExceeded, formula: text, offset: variable.offset, length: variable.length,
                message: "the formula has more than \(Formula.maximumVariables) variables", hint: "give the terms you need")
        }
        variables.append(variable)
        variableIndex[variable.label] = variables.count - 1
        return variables.count - 1
    }

    // MARK: calls

    private static let supported = "log, log2, log10, log1p, exp, sqrt, abs, I, ns, factor, strata, cluster, frailty"

    /// Parses `name(...)` at formula level (the current token is `(`) into a variable.
    private mutating func call(_ name: String, at nameToken: _FormulaToken) throws(FormulaError) -> Int {
        let open = current
        try nest(nameToken)
        defer { depth -= 1 }
        advance()
        let variable: FormulaVariable
        switch name {
        case "strata", "cluster", "frailty":
            var references: [(name: String, offset: Int, length: Int)] = []
            while true {
                guard case .name(let column, let quoted) = current.kind else {
                    throw error(.invalidArgument, current, "\(name)() takes column names, found \(current.display)", hint: "e.g. \(name)(site)")
                }
                references.append((column, current.offset, current.length))
                _ = quoted
                advance()
                if current.isSymbol(",") {
                    advance()
                    continue
                }
                break
            }
            let close = try expectClose(open: open)
            if name != "strata" && references.count > 1 {
                throw FormulaError(
                    .invalidArgument, formula: text, offset: nameToken.offset, length: close.offset + 1 - nameToken.offset,
                    message: "\(name)() takes one column",
                    hint: name == "cluster" ? "cluster by one id column, e.g. cluster(patient_id)"
                        : "give one id column, e.g. frailty(patient_id); choose the distribution with --frailty-distribution")
            }
            let label = name + "(" + references.map { _FormulaExpression.quotedIfNeeded($0.name) }.joined(separator: ", ") + ")"
            variable = FormulaVariable(
                label: label, kind: name == "strata" ? .strata : name == "cluster" ? .cluster : .frailty, expression: nil, references: references,
                offset: nameToken.offset, length: close.offset + 1 - nameToken.offset)
        case "factor", "as.factor":
            let argument = try arithmetic()
            guard case .column = argument else {
                throw error(.invalidArgument, current, "\(name)() takes one numeric column here, e.g. factor(ecog)",
                            hint: "text columns are factors already; choose the reference level with --ref column=level")
            }
            let close = try expectClose(open: open)
            variable = FormulaVariable(
                label: name + "(" + argument.deparsed + ")", kind: .factor, expression: argument,
                references: argument.columnReferences, offset: nameToken.offset, length: close.offset + 1 - nameToken.offset)
        case "ns":
            let argument = try arithmetic()
            var df: Int?
            var dfText = ""
            var dfNamed = false
            while current.isSymbol(",") {
                advance()
                var named: String?
                if case .name(let argName, _) = current.kind, tokens[min(position + 1, tokens.count - 1)].isSymbol("=") {
                    named = argName
                    guard argName == "df" else {
                        throw error(
                            .unsupported, current, "ns() argument '\(argName)' is not supported",
                            hint: "give the degrees of freedom only, e.g. ns(x, df = 3); knots go at quantiles of x")
                    }
                    advance()
                    advance()
                }
                if df != nil {
                    throw error(.invalidArgument, current, "ns() takes one degrees-of-freedom argument", hint: "e.g. ns(x, df = 3)")
                }
                let valueToken = current
                guard case .number(let value, let integer) = current.kind else {
                    throw error(.invalidArgument, current, "the degrees of freedom of ns() must be a number, found \(current.display)", hint: "e.g. ns(x, df = 3)")
                }
                guard value >= 1, value <= 20, value == value.rounded() else {
                    throw error(.invalidArgument, valueToken, "the degrees of freedom of ns() must be a whole number from 1 to 20", hint: "e.g. ns(x, df = 3)")
                }
                df = Int(value)
                dfText = _RNumberFormat.deparse(value) + (integer ? "L" : "")
                dfNamed = named != nil
                advance()
            }
            let close = try expectClose(open: open)
            guard let df else {
                throw FormulaError(
                    .invalidArgument, formula: text, offset: nameToken.offset, length: close.offset + 1 - nameToken.offset,
                    message: "ns() needs its degrees of freedom", hint: "e.g. ns(\(argument.deparsed), df = 3)")
            }
            let label = "ns(" + argument.deparsed + ", " + (dfNamed ? "df = " : "") + dfText + ")"
            variable = FormulaVariable(
                label: label, kind: .naturalSpline(degreesOfFreedom: df), expression: argument,
                references: argument.columnReferences, offset: nameToken.offset, length: close.offset + 1 - nameToken.offset)
        default:
            guard _FormulaExpression.numericFunctions.contains(name) else {
                throw unknownFunction(name, at: nameToken)
            }
            let argument = try arithmetic()
            if current.isSymbol(",") {
                throw error(.unsupported, current, "\(name)() takes one argument here", hint: name == "log" ? "for another base use log2() or log10()" : nil)
            }
            let close = try expectClose(open: open)
            let expression = _FormulaExpression.call(name, argument)
            variable = FormulaVariable(
                label: expression.deparsed, kind: .transform, expression: expression, references: expression.columnReferences,
                offset: nameToken.offset, length: close.offset + 1 - nameToken.offset)
        }
        return try register(variable)
    }

    private func unknownFunction(_ name: String, at token: _FormulaToken) -> FormulaError {
        var hint = "the functions are \(Self.supported)"
        switch name {
        case "poly", "bs", "pspline", "rcs", "s":
            hint = "for a smooth effect use ns(x, df = 3); " + hint
        case "C", "relevel":
            hint = "text columns are factors already; choose the reference level with --ref column=level; " + hint
        case "offset", "tt", "frailty", "ridge":
            hint = "\(name)() is not supported; " + hint
        default:
            break
        }
        return error(.unknownFunction, token, "unknown function '\(name)'", hint: hint)
    }

    private mutating func expectClose(open: _FormulaToken) throws(FormulaError) -> _FormulaToken {
        guard current.isSymbol(")") else { throw parenthesisError(open: open) }
        let close = current
        advance()
        return close
    }

    // MARK: arithmetic inside calls

    private mutating func arithmetic() throws(FormulaError) -> _FormulaExpression {
        var left = try multiplicative()
        while current.isSymbol("+") || current.isSymbol("-") {
            guard case .symbol(let op) = current.kind else { break }
            advance()
            left = .binary(op, left, try multiplicative())
        }
        if current.isSymbol(":") {
            throw error(
                .unsupported, current, "':' inside a function call is R's sequence operator, not an interaction",
                hint: "inside I() multiply with '*'; interactions go outside calls, e.g. log(x):y")
        }
        return left
    }

    private mutating func multiplicative() throws(FormulaError) -> _FormulaExpression {
        var left = try unary()
        while current.isSymbol("*") || current.isSymbol("/") {
            guard case .symbol(let op) = current.kind else { break }
            advance()
            left = .binary(op, left, try unary())
        }
        return left
    }

    private mutating func unary() throws(FormulaError) -> _FormulaExpression {
        if current.isSymbol("-") || current.isSymbol("+") {
            guard case .symbol(let op) = current.kind else { return try powerExpression() }
            try nest(current)
            defer { depth -= 1 }
            advance()
            return .unary(op, try unary())
        }
        return try powerExpression()
    }

    private mutating func powerExpression() throws(FormulaError) -> _FormulaExpression {
        let base = try atom()
        if current.isSymbol("^") {
            try nest(current)
            defer { depth -= 1 }
            advance()
            return .binary("^", base, try unary())
        }
        return base
    }

    private mutating func atom() throws(FormulaError) -> _FormulaExpression {
        let token = current
        switch token.kind {
        case .number(let value, let integer):
            advance()
            return .number(value, integer: integer)
        case .name(let name, let quoted):
            advance()
            if current.isSymbol("(") && !quoted {
                guard _FormulaExpression.numericFunctions.contains(name) else {
                    if ["ns", "strata", "cluster", "frailty"].contains(name) {
                        throw error(
                            .unsupported, token, "\(name)() must be a term of its own, not inside another function",
                            hint: "write it as a separate term, e.g. + \(name)(...)")
                    }
                    throw unknownFunction(name, at: token)
                }
                let open = current
                try nest(token)
                defer { depth -= 1 }
                advance()
                let argument = try arithmetic()
                if current.isSymbol(",") {
                    throw error(.unsupported, current, "\(name)() takes one argument here")
                }
                _ = try expectClose(open: open)
                return .call(name, argument)
            }
            return .column(name, offset: token.offset, length: token.length)
        case .symbol("("):
            try nest(token)
            defer { depth -= 1 }
            advance()
            let inner = try arithmetic()
            guard current.isSymbol(")") else { throw parenthesisError(open: token) }
            advance()
            return .parenthesis(inner)
        case .end:
            throw error(.syntax, token, "the formula ends inside a function call", hint: "complete the argument and close the ')'")
        default:
            throw error(.syntax, token, "expected a number, a column or '(' in the function argument, found \(token.display)")
        }
    }

    // MARK: term algebra

    private func tooManyTerms(_ token: _FormulaToken, _ what: String) -> FormulaError {
        error(
            .limitExceeded, token, "the formula expands to \(what) at \(token.display)",
            hint: "use fewer crossed terms or a lower power: (a + b + c)^2 already gives every two-way interaction")
    }

    /// `a + b`: the terms of `a`, then those of `b` not already present.
    /// - Throws: ``FormulaError`` (`.limitExceeded`) past ``Formula/maximumTerms`` terms.
    /// - Complexity: O(|a| + |b|) term hashes.
    private func union(_ a: [Term], _ b: [Term], at token: _FormulaToken) throws(FormulaError) -> [Term] {
        var result = a
        var seen = Set(a)
        for term in b where seen.insert(term).inserted {
            result.append(term)
            if result.count > Formula.maximumTerms { throw tooManyTerms(token, "more than \(Formula.maximumTerms) terms") }
        }
        return result
    }

    /// `a:b`: the union of every term of `a` with every term of `b` (a's outer), repeats dropped.
    /// - Throws: ``FormulaError`` (`.limitExceeded`) past ``Formula/maximumTerms`` terms or a million pairs.
    /// - Complexity: O(|a| x |b| x order).
    private func interact(_ a: [Term], _ b: [Term], at token: _FormulaToken) throws(FormulaError) -> [Term] {
        let (pairs, overflow) = a.count.multipliedReportingOverflow(by: b.count)
        if overflow || pairs > Self.maximumPairs {
            throw tooManyTerms(token, "\(a.count) x \(b.count) combinations of terms, more than \(Self.maximumPairs)")
        }
        var result: [Term] = []
        var seen = Set<Term>()
        for x in a {
            for y in b {
                let term = Self.merge(x, y)
                if seen.insert(term).inserted {
                    result.append(term)
                    if result.count > Formula.maximumTerms { throw tooManyTerms(token, "more than \(Formula.maximumTerms) terms") }
                }
            }
        }
        return result
    }

    /// The sorted union of two increasing index lists.
    private static func merge(_ x: Term, _ y: Term) -> Term {
        var result: Term = []
        result.reserveCapacity(x.count + y.count)
        var i = 0
        var j = 0
        while i < x.count || j < y.count {
            if j == y.count || (i < x.count && x[i] < y[j]) {
                result.append(x[i])
                i += 1
            } else if i == x.count || y[j] < x[i] {
                result.append(y[j])
                j += 1
            } else {
                result.append(x[i])
                i += 1
                j += 1
            }
        }
        return result
    }
}
