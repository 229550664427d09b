/// Solves symmetric, possibly indefinite systems `A x = b` through the Bunch–Kaufman
/// factorization `A = L D Lᵀ` with symmetric pivoting (LAPACK `dsytrf`/`dsytrs`).
/// Only the lower triangle of `A` is read.
///
/// ```swift
/// let s = try SymmetricIndefiniteSolver(Matrix(rowMajor: [[0, 1], [1, 0]]))
/// try s.solve([2, 3])      // [3, 2]
/// ```
public struct SymmetricIndefiniteSolver: Sendable, Equatable {
    /// The dimension `n` of the factored matrix.
    public let dimension: Int
    /// `L` and the block-diagonal `D` packed as returned by `dsytrf`.
    package let packed: [Double]
    /// The `dsytrf` pivot vector (1-based; negative entries mark 2×2 blocks).
    package let pivots: [Int32]

    /// Factors `a`.
    ///
    /// - Parameter a: A square, finite, symmetric matrix (lower triangle read).
    /// - Throws: `.dimensionMismatch` if not square, `.nonFiniteValue` for NaN/infinity,
    ///   `.singular(pivot:)` if `D` has an exactly zero block (then no solve is possible).
    /// - Complexity: O(n³ / 3).
    public init(_ a: Matrix) throws(LinearAlgebraError) {
        try a._validateSquare("SymmetricIndefiniteSolver input")
        let n = a.rows
        var elements = a.elements
        var pivots = [Int32](repeating: 0, count: n)
        if n > 0 {
            let info = try LAPACK.sytrf(&elements, n: n, pivots: &pivots)
            if info > 0 { throw .singular(pivot: info) }
        }
        self.dimension = n
        self.packed = elements
        self.pivots = pivots
    }

    /// Solves `A X = B`.
    ///
    /// - Parameter b: The right-hand sides, `n × k`.
    /// - Returns: `X = A⁻¹ B`.
    /// - Throws: `.dimensionMismatch` if `b.rows != n`, `.nonFiniteValue` for NaN/infinity.
    /// - Complexity: O(n² k).
    public func solve(_ b: Matrix) throws(LinearAlgebraError) -> Matrix {
        try b._solved(by: "SymmetricIndefiniteSolver", dimension: dimension) { x, columns throws(LinearAlgebraError) in
            try LAPACK.sytrs(packed, n: dimension, pivots: pivots, &x, nrhs: columns)
        }
    }

    /// Solves `A x = b`.
    ///
    /// - Parameter b: The right-hand side, length `n`.
    /// - Returns: `x = A⁻¹ b`.
    /// - Throws: `.dimensionMismatch` if `b.count != n`, `.nonFiniteValue` for NaN/infinity.
    /// - Complexity: O(n²).
    public func solve(_ b: [Double]) throws(LinearAlgebraError) -> [Double] {
        try solve(Matrix(rows: b.count, columns: 1, columnMajor: b)).elements
    }
}
