import NumericCore

/// The linear location `μ = Xβ` of the parametric AFT (R's `survreg`), on the BLAS fast path: each block
/// of `X` is copied once and used by `gemv` (`μ`), `syrk` (`XᵀDX`) and two `gemv` (`Xᵀg`, `Xᵀc`).
package struct LinearLocation: AFTLocationModel {
    /// The copied block of `X` and the scratch for `√D X_b`.
    package struct Workspace {
        var block: Matrix
        var scaled: Matrix
    }

    /// The `n × p` design (intercept column included).
    package let x: Matrix
    /// The column names.
    package let parameterNames: [String]

    /// Wraps a design.
    ///
    /// - Parameters:
    ///   - x: The design.
    ///   - names: One name per column (default `x1`, …).
    package init(x: Matrix, names: [String]? = nil) {
        self.x = x
        self.parameterNames = names ?? (0..<x.columns).map { "x\($0 + 1)" }
    }

    /// `n`.
    package var rows: Int { x.rows }

    /// Block-sized matrices.
    package func makeWorkspace(blockRows: Int) -> Workspace {
        let block = Matrix(rows: blockRows, columns: x.columns)
        return Workspace(block: block, scaled: block)
    }

    /// Copies the block of `X` and returns `X_b β`.
    package func locate(_ theta: [Double], rows: Range<Int>, derivatives: Bool,
                        workspace: inout Workspace) throws(LinearAlgebraError) -> [Double]? {
        let n = x.rows
        let p = x.columns
        let m = rows.count
        let first = rows.lowerBound
        if workspace.block.rows != m { workspace.block = Matrix(rows: m, columns: p) }
        x.elements.withUnsafeBufferPointer { xb in
            workspace.block.elements.withUnsafeMutableBufferPointer { bb in
                for j in 0..<p {
                    let source = j * n + first
                    let target = j * m
                    for i in 0..<m { bb[target + i] = xb[source + i] }
                }
            }
        }
        return try workspace.block.gemv(theta)
    }

    /// `X_bᵀ D X_b`, `X_bᵀ g`, `X_bᵀ c` on the copied block.
    package func accumulate(_ theta: [Double], rows: Range<Int>, derivatives: AFTRowDerivatives,
                            workspace: inout Workspace, into total: inout AFTLocationDerivatives) throws(LinearAlgebraError) {
        try total.addGram(workspace.block, derivatives, scratch: &workspace.scaled)
    }

    /// `sums[clusters[i], j] += rowScores[i] · x_ij`.
    package func addClusterScores(_ theta: [Double], rowScores: [Double], clusters: [Int], into sums: inout Matrix) {
        let n = x.rows
        let count = sums.rows
        sums.elements.withUnsafeMutableBufferPointer { u in
            x.elements.withUnsafeBufferPointer { xb in
                for j in 0..<x.columns {
                    let xOffset = j * n
                    let uOffset = j * count
                    for i in 0..<n { u[uOffset + clusters[i]] += rowScores[i] * xb[xOffset + i] }
                }
            }
        }
    }

    /// `Xᵀ diag(d) X`, in row blocks through `syrk` on `diag(√d) X_b` when every `d ≥ 0`, else `gemm`.
    ///
    /// - Complexity: O(n p²).
    package func weightedCrossProduct(_ d: [Double]) throws(LinearAlgebraError) -> Matrix {
        let n = x.rows
        let p = x.columns
        let nonNegative = d.allSatisfy { $0 >= 0 }
        var total = Matrix(rows: p, columns: p)
        var first = 0
        while first < n {
            let m = min(AFTLikelihood<LinearLocation>.blockRows, n - first)
            var block = Matrix(rows: m, columns: p)
            var scaled = block
            for j in 0..<p {
                for i in 0..<m {
                    let value = x.elements[j * n + first + i]
                    block.elements[j * m + i] = value
                    scaled.elements[j * m + i] = value * (nonNegative ? d[first + i].squareRoot() : d[first + i])
                }
            }
            let part = nonNegative ? try scaled.syrk(transpose: true) : try block.gemm(scaled, transposeSelf: true)
            for index in 0..<(p * p) { total.elements[index] += part.elements[index] }
            first += m
        }
        return total
    }
}
