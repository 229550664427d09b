/// The cross product `Σ_i y_i y_iᵀ` of `n` rows `y_i ∈ ℝᵖ` that are made on the fly, a block of rows at a
/// time, with one BLAS `dsyrk` per block: `Yᵀ Y` without holding the `n × p` matrix `Y`.
///
/// The Cox information's `Xᵀ diag(v) X` (rows `√v_i x_i`) and the rank check of a centred design use it;
/// the scratch is one block (`blockRows × p` doubles, 128 KiB for p = 8), which stays in cache.
///
/// ```swift
/// let gram = BlockedCrossProduct.compute(rows: n, columns: p) { first, count, block in
///     for r in 0..<count { for j in 0..<p { block[r * p + j] = x[(first + r) * p + j] } }
/// }
/// ```
package enum BlockedCrossProduct {
    /// Rows per block (fixed, so the sums are the same on every machine and in every run).
    package static let blockRows = 2_048

    /// `Σ_i y_i y_iᵀ`, `p × p`, both triangles filled.
    ///
    /// - Parameters:
    ///   - n: The number of rows (`rows`).
    ///   - p: The length of each row (`columns`).
    ///   - fill: Writes rows `first ..< first + count` into `block`, row `r` at `block[r * p ..< (r + 1) * p]`.
    /// - Returns: The symmetric `p × p` cross product (zeros for `n == 0`).
    /// - Complexity: O(n p²) flops in `⌈n / blockRows⌉` `dsyrk` calls; O(blockRows p) scratch memory.
    package static func compute(
        rows n: Int, columns p: Int,
        fill: (_ first: Int, _ count: Int, _ block: UnsafeMutableBufferPointer<Double>) -> Void
    ) -> Matrix {
        guard p > 0 else { return Matrix(rows: 0, columns: 0) }
        var lower = [Double](repeating: 0, count: p * p)
        guard n > 0 else { return Matrix(rows: p, columns: p) }
        var block = [Double](repeating: 0, count: min(n, blockRows) * p)
        var first = 0
        block.withUnsafeMutableBufferPointer { buffer in
            lower.withUnsafeMutableBufferPointer { c in
                while first < n {
                    let count = min(blockRows, n - first)
                    fill(first, count, buffer)
                    if let a = buffer.baseAddress, let out = c.baseAddress {
                        BLAS.syrkLowerUpdate(a, n: p, k: count, into: out)
                    }
                    first += count
                }
            }
        }
        for j in 0..<p {
            for i in (j + 1)..<max(j + 1, p) { lower[j + i * p] = lower[i + j * p] }
        }
        return (try? Matrix(rows: p, columns: p, columnMajor: lower)) ?? Matrix(rows: p, columns: p)
    }
}
