import Foundation
import NumericCore
import Survival

/// The log-likelihood of a right-censored location–scale regression on `y = log t` and its analytic
/// derivatives with respect to `θ = (β, log σ)` (as R's `survregc1`).
///
/// For row `i` with `z = (yᵢ − xᵢᵀβ) / σ` and `h = f₀` (event) or `S₀` (censored), with
/// `a = d log h / dz` and `a′ = d² log h / dz²`:
/// `ℓᵢ = log h(z) − [event] log σ`,
/// `∂ℓ/∂η = −a/σ`, `∂²ℓ/∂η² = a′/σ²`, `∂ℓ/∂log σ = −a z − [event]`,
/// `∂²ℓ/∂η ∂log σ = (a′ z + a)/σ`, `∂²ℓ/∂(log σ)² = a′ z² + a z`, and `η = xᵀβ`.
/// The weighted sums give the score `U` and the information `I = −∂²ℓ/∂θ∂θᵀ`; `Xᵀ D X` is built by BLAS
/// in row blocks during the same pass over `X`, so an evaluation costs O(n p²) and reads `X` once.
package struct AFTLikelihood {
    package let x: Matrix
    package let y: [Double]
    package let event: [Bool]
    package let weights: [Double]
    package let family: LocationScaleFamily
    /// The fixed `log σ`, nil when it is estimated.
    package let fixedLogScale: Double?
    package let context: String

    /// Per-row `∂ℓ/∂η` (unweighted) at the last evaluated point.
    private(set) var scoreEta: [Double]
    /// Per-row `∂ℓ/∂log σ` (unweighted) at the last evaluated point.
    private(set) var scoreLogScale: [Double]
    /// `U` at the last evaluated point.
    private var lastScore: [Double] = []
    /// `I` at the last evaluated point.
    private var lastInformation = Matrix(rows: 0, columns: 0)

    /// Rows per block: a block of `X` (and its scaled copy) stays in cache while it is used four times.
    package static let blockRows = 2048

    package init(x: Matrix, y: [Double], event: [Bool], weights: [Double], family: LocationScaleFamily,
         fixedLogScale: Double?, context: String) {
        self.x = x
        self.y = y
        self.event = event
        self.weights = weights
        self.family = family
        self.fixedLogScale = fixedLogScale
        self.context = context
        scoreEta = [Double](repeating: 0, count: x.rows)
        scoreLogScale = [Double](repeating: 0, count: x.rows)
    }

    package var rows: Int { x.rows }
    package var columns: Int { x.columns }
    package var estimatesScale: Bool { fixedLogScale == nil }
    /// The number of parameters `p` (+ 1 when `log σ` is estimated).
    package var parameterCount: Int { columns + (estimatesScale ? 1 : 0) }

    /// `log σ` in `theta`.
    package func logScale(_ theta: [Double]) -> Double { fixedLogScale ?? theta[columns] }

    /// Evaluates the log-likelihood on the `y` scale at `theta`, and with it the score and information
    /// (returned by `derivatives()`) and the per-row scores (for `outerProductOfScores()` and the robust
    /// variance). `X` is read once, in blocks of rows: `η = X_b β`, the per-row terms, then
    /// `X_bᵀ D X_b` (`syrk` on `D^{1/2} X_b`), `X_bᵀ (w g)` and `X_bᵀ c` on the cached block.
    ///
    /// - Returns: `Σ wᵢ ℓᵢ`; `-infinity` when a row's term is not finite (the caller halves the step).
    /// - Complexity: O(n p²).
    package mutating func evaluate(_ theta: [Double]) throws(StatModelError) -> Double {
        let p = columns
        let n = rows
        let beta = Array(theta.prefix(p))
        let logSigma = logScale(theta)
        let inverseSigma = exp(-logSigma)
        let family = self.family
        let context = self.context
        var loglik = 0.0
        var logScaleCurvature = 0.0
        var logScaleScore = 0.0
        var information = Matrix(rows: p, columns: p)
        var uBeta = [Double](repeating: 0, count: p)
        var cross = [Double](repeating: 0, count: p)
        var block = Matrix(rows: min(Self.blockRows, n), columns: p)
        var scaled = block
        var weightedScore = [Double](repeating: 0, count: block.rows)
        var curvature = [Double](repeating: 0, count: block.rows)
        var crossCurvature = [Double](repeating: 0, count: block.rows)
        var first = 0
        while first < n {
            let m = min(Self.blockRows, n - first)
            if m != block.rows {
                block = Matrix(rows: m, columns: p)
                scaled = block
                weightedScore = [Double](repeating: 0, count: m)
                curvature = weightedScore
                crossCurvature = weightedScore
            }
            x.elements.withUnsafeBufferPointer { xb in
                block.elements.withUnsafeMutableBufferPointer { bb in
                    for j in 0..<p {
                        let source = j * n + first
                        let target = j * m
                        for i in 0..<m { bb[target + i] = xb[source + i] }
                    }
                }
            }
            let blockX = block
            let eta = try AFTLinearAlgebra.run(context, "the linear predictor X·β") { () throws(LinearAlgebraError) -> [Double] in
                try blockX.gemv(beta)
            }
            var nonNegative = true
            y.withUnsafeBufferPointer { yb in
            event.withUnsafeBufferPointer { eb in
            weights.withUnsafeBufferPointer { wb in
            scoreEta.withUnsafeMutableBufferPointer { dg in
            scoreLogScale.withUnsafeMutableBufferPointer { ds in
                for i in 0..<m {
                    let row = first + i
                    let z = (yb[row] - eta[i]) * inverseSigma
                    let isEvent = eb[row]
                    let term = isEvent ? family.logDensity(z) : family.logSurvival(z)
                    let w = wb[row]
                    let a = term.first
                    let a2 = term.second
                    loglik += w * (isEvent ? term.value - logSigma : term.value)
                    let g = -a * inverseSigma
                    let s = isEvent ? -a * z - 1 : -a * z
                    dg[row] = g
                    ds[row] = s
                    weightedScore[i] = w * g
                    let h = -w * a2 * inverseSigma * inverseSigma
                    if !(h >= 0) { nonNegative = false }
                    curvature[i] = h
                    crossCurvature[i] = -w * (a2 * z + a) * inverseSigma
                    logScaleScore += w * s
                    logScaleCurvature -= w * (a2 * z * z + a * z)
                }
            }}}}}
            let root = nonNegative ? curvature.map { $0.squareRoot() } : curvature
            block.elements.withUnsafeBufferPointer { bb in
                scaled.elements.withUnsafeMutableBufferPointer { sb in
                    for j in 0..<p {
                        let offset = j * m
                        for i in 0..<m { sb[offset + i] = bb[offset + i] * root[i] }
                    }
                }
            }
            let scaledX = scaled
            let score = weightedScore
            let crossWeights = crossCurvature
            let parts = try AFTLinearAlgebra.run(context, "the information XᵀDX") { () throws(LinearAlgebraError) -> (Matrix, [Double], [Double]) in
                let gram = nonNegative ? try scaledX.syrk(transpose: true) : try blockX.gemm(scaledX, transposeSelf: true)
                return (gram, try blockX.gemv(score, transpose: true), try blockX.gemv(crossWeights, transpose: true))
            }
            for index in 0..<(p * p) { information.elements[index] += parts.0.elements[index] }
            for j in 0..<p {
                uBeta[j] += parts.1[j]
                cross[j] += parts.2[j]
            }
            first += m
        }
        if estimatesScale {
            var full = Matrix(rows: p + 1, columns: p + 1)
            for j in 0..<p {
                for i in 0..<p { full[i, j] = information[i, j] }
                full[p, j] = cross[j]
                full[j, p] = cross[j]
            }
            full[p, p] = logScaleCurvature
            information = full
            uBeta.append(logScaleScore)
        }
        lastScore = uBeta
        lastInformation = information
        return loglik.isFinite ? loglik : -.infinity
    }

    /// The score `U` and information `I = −H` at the point last passed to `evaluate`.
    ///
    /// - Complexity: O(1) (computed by `evaluate`).
    package func derivatives() -> (score: [Double], information: Matrix) {
        (lastScore, lastInformation)
    }

    /// `Xᵀ diag(d) X`, in row blocks through `syrk` on `diag(√d) X_b` when every `d ≥ 0`, else `gemm`.
    ///
    /// - Complexity: O(n p²).
    package func weightedCrossProduct(_ d: [Double]) throws(StatModelError) -> Matrix {
        let n = rows
        let p = columns
        let nonNegative = d.allSatisfy { $0 >= 0 }
        var total = Matrix(rows: p, columns: p)
        var first = 0
        while first < n {
            let m = min(Self.blockRows, n - first)
            var block = Matrix(rows: m, columns: p)
            var scaled = block
            for j in 0..<p {
                for i in 0..<m {
                    let value = x.elements[j * n + first + i]
                    block.elements[j * m + i] = value
                    scaled.elements[j * m + i] = value * (nonNegative ? d[first + i].squareRoot() : d[first + i])
                }
            }
            let blockX = block
            let scaledX = scaled
            let part = try AFTLinearAlgebra.run(context, "the cross-product XᵀDX") { () throws(LinearAlgebraError) -> Matrix in
                nonNegative ? try scaledX.syrk(transpose: true) : try blockX.gemm(scaledX, transposeSelf: true)
            }
            for index in 0..<(p * p) { total.elements[index] += part.elements[index] }
            first += m
        }
        return total
    }

    /// `J = Σ wᵢ sᵢ sᵢᵀ`, the outer product of the per-row scores `sᵢ = (∂ℓᵢ/∂η xᵢ, ∂ℓᵢ/∂log σ)` at the
    /// last evaluated point (R's `JJ`, used for a step when the information is not positive definite).
    ///
    /// - Complexity: O(n k²).
    package func outerProductOfScores() throws(StatModelError) -> Matrix {
        let n = rows
        let p = columns
        let k = parameterCount
        var s = Matrix(rows: n, columns: k)
        for j in 0..<p {
            for i in 0..<n { s.elements[j * n + i] = x.elements[j * n + i] * scoreEta[i] * weights[i].squareRoot() }
        }
        if estimatesScale {
            for i in 0..<n { s.elements[p * n + i] = scoreLogScale[i] * weights[i].squareRoot() }
        }
        let scores = s
        return try AFTLinearAlgebra.run(context, "the score outer product") { () throws(LinearAlgebraError) -> Matrix in
            try scores.syrk(transpose: true)
        }
    }
}
