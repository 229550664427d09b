/// A Cholesky solve/inverse of a symmetric non-negative definite matrix that treats numerically
/// redundant columns as R's `cholesky2` does: with `ε = tolerance · max_i A_ii`, a column whose pivot
/// (the diagonal of `L Lᵀ` left after eliminating the earlier kept columns, `L_ii²`) is below `ε`, NaN or
/// infinite is dropped; solves give 0 for dropped components and the inverse has zero rows/columns
/// there. The kept block is factored by NumericCore's `Cholesky` (LAPACK `dpotrf`). Internal.
///
/// For a full-rank matrix this is the ordinary Cholesky solve. (R's `chsolve2` leaves the dropped
/// column's sub-diagonal entries in place during the forward solve, so on a singular matrix the kept
/// components can differ slightly from this exact restriction.)
package struct TolerantCholesky: Sendable {
    /// The dimension.
    package let dimension: Int
    /// The kept columns in ascending order; `rank == kept.count`.
    package let kept: [Int]
    /// The factor of the kept block, nil when nothing is kept.
    package let factor: Cholesky?

    /// The numerical rank.
    package var rank: Int { kept.count }

    /// Factors `a` (only its lower triangle is read by the factorization).
    ///
    /// - Parameters:
    ///   - a: square symmetric `n × n`.
    ///   - tolerance: R's `toler.chol` (default `.Machine$double.eps^0.75`).
    /// - Complexity: O(n³) per dropped column, O(n³) without.
    package init(_ a: Matrix, tolerance: Double) {
        let n = a.rows
        dimension = n
        var largest = 0.0
        for i in 0..<n where a[i, i] > largest { largest = a[i, i] }
        guard largest > 0, largest.isFinite else {
            kept = []
            factor = nil
            return
        }
        let eps = largest * tolerance
        var active = Array(0..<n)
        while !active.isEmpty {
            let k = active.count
            var sub = Matrix(rows: k, columns: k)
            for (c, j) in active.enumerated() {
                for (r, i) in active.enumerated() { sub[r, c] = a[i, j] }
            }
            do {
                let chol = try Cholesky(sub)
                if let bad = (0..<k).first(where: { !(chol.factor[$0, $0] * chol.factor[$0, $0] >= eps) }) {
                    active.remove(at: bad)
                    continue
                }
                kept = active
                factor = chol
                return
            } catch {
                if case .notPositiveDefinite(let minor) = error, minor >= 1, minor <= k {
                    active.remove(at: minor - 1)
                } else if let bad = (0..<k).first(where: { !(sub[$0, $0] >= eps) }) {
                    active.remove(at: bad)
                } else {
                    active.removeLast()
                }
            }
        }
        kept = []
        factor = nil
    }

    /// Solves `A x = b` on the kept block; dropped components are 0.
    ///
    /// - Parameter b: length `n`.
    /// - Returns: `x`, length `n`.
    /// - Complexity: O(r²) for rank r.
    package func solve(_ b: [Double]) -> [Double] {
        var x = [Double](repeating: 0, count: dimension)
        guard let factor, b.count == dimension else { return x }
        let sub = kept.map { b[$0] }
        guard let solved = try? factor.solve(sub) else { return x }
        for (r, i) in kept.enumerated() { x[i] = solved[r] }
        return x
    }

    /// The inverse on the kept block, zero rows and columns for dropped ones (R's `chinv2`).
    ///
    /// - Complexity: O(r³).
    package func inverse() -> Matrix {
        var result = Matrix(rows: dimension, columns: dimension)
        guard let factor, let inv = try? factor.inverse() else { return result }
        for (c, j) in kept.enumerated() {
            for (r, i) in kept.enumerated() { result[i, j] = inv[r, c] }
        }
        return result
    }

    /// The quadratic form `bᵀ A⁻ b` with the generalized inverse above (R's `coxph.wtest`).
    package func quadraticForm(_ b: [Double]) -> Double {
        let x = solve(b)
        var total = 0.0
        for i in 0..<min(b.count, x.count) { total += b[i] * x[i] }
        return total
    }
}
