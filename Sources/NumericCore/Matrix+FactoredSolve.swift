extension Matrix {
    /// `X` of `A X = self` for the factored `n × n` matrix `A` of `solver`: checks this right-hand side, then
    /// lets `solve` overwrite a copy of its column-major elements with `X`.
    ///
    /// - Parameters:
    ///   - solver: The solver's type name in messages, e.g. `"Cholesky"`.
    ///   - dimension: `n`.
    ///   - solve: The LAPACK solve, given the elements and the number of right-hand sides (`columns`).
    /// - Returns: `X`, `n × columns` (this matrix itself when `n` or `columns` is 0).
    /// - Throws: `.dimensionMismatch` if `rows != n`, `.nonFiniteValue` for NaN/infinity, or what `solve`
    ///   throws.
    package func _solved(
        by solver: String, dimension: Int,
        _ solve: (_ elements: inout [Double], _ columns: Int) throws(LinearAlgebraError) -> Void
    ) throws(LinearAlgebraError) -> Matrix {
        try _validate("\(solver) right-hand side")
        guard rows == dimension else {
            throw .dimensionMismatch("\(solver).solve: A is \(dimension)×\(dimension), B has \(rows) rows")
        }
        if dimension == 0 || columns == 0 { return self }
        var x = elements
        try solve(&x, columns)
        return try Matrix(rows: rows, columns: columns, columnMajor: x)
    }
}
