import NumericCore
import DataIO

/// A typed error from building a design matrix or prediction profiles: what is wrong, with which
/// column or term, and what to do.
public enum DesignMatrixError: ReliefError, Sendable, Equatable {
    /// How the CLI should treat the error.
    public enum Kind: Sendable, Equatable {
        /// The options do not fit the formula or data (exit 64).
        case usage
        /// The data cannot give the design (exit 65).
        case badData
    }

    /// The dataset was read without a column the formula needs.
    case columnNotRead(column: String)
    /// A `--ref` option names a column that is not a factor of the formula.
    case referenceColumnNotInFormula(column: String, factors: [String])
    /// A `--ref` option names a numeric column.
    case referenceForNumericColumn(column: String)
    /// `factor(x)` of a column that holds text (already a factor).
    case factorOfTextColumn(variable: String, column: String)
    /// A `--ref` level does not occur in the column.
    case unknownReferenceLevel(column: String, level: String, levels: [String])
    /// A `--ref` or `--at` argument is not of the form `column=value[,value...]`.
    case malformedArgument(option: String, argument: String, example: String)
    /// A text column is used where numbers are needed (`log(condition)`, `ns(condition, 3)`).
    case factorInNumericExpression(variable: String, column: String)
    /// A transformed value is NaN or infinite (`log(0)`, `sqrt(-1)`); `line` is the file line when known.
    case nonFiniteValue(variable: String, row: Int, line: Int?, value: Double)
    /// A spline basis cannot be built (too few distinct values).
    case splineUndefined(variable: String, reason: String)
    /// No rows to build the design from.
    case noRows
    /// The design would be too large to hold.
    case tooLarge(rows: Int, columns: Int)
    /// The formula expands to more design columns than the limit (`--max-columns`): at least `columns`
    /// when counting stopped; `term` is the widest term counted, with `termColumns` columns.
    case tooManyColumns(columns: Int, limit: Int, term: String, termColumns: Int)
    /// A text column of the model terms has so many levels (more than `limit`, or more than half of the
    /// `rows`) that it is an identifier rather than a factor.
    case tooManyLevels(column: String, levels: Int, rows: Int, limit: Int)
    /// A profile (`--at`) names a column the model terms do not use.
    case unknownProfileColumn(column: String, needed: [String])
    /// A profile (`--at`) gives the same column twice.
    case repeatedProfileColumn(column: String)
    /// A column the model terms need has no profile value.
    case missingProfileValue(columns: [String])
    /// A profile value for a numeric column is not a finite number.
    case profileValueNotANumber(column: String, value: String)
    /// A profile value for a factor is not one of its levels.
    case unknownProfileLevel(column: String, value: String, levels: [String])
    /// The cross of the `--at` values has more than a million profiles.
    case tooManyProfiles(count: Int)

    /// How the CLI should treat the error: usage (64) or bad data (65).
    public var kind: Kind {
        switch self {
        case .factorInNumericExpression, .factorOfTextColumn, .nonFiniteValue, .splineUndefined, .noRows, .tooLarge: return .badData
        default: return .usage
        }
    }

    private static func list(_ names: [String]) -> String {
        MessageBounds.list(names, budget: 150)
    }

    private static func name(_ text: String) -> String {
        MessageBounds.clamp(text, to: MessageBounds.maximumNameLength)
    }

    /// One line: what was found, then what to do.
    public var description: String {
        switch self {
        case .columnNotRead(let column):
            return "column '\(column)' was not read with the data. Read the formula's variables as covariates (ColumnRoles.covariates)."
        case .referenceColumnNotInFormula(let column, let factors):
            let known = factors.isEmpty ? "the formula has no text (factor) columns" : "the factors are \(Self.list(factors))"
            return "--ref names '\(column)', which is not a factor in the formula; \(known). Give --ref for a text column of the formula."
        case .referenceForNumericColumn(let column):
            return "--ref names '\(column)', a numeric column, which has no levels. Drop the --ref option for it."
        case .unknownReferenceLevel(let column, let level, let levels):
            return "--ref \(column)=\(level): '\(level)' is not a level of '\(column)'; the levels are \(Self.list(levels)). Give one of them (names are case-sensitive)."
        case .malformedArgument(let option, let argument, let example):
            return "\(option) '\(argument)' is not of the form \(example)."
        case .factorOfTextColumn(let variable, let column):
            return "\(variable): column '\(column)' holds text, so it is a factor already. Write \(column) instead of \(variable)."
        case .factorInNumericExpression(let variable, let column):
            return "\(variable): column '\(column)' holds text, so it cannot be used in arithmetic or a spline. Use the column on its own (it becomes a factor), or fix its values if it should be numeric."
        case .nonFiniteValue(let variable, let row, let line, let value):
            let where_ = line.map { "line \($0)" } ?? "row \(row + 1)"
            var hint = "Fix or exclude such rows, or choose another transformation."
            if variable.hasPrefix("log") { hint = "log needs positive values: fix or exclude such rows, or use log(x + c) inside the formula (e.g. log1p(x))." }
            if variable.hasPrefix("sqrt") { hint = "sqrt needs values >= 0: fix or exclude such rows." }
            return "\(variable) is \(Self.show(value)) at \(where_). \(hint)"
        case .splineUndefined(let variable, let reason):
            return "\(variable) cannot be built: \(reason). Use fewer degrees of freedom or a plain linear term."
        case .noRows:
            return "no rows are left to fit (every row was excluded). Check the exclusions listed with the data."
        case .tooLarge(let rows, let columns):
            return "the design matrix would have \(rows) rows and \(columns) columns, too large to hold. Use fewer or simpler terms."
        case .tooManyColumns(_, let limit, let term, let termColumns):
            return "the formula expands to more than \(limit) design columns (--max-columns); the term '\(Self.name(term))' alone "
                + "has \(termColumns). Use fewer interactions, factor levels or spline degrees of freedom, or raise --max-columns."
        case .tooManyLevels(let column, let levels, let rows, let limit):
            let why = levels > limit ? "more than \(limit)" : "more than half of the \(rows) rows"
            let shown = MessageBounds.clamp(column, to: 40)  // shown twice
            return "'\(shown)' has \(levels) levels (\(why)), too many for a factor. If it identifies patients "
                + "or sites, use cluster(\(shown)) for robust standard errors; else group it into fewer levels."
        case .unknownProfileColumn(let column, let needed):
            return "--at names '\(column)', which the model terms do not use; they use \(Self.list(needed)). Give --at for those columns only."
        case .repeatedProfileColumn(let column):
            return "--at gives '\(column)' twice. List all its values in one option, e.g. --at \(column)=a,b."
        case .missingProfileValue(let columns):
            return "no --at value for \(Self.list(columns)). Give every column the model terms use, e.g. --at \(columns.first ?? "x")=VALUE."
        case .profileValueNotANumber(let column, let value):
            return "--at \(column)=\(value): '\(value)' is not a number, but '\(column)' is numeric. Give numbers, e.g. --at \(column)=0.5,1.0."
        case .tooManyProfiles(let count):
            let shown = count == Int.max ? "more than 2^63" : "\(count)"
            return "the --at values cross to \(shown) profiles, more than the limit of 1,000,000. Give fewer values."
        case .unknownProfileLevel(let column, let value, let levels):
            return "--at \(column)=\(value): '\(value)' is not a level of '\(column)'; the levels are \(Self.list(levels)). Give level names as they appear in the data."
        }
    }

    private static func show(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value < 0 ? "-Inf" : "Inf" }
        return "\(value)"
    }
}

extension DesignMatrixError {
    /// Usage or bad data, as ``kind``.
    public var failureKind: FailureKind { kind == .usage ? .usage : .badData }

    /// The description, cut to ``MessageBounds/maximumFirstLineLength`` characters (names in it may be long).
    public var messageLines: [String] { [MessageBounds.clamp(description, to: MessageBounds.maximumFirstLineLength)] }
}
