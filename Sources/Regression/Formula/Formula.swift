import NumericCore

/// The right-hand side of an R model formula, parsed and expanded into terms as R's `terms()` does.
///
/// Supported: columns (numeric, or text columns as factors), `a + b`, `a:b`, `a * b`
/// (= `a + b + a:b`; `a * b * c` gives every interaction), parentheses, `(a + b)^2`, the numeric
/// functions `log`, `log2`, `log10`, `log1p`, `exp`, `sqrt`, `abs`, arithmetic inside `I()`
/// (`I(x^2)`, `I(x * y)`), natural splines `ns(x, df = 3)` or `ns(x, 3)`, and the specials
/// `strata(col, ...)` (Cox) and `cluster(col)`. A leading `~` is allowed.
///
/// Terms are ordered as R orders them (main effects, then two-way interactions, ...; in order of
/// appearance within each order; repeats dropped). Labels are R's (`log(interval_days)`,
/// `dose_mg_kg:cotherapy`, `ns(dose_mg_kg, df = 3)`).
///
/// ```swift
/// let f = try Formula("dose_mg_kg * cotherapy + strata(site)")
/// f.terms.map(\.label)   // ["dose_mg_kg", "cotherapy", "dose_mg_kg:cotherapy"]
/// f.variables            // ["dose_mg_kg", "cotherapy", "site"]
/// f.strataColumns        // ["site"]
/// ```
public struct Formula: Sendable, Equatable, CustomStringConvertible {
    /// The text as given.
    public let text: String
    /// Every variable in order of first appearance (R's `variables`), including strata and cluster.
    public let factors: [FormulaVariable]
    /// The model terms in R's order; strata and cluster specials are not terms.
    public let terms: [FormulaTerm]
    /// Every data column the formula needs (terms, strata and cluster), in order of first appearance.
    public let variables: [String]
    /// The data columns the model terms need (what a prediction profile must give).
    public let termColumns: [String]
    /// The columns of all `strata()` specials, in order (crossed), or empty.
    public let strataColumns: [String]
    /// The column of the `cluster()` special, if any.
    public let clusterColumn: String?
    /// The column of the `frailty()` special, if any (a shared-frailty Cox model).
    public let frailtyColumn: String?

    /// The deepest nesting a formula may have (100 levels): each parenthesis, function call, sign and
    /// power inside a call counts one level. Deeper is a ``FormulaError`` of kind `.limitExceeded`.
    public static let maximumDepth = 100
    /// The most terms a formula may expand to (10,000), e.g. `(a + b + ...)^k`; an interaction may also
    /// combine at most a million pairs of terms. More is a ``FormulaError`` of kind `.limitExceeded`
    /// (the design builder's column limit, `DesignMatrixBuilder.maximumColumns`, is usually lower).
    public static let maximumTerms = 10_000
    /// The most distinct variables a formula may name (10,000).
    public static let maximumVariables = 10_000
    /// The longest formula text, in characters (100,000).
    public static let maximumLength = 100_000

    /// Parses `text`.
    /// - Parameter text: The right-hand side of a formula, e.g. `dose_mg_kg + log(interval_days)`.
    /// - Throws: ``FormulaError`` with the offset of the offending characters; of kind `.limitExceeded`
    ///   past ``maximumDepth``, ``maximumTerms``, ``maximumVariables`` or ``maximumLength``.
    /// - Complexity: O(length + terms x order), terms at most ``maximumTerms``.
    public init(_ text: String) throws(FormulaError) {
        var parser = try _FormulaParser(text)
        let rawTerms = try parser.parse()
        let factors = parser.variables
        self.text = text
        self.factors = factors

        var clusterColumn: String?
        var frailtyColumn: String?
        var strataColumns: [String] = []
        var modelTerms: [[Int]] = []
        for term in rawTerms {
            let specials = term.filter { !factors[$0].isModelVariable }
            if let special = specials.first {
                let variable = factors[special]
                if term.count > 1 {
                    let kind = variable.kind == .strata ? "strata()" : variable.kind == .cluster ? "cluster()" : "frailty()"
                    throw FormulaError(
                        .unsupported, formula: text, offset: variable.offset, length: variable.length,
                        message: "\(kind) cannot be part of an interaction",
                        hint: "give it as a term of its own, e.g. + \(variable.label)")
                }
                if variable.kind == .frailty {
                    if frailtyColumn != nil {
                        throw FormulaError(
                            .unsupported, formula: text, offset: variable.offset, length: variable.length,
                            message: "a second frailty() term", hint: "a model takes one shared frailty; keep one frailty(id) term")
                    }
                    frailtyColumn = variable.columns.first
                } else if variable.kind == .cluster {
                    if let existing = clusterColumn, existing != variable.columns.first {
                        throw FormulaError(
                            .invalidArgument, formula: text, offset: variable.offset, length: variable.length,
                            message: "a second cluster() term", hint: "cluster by one column")
                    }
                    clusterColumn = variable.columns.first
                } else {
                    for column in variable.columns where !strataColumns.contains(column) { strataColumns.append(column) }
                }
                continue
            }
            modelTerms.append(term)
        }
        // R's terms(): stable sort by order (number of variables).
        let sorted = modelTerms.enumerated().sorted { a, b in
            a.element.count != b.element.count ? a.element.count < b.element.count : a.offset < b.offset
        }.map(\.element)
        self.terms = sorted.map { term in
            FormulaTerm(label: term.map { factors[$0].label }.joined(separator: ":"), variables: term)
        }
        self.strataColumns = strataColumns
        self.clusterColumn = clusterColumn
        self.frailtyColumn = frailtyColumn
        if let frailtyColumn, frailtyColumn == clusterColumn, let variable = factors.first(where: { $0.kind == .cluster }) {
            throw FormulaError(
                .invalidArgument, formula: text, offset: variable.offset, length: variable.length,
                message: "cluster(\(frailtyColumn)) and frailty(\(frailtyColumn)) name the same column",
                hint: "frailty() models the patient effect itself; drop cluster(), or drop frailty() for robust SEs only")
        }

        var all: [String] = []
        var seen = Set<String>()
        for variable in factors {
            for column in variable.columns where seen.insert(column).inserted { all.append(column) }
        }
        self.variables = all
        var used = Set<String>()
        for index in Set(terms.flatMap(\.variables)) {
            used.formUnion(factors[index].columns)
        }
        self.termColumns = all.filter { used.contains($0) }
    }

    /// The model terms joined by ` + `, then the specials (a normalised form of the formula).
    public var description: String {
        var parts = terms.map(\.label)
        parts += factors.filter { !$0.isModelVariable }.map(\.label)
        return parts.joined(separator: " + ")
    }

    /// Whether the formula has no model terms (only specials, if any).
    public var isNull: Bool { terms.isEmpty }

    /// Checks that every column the formula names exists.
    /// - Parameter available: The column names of the data (e.g. from `SurvivalDatasetReader.header(path:)`).
    /// - Throws: ``FormulaError`` of kind `.unknownColumn` at the first unknown name, listing the
    ///   columns that exist and suggesting a near match.
    /// - Complexity: O(references x columns x name length²).
    public func checkColumns(_ available: [String]) throws(FormulaError) {
        let known = Set(available)
        for variable in factors {
            for reference in variable.references where !known.contains(reference.name) {
                var hint = "the columns are " + MessageBounds.list(available, budget: 200)
                if let near = Self.nearestName(to: reference.name, in: available) {
                    hint = "did you mean '\(MessageBounds.clamp(near, to: MessageBounds.maximumNameLength))'? " + hint
                }
                throw FormulaError(
                    .unknownColumn, formula: text, offset: reference.offset, length: reference.length,
                    message: "no column '\(MessageBounds.clamp(reference.name, to: MessageBounds.maximumNameLength))' in the data", hint: hint)
            }
        }
    }

    /// The closest name to `name` among `candidates`: same name ignoring case, else the smallest edit
    /// distance when it is at most a third of the name's length (at least 1); `nil` when none is close.
    package static func nearestName(to name: String, in candidates: [String]) -> String? {
        if let same = candidates.first(where: { $0.lowercased() == name.lowercased() }) { return same }
        let limit = max(1, name.count / 3)
        var best: (name: String, distance: Int)?
        for candidate in candidates where abs(candidate.count - name.count) <= limit {
            let d = editDistance(Array(name.lowercased()), Array(candidate.lowercased()))
            if d <= limit, best == nil || d < (best?.distance ?? Int.max) { best = (candidate, d) }
        }
        return best?.name
    }

    /// Levenshtein distance.
    package static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var row = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            row[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                row[j] = min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + cost)
            }
            swap(&previous, &row)
        }
        return previous[b.count]
    }
}
