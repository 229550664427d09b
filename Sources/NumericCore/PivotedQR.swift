/// QR factorization with column pivoting, `A P = Q R` (LAPACK `dgeqp3`), and the numerical rank.
///
/// `dgeqp3` moves the column of largest remaining norm forward at each step, so `|R₀₀| ≥ |R₁₁| ≥ …`
/// roughly; the rank is the number of diagonal elements with `|Rᵢᵢ| > tolerance · |R₀₀|`. The
/// default tolerance `1e-7` is the one R's `lm`/`qr` use (there with LINPACK's limited pivoting).
///
/// ```swift
/// let qr = try PivotedQR(x)                 // x: n × p design matrix
/// qr.rank                                   // < p when columns are collinear
/// let beta = try qr.solve(y)                // basic solution, aliased coefficients 0
/// ```
public struct PivotedQR: Sendable, Equatable {
    /// The number of rows `m` of `A`.
    public let rows: Int
    /// The number of columns `n` of `A`.
    public let columns: Int
    /// The numerical rank.
    public let rank: Int
    /// The relative tolerance used for the rank.
    public let tolerance: Double
    /// The column permutation, zero-based: column `j` of `A P` is column `pivots[j]` of `A`.
    public let pivots: [Int]
    /// `Q` (as Householder reflectors below the diagonal) and `R` packed as `dgeqp3` returns them.
    package let packed: [Double]
    /// The Householder scalars.
    package let tau: [Double]

    /// Factors `a`.
    ///
    /// - Parameters:
    ///   - a: A finite `m × n` matrix.
    ///   - tolerance: Relative threshold on `|Rᵢᵢ| / |R₀₀|` for the rank.
    /// - Throws: `.nonFiniteValue` for NaN/infinity, `.sizeTooLarge` beyond Int32.
    /// - Complexity: O(m n min(m, n)).
    public init(_ a: Matrix, tolerance: Double = 1e-7) throws(LinearAlgebraError) {
        try a._validate("PivotedQR input")
        let m = a.rows
        let n = a.columns
        let k = min(m, n)
        var elements = a.elements
        var jpvt = [Int32](repeating: 0, count: n)
        var tau = [Double](repeating: 0, count: k)
        if m > 0, n > 0 {
            try LAPACK.geqp3(&elements, m: m, n: n, jpvt: &jpvt, tau: &tau)
        } else {
            for j in 0..<n { jpvt[j] = Int32(truncatingIfNeeded: j + 1) }
        }
        let first = k > 0 ? abs(elements[0]) : 0
        var rank = 0
        if first > 0 {
            while rank < k, abs(elements[rank + rank * m]) > tolerance * first { rank += 1 }
        }
        self.rows = m
        self.columns = n
        self.rank = rank
        self.tolerance = tolerance
        self.pivots = jpvt.map { Int($0) - 1 }
        self.packed = elements
        self.tau = tau
    }

    /// The upper-trapezoidal factor `R`, `min(m, n) × n`.
    ///
    /// - Complexity: O(min(m, n) × n).
    public var r: Matrix {
        let k = min(rows, columns)
        var result = Matrix(rows: k, columns: columns)
        for j in 0..<columns {
            for i in 0..<min(j + 1, k) {
                result.elements[i + j * k] = packed[i + j * rows]
            }
        }
        return result
    }

    /// The thin orthonormal factor `Q`, `m × min(m, n)` (`dorgqr`).
    ///
    /// - Returns: `Q` with orthonormal columns.
    /// - Throws: `.sizeTooLarge` beyond Int32.
    /// - Complexity: O(m n min(m, n)).
    public func thinQ() throws(LinearAlgebraError) -> Matrix {
        let k = min(rows, columns)
        if k == 0 { return Matrix(rows: rows, columns: 0) }
        var q = Array(packed[0..<(rows * k)])
        try LAPACK.orgqr(&q, m: rows, n: k, k: k, tau: tau)
        return try Matrix(rows: rows, columns: k, columnMajor: q)
    }

    /// The basic least-squares solution of `A x ≈ b`: the rank-`r` leading block of `R` is solved
    /// and the coefficients of the `n − r` trailing (aliased) columns are set to 0 (R's `lm`
    /// reports them as `NA`; see ``aliasedColumns``).
    ///
    /// - Parameter b: The right-hand side, length `m`.
    /// - Returns: `x`, length `n`.
    /// - Throws: `.dimensionMismatch` if `b.count != m`, `.nonFiniteValue` for NaN/infinity.
    /// - Complexity: O(m n).
    public func solve(_ b: [Double]) throws(LinearAlgebraError) -> [Double] {
        try b._validateFinite("PivotedQR right-hand side")
        guard b.count == rows else {
            throw .dimensionMismatch("PivotedQR.solve: A has \(rows) rows, b has \(b.count) elements")
        }
        var x = [Double](repeating: 0, count: columns)
        if rank == 0 { return x }
        var c = b
        try LAPACK.ormqrTranspose(packed, m: rows, k: min(rows, columns), tau: tau, &c, nrhs: 1)
        var y = Array(c[0..<rank])
        try BLAS.upperTriangularSolve(packed, lda: rows, n: rank, &y)
        for i in 0..<rank { x[pivots[i]] = y[i] }
        return x
    }

    /// The original indices of the columns judged linearly dependent on the others
    /// (`pivots[rank...]`), in ascending order.
    public var aliasedColumns: [Int] { pivots[rank...].sorted() }
}
