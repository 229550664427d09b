import Foundation

/// The Cholesky factorization `A = L Lᵀ` of a symmetric positive definite matrix (LAPACK
/// `dpotrf`), with solves (`dpotrs`), the inverse (`dpotri`) and the log-determinant.
///
/// Only the lower triangle of `A` is read; the caller is responsible for symmetry.
///
/// ```swift
/// let c = try Cholesky(Matrix(rowMajor: [[4, 2], [2, 3]]))
/// try c.solve([2, 1])      // [0.5, 0]
/// c.logDeterminant         // log 8
/// ```
public struct Cholesky: Sendable, Equatable {
    /// The lower-triangular factor `L` (strict upper triangle zero).
    public let factor: Matrix

    /// The dimension `n` of the factored `n × n` matrix.
    public var dimension: Int { factor.rows }

    /// Factors `a`.
    ///
    /// - Parameter a: A square, finite, symmetric positive definite matrix (lower triangle read).
    /// - Throws: `.dimensionMismatch` if not square, `.nonFiniteValue` for NaN/infinity,
    ///   `.notPositiveDefinite(leadingMinor:)` when `dpotrf` finds a non-positive pivot.
    /// - Complexity: O(n³ / 3).
    public init(_ a: Matrix) throws(LinearAlgebraError) {
        try a._validateSquare("Cholesky input")
        let n = a.rows
        var elements = a.elements
        if n > 0 {
            let info = try LAPACK.potrf(&elements, n: n)
            if info > 0 { throw .notPositiveDefinite(leadingMinor: info) }
        }
        for j in 0..<n {
            for i in 0..<j { elements[i + j * n] = 0 }
        }
        self.factor = try Matrix(rows: n, columns: n, columnMajor: elements)
    }

    /// `log det A = 2 Σᵢ log Lᵢᵢ` (0 for the empty matrix).
    ///
    /// - Complexity: O(n).
    public var logDeterminant: Double {
        2 * factor.diagonal.reduce(0) { $0 + log($1) }
    }

    /// Solves `A X = B`.
    ///
    /// - Parameter b: The right-hand sides, `n × k`.
    /// - Returns: `X = A⁻¹ B`.
    /// - Throws: `.dimensionMismatch` if `b.rows != n`, `.nonFiniteValue` for NaN/infinity.
    /// - Complexity: O(n² k).
    public func solve(_ b: Matrix) throws(LinearAlgebraError) -> Matrix {
        try b._solved(by: "Cholesky", dimension: dimension) { x, columns throws(LinearAlgebraError) in
            try LAPACK.potrs(factor.elements, n: dimension, &x, nrhs: columns)
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

    /// The inverse `A⁻¹` (`dpotri`), with the upper triangle filled from the lower.
    ///
    /// - Returns: The symmetric inverse.
    /// - Throws: `.singular(pivot:)` if a diagonal element of `L` is exactly zero.
    /// - Complexity: O(n³).
    public func inverse() throws(LinearAlgebraError) -> Matrix {
        let n = dimension
        if n == 0 { return factor }
        var elements = factor.elements
        let info = try LAPACK.potri(&elements, n: n)
        if info > 0 { throw .singular(pivot: info) }
        for j in 0..<n {
            for i in 0..<j { elements[i + j * n] = elements[j + i * n] }
        }
        return try Matrix(rows: n, columns: n, columnMajor: elements)
    }
}
