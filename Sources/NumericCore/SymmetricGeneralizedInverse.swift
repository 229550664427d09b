/// The Moore–Penrose generalized inverse `V⁺` of a symmetric positive semi-definite matrix,
/// through its eigen-decomposition, with the numerical rank.
///
/// `V⁺ = Σ_{λᵢ > τ} uᵢ uᵢᵀ / λᵢ` with `τ = relativeTolerance · λ_max`; eigenvalues at or below `τ`
/// (including slightly negative ones from rounding) count as zero. For a PSD `V` and a `z` in its
/// column space (such as observed − expected counts of a log-rank test, whose covariance has rank
/// `k − 1`) the quadratic form `zᵀ V⁺ z` equals `zᵀ V₁₁⁻¹ z₁` on any full-rank principal block, which
/// is the statistic R's `survdiff` computes from the `(k−1) × (k−1)` block.
///
/// ```swift
/// let g = try SymmetricGeneralizedInverse(v)
/// let chiSquared = try g.quadraticForm(observedMinusExpected)   // df = g.rank
/// ```
public struct SymmetricGeneralizedInverse: Sendable, Equatable {
    /// The eigen-decomposition of `V`.
    public let eigen: SymmetricEigen
    /// The numerical rank: the number of eigenvalues above `relativeTolerance · λ_max`.
    public let rank: Int
    /// The relative tolerance used for the rank.
    public let relativeTolerance: Double

    /// Decomposes `v`.
    ///
    /// - Parameters:
    ///   - v: A square, finite, symmetric positive semi-definite matrix (lower triangle read).
    ///   - relativeTolerance: Eigenvalues `≤ relativeTolerance · λ_max` are treated as zero; the
    ///     default `√ε ≈ 1.5e-8` mirrors the `1e-8` Cholesky tolerance of R's `survdiff`.
    /// - Throws: As ``SymmetricEigen/init(_:)``.
    /// - Complexity: O(n³).
    public init(_ v: Matrix, relativeTolerance: Double = Double.ulpOfOne.squareRoot()) throws(LinearAlgebraError) {
        let eigen = try SymmetricEigen(v)
        let largest = max(eigen.values.last ?? 0, 0)
        let threshold = relativeTolerance * largest
        self.eigen = eigen
        self.rank = largest > 0 ? eigen.values.filter { $0 > threshold }.count : 0
        self.relativeTolerance = relativeTolerance
    }

    /// Indices of the eigenvalues kept (the largest `rank` ones).
    private var kept: Range<Int> { (eigen.values.count - rank)..<eigen.values.count }

    /// The projections `uᵢᵀ z` for the kept eigenvectors.
    private func projections(_ z: [Double]) throws(LinearAlgebraError) -> [Double] {
        try z._validateFinite("generalized-inverse right-hand side")
        guard z.count == eigen.vectors.rows else {
            throw .dimensionMismatch("generalized inverse: V is \(eigen.vectors.rows)×\(eigen.vectors.rows), z has \(z.count) elements")
        }
        if z.isEmpty { return [] }
        return try eigen.vectors.gemv(z, transpose: true)
    }

    /// The minimum-norm solution `V⁺ z`.
    ///
    /// - Parameter z: A vector of length `n`.
    /// - Returns: `V⁺ z = Σ_{kept} uᵢ (uᵢᵀ z) / λᵢ`.
    /// - Throws: `.dimensionMismatch` for a wrong length, `.nonFiniteValue` for NaN/infinity.
    /// - Complexity: O(n²).
    public func solve(_ z: [Double]) throws(LinearAlgebraError) -> [Double] {
        let p = try projections(z)
        var scaled = [Double](repeating: 0, count: p.count)
        for i in kept { scaled[i] = p[i] / eigen.values[i] }
        if scaled.isEmpty { return [] }
        return try eigen.vectors.gemv(scaled)
    }

    /// The quadratic form `zᵀ V⁺ z = Σ_{kept} (uᵢᵀ z)² / λᵢ`.
    ///
    /// - Parameter z: A vector of length `n`.
    /// - Returns: The quadratic form (`≥ 0`).
    /// - Throws: `.dimensionMismatch` for a wrong length, `.nonFiniteValue` for NaN/infinity.
    /// - Complexity: O(n²).
    public func quadraticForm(_ z: [Double]) throws(LinearAlgebraError) -> Double {
        let p = try projections(z)
        var sum = 0.0
        for i in kept { sum += p[i] * p[i] / eigen.values[i] }
        return sum
    }

    /// The generalized inverse `V⁺` itself.
    ///
    /// - Complexity: O(n² × rank).
    public var pseudoInverse: Matrix {
        let n = eigen.vectors.rows
        var result = Matrix(rows: n, columns: n)
        for k in kept {
            let inverseValue = 1 / eigen.values[k]
            for j in 0..<n {
                let ujk = eigen.vectors[j, k] * inverseValue
                for i in 0..<n {
                    result.elements[i + j * n] += eigen.vectors[i, k] * ujk
                }
            }
        }
        return result
    }
}

/// Solves a possibly rank-deficient symmetric PSD system by the generalized inverse: returns
/// `V⁺ z`, the quadratic form `zᵀ V⁺ z` and the numerical rank of `V` (the degrees of freedom of a
/// chi-squared test built on it).
///
/// - Parameters:
///   - v: A symmetric positive semi-definite matrix (lower triangle read).
///   - z: A vector of length `n`.
///   - relativeTolerance: See ``SymmetricGeneralizedInverse/init(_:relativeTolerance:)``.
/// - Returns: `(solution, quadraticForm, rank)`.
/// - Throws: As ``SymmetricGeneralizedInverse``.
/// - Complexity: O(n³).
public func generalizedInverseSolve(
    _ v: Matrix, _ z: [Double], relativeTolerance: Double = Double.ulpOfOne.squareRoot()
) throws(LinearAlgebraError) -> (solution: [Double], quadraticForm: Double, rank: Int) {
    let inverse = try SymmetricGeneralizedInverse(v, relativeTolerance: relativeTolerance)
    return (try inverse.solve(z), try inverse.quadraticForm(z), inverse.rank)
}
