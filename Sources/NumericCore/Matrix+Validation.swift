extension Matrix {
    /// Checks that `elements` matches the shape (the array is publicly settable) and, unless
    /// `allowNonFinite`, that every element is finite; `operand` names the argument in messages.
    package func _validate(_ operand: String, allowNonFinite: Bool = false) throws(LinearAlgebraError) {
        let (count, overflow) = rows.multipliedReportingOverflow(by: columns)
        guard !overflow, count == elements.count else {
            throw .dimensionMismatch("\(operand) is \(rows)×\(columns) but holds \(elements.count) elements")
        }
        if !allowNonFinite, !isFinite {
            throw .nonFiniteValue(operand)
        }
    }

    /// `_validate` plus a square check.
    package func _validateSquare(_ operand: String) throws(LinearAlgebraError) {
        try _validate(operand)
        guard isSquare else {
            throw .dimensionMismatch("\(operand) must be square, got \(rows)×\(columns)")
        }
    }
}

extension Array where Element == Double {
    /// Throws `.nonFiniteValue(operand)` if any element is NaN or infinite.
    package func _validateFinite(_ operand: String) throws(LinearAlgebraError) {
        guard allSatisfy(\.isFinite) else { throw .nonFiniteValue(operand) }
    }
}
