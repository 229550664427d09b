extension Matrix {
    /// Matrix–vector product `y = op(A) x` (BLAS `dgemv`), `op(A) = A` or `Aᵀ`.
    ///
    /// - Parameters:
    ///   - x: A vector of length `columns` (or `rows` when `transpose`).
    ///   - transpose: Multiply by `Aᵀ` instead of `A`.
    /// - Returns: `op(A) x`.
    /// - Throws: `.dimensionMismatch` for a wrong length, `.sizeTooLarge` beyond Int32.
    /// - Complexity: O(rows × columns).
    public func gemv(_ x: [Double], transpose: Bool = false) throws(LinearAlgebraError) -> [Double] {
        try _validate("gemv matrix", allowNonFinite: true)
        let needed = transpose ? rows : columns
        guard x.count == needed else {
            throw .dimensionMismatch("gemv: \(transpose ? "Aᵀ" : "A") is \(transpose ? columns : rows)×\(needed), vector has \(x.count) elements")
        }
        let resultCount = transpose ? columns : rows
        if rows == 0 || columns == 0 { return [Double](repeating: 0, count: resultCount) }
        return try BLAS.gemv(elements, m: rows, n: columns, transpose: transpose, x)
    }

    /// Matrix product `C = op(A) op(B)` (BLAS `dgemm`).
    ///
    /// - Parameters:
    ///   - other: The right operand `B`.
    ///   - transposeSelf: Use `Aᵀ`.
    ///   - transposeOther: Use `Bᵀ`.
    /// - Returns: The product, `rows(op(A)) × columns(op(B))`.
    /// - Throws: `.dimensionMismatch` when the inner dimensions differ.
    /// - Complexity: O(m × n × k).
    public func gemm(
        _ other: Matrix, transposeSelf: Bool = false, transposeOther: Bool = false
    ) throws(LinearAlgebraError) -> Matrix {
        try _validate("gemm left operand", allowNonFinite: true)
        try other._validate("gemm right operand", allowNonFinite: true)
        let m = transposeSelf ? columns : rows
        let k = transposeSelf ? rows : columns
        let otherK = transposeOther ? other.columns : other.rows
        let n = transposeOther ? other.rows : other.columns
        guard k == otherK else {
            throw .dimensionMismatch("gemm: op(A) is \(m)×\(k), op(B) is \(otherK)×\(n)")
        }
        if m == 0 || n == 0 || k == 0 { return Matrix(rows: m, columns: n) }
        let c = try BLAS.gemm(elements, aRows: rows, transposeA: transposeSelf, other.elements,
                              bRows: other.rows, transposeB: transposeOther, m: m, n: n, k: k)
        return try Matrix(rows: m, columns: n, columnMajor: c)
    }

    /// Symmetric rank-k product (BLAS `dsyrk`) returned as the full symmetric matrix:
    /// `A Aᵀ` (`rows × rows`), or `Aᵀ A` (`columns × columns`) when `transpose`.
    ///
    /// - Parameter transpose: Compute `Aᵀ A` (R's `crossprod`) instead of `A Aᵀ` (`tcrossprod`).
    /// - Returns: The symmetric product with both triangles filled.
    /// - Complexity: O(n² k).
    public func syrk(transpose: Bool = false) throws(LinearAlgebraError) -> Matrix {
        try _validate("syrk operand", allowNonFinite: true)
        let n = transpose ? columns : rows
        let k = transpose ? rows : columns
        if n == 0 || k == 0 { return Matrix(rows: n, columns: n) }
        var c = try BLAS.syrkLower(elements, aRows: rows, n: n, k: k, transpose: transpose)
        for j in 0..<n {
            for i in (j + 1)..<max(j + 1, n) {
                c[j + i * n] = c[i + j * n]
            }
        }
        return try Matrix(rows: n, columns: n, columnMajor: c)
    }

    /// `Aᵀ A`, the cross-product matrix (R's `crossprod(A)`); same as `syrk(transpose: true)`.
    ///
    /// - Complexity: O(columns² × rows).
    public func crossProduct() throws(LinearAlgebraError) -> Matrix {
        try syrk(transpose: true)
    }

    /// The dot product `xᵀ y` (BLAS `ddot`).
    ///
    /// - Throws: `.dimensionMismatch` when the lengths differ.
    /// - Complexity: O(n).
    public static func dot(_ x: [Double], _ y: [Double]) throws(LinearAlgebraError) -> Double {
        guard x.count == y.count else {
            throw .dimensionMismatch("dot: vectors of length \(x.count) and \(y.count)")
        }
        if x.isEmpty { return 0 }
        return try BLAS.dot(x, y)
    }

    /// `α x + y` (BLAS `daxpy`).
    ///
    /// - Throws: `.dimensionMismatch` when the lengths differ.
    /// - Complexity: O(n).
    public static func axpy(_ alpha: Double, _ x: [Double], _ y: [Double]) throws(LinearAlgebraError) -> [Double] {
        guard x.count == y.count else {
            throw .dimensionMismatch("axpy: vectors of length \(x.count) and \(y.count)")
        }
        var result = y
        if x.isEmpty { return result }
        try BLAS.axpy(alpha, x, &result)
        return result
    }
}
