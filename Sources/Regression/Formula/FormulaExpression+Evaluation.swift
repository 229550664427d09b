import Foundation

/// Numeric evaluation of formula expressions over a frame, with R's arithmetic.
extension _FormulaExpression {
    /// A value during evaluation: a scalar (from literals) or one number per row.
    package enum _Value {
        case scalar(Double)
        case vector([Double])

        package func materialised(rows: Int) -> [Double] {
            switch self {
            case .scalar(let s): return [Double](repeating: s, count: rows)
            case .vector(let v): return v
            }
        }
    }

    /// The expression's value on every row of `frame`.
    /// - Parameters:
    ///   - frame: The columns.
    ///   - variable: The label of the variable being evaluated (for messages).
    /// - Returns: One number per row (possibly NaN or infinite; the caller checks).
    /// - Throws: ``DesignMatrixError/factorInNumericExpression(variable:column:)`` for a text column,
    ///   ``DesignMatrixError/columnNotRead(column:)`` for a column absent from the frame.
    /// - Complexity: O(rows x expression size).
    package func evaluate(in frame: _DesignFrame, variable: String) throws(DesignMatrixError) -> [Double] {
        try value(in: frame, variable: variable).materialised(rows: frame.rows)
    }

    private func value(in frame: _DesignFrame, variable: String) throws(DesignMatrixError) -> _Value {
        switch self {
        case .column(let name, _, _):
            guard let column = frame.columns[name] else { throw .columnNotRead(column: name) }
            switch column {
            case .numeric(let values): return .vector(values)
            case .factor: throw .factorInNumericExpression(variable: variable, column: name)
            }
        case .number(let v, _):
            return .scalar(v)
        case .parenthesis(let inner):
            return try inner.value(in: frame, variable: variable)
        case .unary(let op, let operand):
            let v = try operand.value(in: frame, variable: variable)
            return op == "-" ? Self.map(v) { -$0 } : v
        case .call(let name, let argument):
            let v = try argument.value(in: frame, variable: variable)
            switch name {
            case "log": return Self.map(v) { Foundation.log($0) }
            case "log2": return Self.map(v) { Foundation.log2($0) }
            case "log10": return Self.map(v) { Foundation.log10($0) }
            case "log1p": return Self.map(v) { Foundation.log1p($0) }
            case "exp": return Self.map(v) { Foundation.exp($0) }
            case "sqrt": return Self.map(v) { $0.squareRoot() }
            case "abs": return Self.map(v) { Swift.abs($0) }
            default: return v  // I()
            }
        case .binary(let op, let left, let right):
            let a = try left.value(in: frame, variable: variable)
            let b = try right.value(in: frame, variable: variable)
            switch op {
            case "+": return Self.combine(a, b) { $0 + $1 }
            case "-": return Self.combine(a, b) { $0 - $1 }
            case "*": return Self.combine(a, b) { $0 * $1 }
            case "/": return Self.combine(a, b) { $0 / $1 }
            default: return Self.combine(a, b, Self.power)
            }
        }
    }

    /// R's `^`: `x * x` for the exponent 2, else R_pow (1 for x == 1 or y == 0, else C's pow).
    package static func power(_ x: Double, _ y: Double) -> Double {
        if y == 2 { return x * x }
        if x == 1 || y == 0 { return 1 }
        return Foundation.pow(x, y)
    }

    private static func map(_ v: _Value, _ f: (Double) -> Double) -> _Value {
        switch v {
        case .scalar(let s): return .scalar(f(s))
        case .vector(let values): return .vector(values.map(f))
        }
    }

    private static func combine(_ a: _Value, _ b: _Value, _ f: (Double, Double) -> Double) -> _Value {
        switch (a, b) {
        case (.scalar(let x), .scalar(let y)): return .scalar(f(x, y))
        case (.scalar(let x), .vector(let ys)): return .vector(ys.map { f(x, $0) })
        case (.vector(let xs), .scalar(let y)): return .vector(xs.map { f($0, y) })
        case (.vector(let xs), .vector(let ys)):
            var out = [Double](repeating: 0, count: min(xs.count, ys.count))
            for i in out.indices { out[i] = f(xs[i], ys[i]) }
            return .vector(out)
        }
    }
}
