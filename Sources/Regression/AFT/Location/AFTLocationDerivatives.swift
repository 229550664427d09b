import NumericCore

/// The location part of the AFT score and information, summed over blocks of rows: `U_θ = Σ Jᵢ gᵢ`,
/// `I_θθ = Σ Dᵢ Jᵢ Jᵢᵀ − Σ gᵢ ∂²μᵢ` and `I_θ,log σ = Σ cᵢ Jᵢ` (``AFTRowDerivatives`` gives `g`, `D`, `c`).
package struct AFTLocationDerivatives: Sendable {
    /// `U_θ`, length `k`.
    package var score: [Double]
    /// `I_θθ`, `k × k`.
    package var information: Matrix
    /// `I_θ,log σ`, length `k`.
    package var cross: [Double]

    /// Zeros for `k` location parameters.
    package init(count k: Int) {
        score = [Double](repeating: 0, count: k)
        information = Matrix(rows: k, columns: k)
        cross = score
    }

    /// Adds another chunk's sums (element by element).
    /// - Parameter other: Sums over other rows, for the same parameters.
    package mutating func add(_ other: AFTLocationDerivatives) {
        for index in information.elements.indices where other.information.elements.indices.contains(index) {
            information.elements[index] += other.information.elements[index]
        }
        for j in score.indices where other.score.indices.contains(j) && other.cross.indices.contains(j) {
            score[j] += other.score[j]
            cross[j] += other.cross[j]
        }
    }

    /// Adds `JᵀDJ`, `Jᵀg` and `Jᵀc` for one block with Jacobian `J` (`m × k`): `syrk` on `√D J` when every
    /// `D ≥ 0`, else `gemm`, and two `gemv` (the linear AFT's fast path, also used by nonlinear models
    /// on their Jacobian block).
    ///
    /// - Parameters:
    ///   - jacobian: `J`, `m × k`.
    ///   - rows: The block's per-row derivatives (length `m`).
    ///   - scratch: Space for `√D J`, resized when needed.
    /// - Throws: A BLAS failure.
    /// - Complexity: O(m k²) at BLAS-3 speed.
    package mutating func addGram(_ jacobian: Matrix, _ rows: AFTRowDerivatives,
                                  scratch: inout Matrix) throws(LinearAlgebraError) {
        let m = jacobian.rows
        let k = jacobian.columns
        if scratch.rows != m || scratch.columns != k { scratch = Matrix(rows: m, columns: k) }
        let nonNegative = rows.curvatureIsNonNegative
        let root = nonNegative ? rows.curvature.map { $0.squareRoot() } : rows.curvature
        jacobian.elements.withUnsafeBufferPointer { bb in
            scratch.elements.withUnsafeMutableBufferPointer { sb in
                for j in 0..<k {
                    let offset = j * m
                    for i in 0..<m { sb[offset + i] = bb[offset + i] * root[i] }
                }
            }
        }
        let gram = nonNegative ? try scratch.syrk(transpose: true) : try jacobian.gemm(scratch, transposeSelf: true)
        let score = try jacobian.gemv(rows.score, transpose: true)
        let cross = try jacobian.gemv(rows.cross, transpose: true)
        for index in 0..<(k * k) { information.elements[index] += gram.elements[index] }
        for j in 0..<k {
            self.score[j] += score[j]
            self.cross[j] += cross[j]
        }
    }
}
