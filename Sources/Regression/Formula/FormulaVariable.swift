/// One variable of a formula, as R's `terms` lists them: a column, a numeric function of columns, a
/// natural spline basis, or a strata / cluster special. Variables are identified by their deparsed
/// label (`log(interval_days)` and `log( interval_days )` are one variable).
public struct FormulaVariable: Sendable, Equatable {
    /// What the variable is.
    public enum Kind: Sendable, Equatable {
        /// A column as read: numeric, or a factor with treatment coding.
        case column
        /// A numeric function of columns: `log(x)`, `sqrt(x)`, `exp(x)`, `I(x^2)`, `I(x * y)`, ...
        case transform
        /// A natural cubic spline basis, `ns(x, df = k)`: k columns.
        case naturalSpline(degreesOfFreedom: Int)
        /// `factor(x)`: the distinct values of a numeric column as the levels of a factor (numeric order,
        /// labelled as R's `as.character`; reference the first, or `--ref x=level`), treatment coded.
        case factor
        /// `strata(a, ...)`: not a model term; the crossed levels stratify a Cox model.
        case strata
        /// `cluster(id)`: not a model term; groups rows for the robust variance.
        case cluster
        /// `frailty(id)`: not a design column; a shared random effect per group (a penalised Cox fit).
        case frailty
    }

    /// The label, as R deparses the expression: `dose_mg_kg`, `I(dose_mg_kg^2)`, `ns(dose_mg_kg, df = 3)`.
    public let label: String
    /// What the variable is.
    public let kind: Kind
    /// The data columns the variable reads, distinct, in order of appearance.
    public let columns: [String]
    /// The 0-based character offset of the variable in the formula text (its first appearance).
    public let offset: Int
    /// Its length in characters.
    public let length: Int
    /// The numeric expression (`.transform`) or the spline's argument (`.naturalSpline`).
    package let expression: _FormulaExpression?
    /// Every column reference with where it is written (for unknown-column errors).
    package let references: [(name: String, offset: Int, length: Int)]

    package init(
        label: String, kind: Kind, expression: _FormulaExpression?, references: [(name: String, offset: Int, length: Int)],
        offset: Int, length: Int
    ) {
        self.label = label
        self.kind = kind
        self.expression = expression
        self.references = references
        var seen: [String] = []
        for reference in references where !seen.contains(reference.name) { seen.append(reference.name) }
        self.columns = seen
        self.offset = offset
        self.length = length
    }

    public static func == (a: FormulaVariable, b: FormulaVariable) -> Bool {
        a.label == b.label && a.kind == b.kind && a.columns == b.columns && a.offset == b.offset
            && a.length == b.length && a.expression == b.expression
    }

    /// Whether the variable is a model term variable (not strata / cluster).
    package var isModelVariable: Bool {
        switch kind {
        case .strata, .cluster, .frailty: return false
        default: return true
        }
    }
}
