/// The eigen-decomposition `A = V diag(λ) Vᵀ` of a real symmetric matrix (LAPACK `dsyevd`,
/// divide and conquer). Only the lower triangle of `A` is read.
///
/// ```swift
/// let e = try SymmetricEigen(Matrix(rowMajor: [[2, 1], [1, 2]]))
/// e.values     // [1, 3]
/// ```
public struct SymmetricEigen: Sendable, Equatable {
    /// The eigenvalues in ascending order.
    public let values: [Double]
    /// The orthonormal eigenvectors as columns, column `i` belonging to `values[i]`.
    public let vectors: Matrix

    /// Decomposes `a`.
    ///
    /// - Parameter a: A square, finite, symmetric matrix (lower triangle read).
    /// - Throws: `.dimensionMismatch` if not square, `.nonFiniteValue` for NaN/infinity,
    ///   `.noConvergence(info:)` if `dsyevd` fails to converge.
    /// - Complexity: O(n³).
    public init(_ a: Matrix) throws(LinearAlgebraError) {
        let (values, vectors) = try Self.decompose(a, computeVectors: true)
        self.values = values
        self.vectors = try Matrix(rows: a.rows, columns: a.rows, columnMajor: vectors)
    }

    /// The eigenvalues only, ascending (cheaper than the full decomposition).
    ///
    /// - Parameter a: A square, finite, symmetric matrix (lower triangle read).
    /// - Returns: The eigenvalues in ascending order.
    /// - Throws: As ``init(_:)``.
    /// - Complexity: O(n³), with a smaller constant than with vectors.
    public static func eigenvalues(_ a: Matrix) throws(LinearAlgebraError) -> [Double] {
        try decompose(a, computeVectors: false).values
    }

    /// `dsyevd` of `a`: the ascending eigenvalues and the column-major `n × n` array that holds the
    /// eigenvectors when `computeVectors` (otherwise overwritten workspace).
    private static func decompose(
        _ a: Matrix, computeVectors: Bool
    ) throws(LinearAlgebraError) -> (values: [Double], vectors: [Double]) {
        try a._validateSquare("SymmetricEigen input")
        let n = a.rows
        var elements = a.elements
        var w = [Double](repeating: 0, count: n)
        if n > 0 {
            let info = try LAPACK.syevd(&elements, n: n, w: &w, computeVectors: computeVectors)
            if info > 0 { throw .noConvergence(info: info) }
        }
        return (w, elements)
    }
}
