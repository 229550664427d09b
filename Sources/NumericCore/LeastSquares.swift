/// Linear least squares `min ‖A x − b‖₂` through LAPACK: `dgels` (QR, full rank) and `dgelsd`
/// (SVD, any rank, minimum-norm solution).
///
/// ```swift
/// let x = try LeastSquares.fullRank(a, b)                  // A has full column rank
/// let s = try LeastSquares.minimumNorm(a, b)               // rank-deficient A
/// s.rank; s.singularValues
/// ```
public enum LeastSquares {
    /// Solves `min ‖A X − B‖` for `A` of full rank by QR (`m ≥ n`) or the minimum-norm solution of
    /// the underdetermined system by LQ (`m < n`), LAPACK `dgels`.
    ///
    /// - Parameters:
    ///   - a: A finite `m × n` matrix of full rank.
    ///   - b: Finite right-hand sides, `m × k`.
    /// - Returns: `X`, `n × k`.
    /// - Throws: `.dimensionMismatch` if `b.rows != m`, `.nonFiniteValue` for NaN/infinity,
    ///   `.singular(pivot:)` if `A` is exactly rank deficient (use `minimumNorm(_:_:relativeTolerance:)`).
    /// - Complexity: O(m n min(m, n) + max(m, n) k min(m, n)).
    public static func fullRank(_ a: Matrix, _ b: Matrix) throws(LinearAlgebraError) -> Matrix {
        let (m, n, k) = try _shapes(a, b, "LeastSquares.fullRank")
        if m == 0 || n == 0 || k == 0 { return Matrix(rows: n, columns: k) }
        var aElements = a.elements
        var padded = _padded(b, rows: max(m, n))
        let info = try LAPACK.gels(&aElements, m: m, n: n, &padded, nrhs: k)
        if info > 0 { throw .singular(pivot: info) }
        return try _leadingRows(padded, ldb: max(m, n), rows: n, columns: k)
    }

    /// Vector form of `fullRank(_:_:)` (matrix form).
    ///
    /// - Parameters:
    ///   - a: A finite `m × n` matrix of full rank.
    ///   - b: The right-hand side, length `m`.
    /// - Returns: `x`, length `n`.
    /// - Throws: As the matrix form.
    /// - Complexity: O(m n min(m, n)).
    public static func fullRank(_ a: Matrix, _ b: [Double]) throws(LinearAlgebraError) -> [Double] {
        try fullRank(a, Matrix(rows: b.count, columns: 1, columnMajor: b)).elements
    }

    /// The minimum-norm least-squares solution for any rank, by the SVD (LAPACK `dgelsd`).
    ///
    /// Singular values `σᵢ ≤ relativeTolerance · σ_max` are treated as zero, which fixes the
    /// effective rank.
    ///
    /// - Parameters:
    ///   - a: A finite `m × n` matrix.
    ///   - b: Finite right-hand sides, `m × k`.
    ///   - relativeTolerance: The rank cut-off; default `max(m, n) · ε` (as NumPy's `lstsq`).
    /// - Returns: The solution, the effective rank and the singular values.
    /// - Throws: `.dimensionMismatch` if `b.rows != m`, `.nonFiniteValue` for NaN/infinity,
    ///   `.noConvergence(info:)` if the SVD fails to converge.
    /// - Complexity: O(m n min(m, n)).
    public static func minimumNorm(
        _ a: Matrix, _ b: Matrix, relativeTolerance: Double? = nil
    ) throws(LinearAlgebraError) -> LeastSquaresSolution {
        let (m, n, k) = try _shapes(a, b, "LeastSquares.minimumNorm")
        if m == 0 || n == 0 {
            return LeastSquaresSolution(solution: Matrix(rows: n, columns: k), rank: 0, singularValues: [])
        }
        let rcond = relativeTolerance ?? Double(max(m, n)) * Double.ulpOfOne
        var aElements = a.elements
        let nrhs = max(k, 1)
        var padded = k > 0 ? _padded(b, rows: max(m, n)) : [Double](repeating: 0, count: max(m, n))
        var singularValues = [Double](repeating: 0, count: min(m, n))
        let (info, rank) = try LAPACK.gelsd(&aElements, m: m, n: n, &padded, nrhs: nrhs,
                                            singularValues: &singularValues, rcond: rcond)
        if info > 0 { throw .noConvergence(info: info) }
        let solution = try _leadingRows(padded, ldb: max(m, n), rows: n, columns: k)
        return LeastSquaresSolution(solution: solution, rank: rank, singularValues: singularValues)
    }

    /// Vector form of `minimumNorm(_:_:relativeTolerance:)`.
    ///
    /// - Parameters:
    ///   - a: A finite `m × n` matrix.
    ///   - b: The right-hand side, length `m`.
    ///   - relativeTolerance: The rank cut-off; default `max(m, n) · ε`.
    /// - Returns: The solution (see ``LeastSquaresSolution/coefficients``), rank and singular values.
    /// - Throws: As the matrix form.
    /// - Complexity: O(m n min(m, n)).
    public static func minimumNorm(
        _ a: Matrix, _ b: [Double], relativeTolerance: Double? = nil
    ) throws(LinearAlgebraError) -> LeastSquaresSolution {
        try minimumNorm(a, Matrix(rows: b.count, columns: 1, columnMajor: b), relativeTolerance: relativeTolerance)
    }

    /// Validates `a` and `b` and returns `(m, n, k)`.
    private static func _shapes(_ a: Matrix, _ b: Matrix, _ routine: String) throws(LinearAlgebraError) -> (Int, Int, Int) {
        try a._validate("\(routine) matrix")
        try b._validate("\(routine) right-hand side")
        guard b.rows == a.rows else {
            throw .dimensionMismatch("\(routine): A is \(a.rows)×\(a.columns), B has \(b.rows) rows")
        }
        return (a.rows, a.columns, b.columns)
    }

    /// `b` copied into a `rows × k` column-major array (zero rows appended when `rows > b.rows`).
    private static func _padded(_ b: Matrix, rows: Int) -> [Double] {
        var result = [Double](repeating: 0, count: rows * b.columns)
        for j in 0..<b.columns {
            for i in 0..<b.rows { result[i + j * rows] = b.elements[i + j * b.rows] }
        }
        return result
    }

    /// The leading `rows × columns` block of an `ldb`-row column-major array.
    private static func _leadingRows(_ x: [Double], ldb: Int, rows: Int, columns: Int) throws(LinearAlgebraError) -> Matrix {
        var result = [Double](repeating: 0, count: rows * columns)
        for j in 0..<columns {
            for i in 0..<rows { result[i + j * rows] = x[i + j * ldb] }
        }
        return try Matrix(rows: rows, columns: columns, columnMajor: result)
    }
}
