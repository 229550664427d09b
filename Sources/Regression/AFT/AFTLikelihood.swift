import Foundation
import NumericCore
import Survival

/// The log-likelihood of a right-censored location–scale regression on `y = g(t)` with any location
/// model `μᵢ(θ)` (``AFTLocationModel``) and its analytic derivatives with respect to `(θ, log σ)` (as R's
/// `survregc1` for `μ = xᵀβ`).
///
/// For row `i` with `z = (yᵢ − μᵢ) / σ` and `h = f₀` (event) or `S₀` (censored), with
/// `a = d log h / dz` and `a′ = d² log h / dz²`:
/// `ℓᵢ = log h(z) − [event] log σ`,
/// `∂ℓ/∂μ = −a/σ`, `∂²ℓ/∂μ² = a′/σ²`, `∂ℓ/∂log σ = −a z − [event]`,
/// `∂²ℓ/∂μ ∂log σ = (a′ z + a)/σ`, `∂²ℓ/∂(log σ)² = a′ z² + a z`. A left-truncated row (entry at
/// `y₀ = g(start)`, ``AFTResponse/entryY``) adds `−log S₀(z₀)`, `z₀ = (y₀ − μᵢ)/σ`: the censored terms at
/// `z₀` with the opposite sign (lifelines' `entry_col`). The chain rule through `μ(θ)` is the
/// location model's (``AFTLocationModel/accumulate(_:rows:derivatives:workspace:into:)``). The rows are
/// read once per evaluation, in blocks, so an evaluation costs O(n k²) and allocates per block only.
///
/// As a ``NewtonObjective`` it gives ``DampedNewton`` the `y`-scale log-likelihood; it keeps the per-row
/// scores of its last full evaluation for the robust variance and R's outer-product fall-back step.
package struct AFTLikelihood<Location: AFTLocationModel>: NewtonObjective {
    package typealias Failure = StatModelError

    /// The location model.
    package let location: Location
    /// Times, events, weights and distribution.
    package let response: AFTResponse
    /// Per-row `∂ℓᵢ/∂μᵢ` (unweighted) at the last full evaluation.
    package private(set) var rowScores: [Double]
    /// Per-row `∂ℓᵢ/∂log σ` (unweighted) at the last full evaluation.
    package private(set) var rowLogScaleScores: [Double]
    /// The point of the last full evaluation.
    package private(set) var lastParameters: [Double] = []

    /// Rows per block: a block of the design (and its scaled copy) stays in cache while it is used.
    package static var blockRows: Int { 2048 }

    /// Prepares the per-row buffers.
    ///
    /// - Parameters:
    ///   - location: The location model (its rows match the response's).
    ///   - response: The response.
    /// - Complexity: O(n) memory.
    package init(location: Location, response: AFTResponse) {
        self.location = location
        self.response = response
        rowScores = [Double](repeating: 0, count: response.rows)
        rowLogScaleScores = rowScores
    }

    /// The name of the fit in messages.
    package var context: String { response.context }
    /// `k`, the number of location parameters.
    package var locationParameterCount: Int { location.parameterNames.count }
    /// Whether `log σ` is a parameter.
    package var estimatesScale: Bool { response.fixedLogScale == nil }
    /// `k` (+ 1 when `log σ` is estimated).
    package var parameterCount: Int { locationParameterCount + (estimatesScale ? 1 : 0) }

    /// The log-likelihood on the `y` scale, the score and the information at `(θ, log σ)`.
    ///
    /// - Returns: The evaluation; ``NewtonEvaluation/undefined`` when the location is undefined somewhere,
    ///   value `−∞` when a row's term is not finite.
    /// - Throws: `.undefinedStatistic` for a BLAS failure or a parameter vector of the wrong length.
    /// - Complexity: O(n k²).
    package mutating func evaluate(_ parameters: [Double]) throws(StatModelError) -> NewtonEvaluation {
        try compute(parameters, derivatives: true)
    }

    /// The log-likelihood alone (skips the derivative accumulation).
    ///
    /// - Complexity: O(n k) plus the location's cost.
    package mutating func value(at parameters: [Double]) throws(StatModelError) -> Double {
        try compute(parameters, derivatives: false).value
    }

    /// `J = Σ wᵢ sᵢ sᵢᵀ` with the per-row scores `sᵢ = (∂ℓᵢ/∂μᵢ ∂μᵢ/∂θ, ∂ℓᵢ/∂log σ)` at the last full
    /// evaluation (R's `JJ`, used for a step when the information is not positive definite).
    ///
    /// - Complexity: O(n k²).
    package mutating func outerProductOfScores() throws(StatModelError) -> Matrix? {
        let n = response.rows
        let k = locationParameterCount
        var scores = Matrix(rows: n, columns: parameterCount)
        let root = response.weights.map { $0.squareRoot() }
        let scaled = (0..<n).map { rowScores[$0] * root[$0] }
        location.addClusterScores(Array(lastParameters.prefix(k)), rowScores: scaled, clusters: Array(0..<n), into: &scores)
        if estimatesScale {
            for i in 0..<n { scores.elements[k * n + i] = rowLogScaleScores[i] * root[i] }
        }
        let s = scores
        return try AFTLinearAlgebra.run(context, "the score outer product") { () throws(LinearAlgebraError) -> Matrix in
            try s.syrk(transpose: true)
        }
    }

    /// Rows per chunk of an evaluation (32 blocks; ``NumericCore/Parallel/rowChunk``): the chunks run
    /// concurrently and their sums are added in row order, so the numbers do not depend on the number of
    /// cores (a fit of up to this many rows is one chunk, summed exactly as a single pass).
    package static var chunkRows: Int { Parallel.rowChunk }

    /// One pass over the rows, in chunks evaluated concurrently (each in blocks), then the chunks' sums in order.
    private mutating func compute(_ parameters: [Double], derivatives: Bool) throws(StatModelError) -> NewtonEvaluation {
        let k = locationParameterCount
        guard parameters.count == parameterCount else {
            throw .undefinedStatistic(context: context, message: "internal: \(parameters.count) parameters given, "
                + "\(parameterCount) expected.")
        }
        let n = response.rows
        let theta = Array(parameters.prefix(k))
        let logSigma = response.fixedLogScale ?? parameters[k]
        let (location, response) = (self.location, self.response)
        let chunks = rowScores.withUnsafeMutableBufferPointer { scores in
            rowLogScaleScores.withUnsafeMutableBufferPointer { logScaleScores in
                let buffers = AFTRowScoreBuffers(scores: scores, logScaleScores: logScaleScores)
                return Parallel.mapRowChunks(n, chunk: Self.chunkRows) { rows -> Result<AFTChunkSums, StatModelError> in
                    do throws(StatModelError) {
                        return .success(try Self.evaluate(rows, location: location, response: response, theta: theta,
                                                          logSigma: logSigma, derivatives: derivatives, into: buffers))
                    } catch {
                        return .failure(error)
                    }
                }
            }
        }
        var total = AFTLocationDerivatives(count: k)
        var loglik = 0.0
        var logScaleScore = 0.0
        var logScaleCurvature = 0.0
        for chunk in chunks {
            let sums = try chunk.get()
            if sums.isUndefined { return .undefined }
            loglik += sums.logLikelihood
            guard derivatives else { continue }
            logScaleScore += sums.logScaleScore
            logScaleCurvature += sums.logScaleCurvature
            total.add(sums.location)
        }
        let value = loglik.isFinite ? loglik : -.infinity
        guard derivatives else { return NewtonEvaluation(value: value, gradient: [], information: Matrix(rows: 0, columns: 0)) }
        lastParameters = parameters
        var information = total.information
        var score = total.score
        if estimatesScale {
            var full = Matrix(rows: k + 1, columns: k + 1)
            for j in 0..<k {
                for i in 0..<k { full[i, j] = information[i, j] }
                full[k, j] = total.cross[j]
                full[j, k] = total.cross[j]
            }
            full[k, k] = logScaleCurvature
            information = full
            score.append(logScaleScore)
        }
        return NewtonEvaluation(value: value, gradient: score, information: information)
    }

    /// The sums of one chunk of rows, in blocks of ``blockRows`` (the design block stays in cache).
    /// - Complexity: O(m k²) for m rows.
    private static func evaluate(
        _ chunk: Range<Int>, location: Location, response: AFTResponse, theta: [Double], logSigma: Double, derivatives: Bool,
        into buffers: AFTRowScoreBuffers
    ) throws(StatModelError) -> AFTChunkSums {
        let k = theta.count
        let inverseSigma = exp(-logSigma)
        let family = response.family
        let context = response.context
        var sums = AFTChunkSums(count: k)
        var workspace = location.makeWorkspace(blockRows: min(blockRows, chunk.count))
        var block = AFTRowDerivatives(count: min(blockRows, chunk.count))
        var loglik = 0.0
        var logScaleScore = 0.0
        var logScaleCurvature = 0.0
        var first = chunk.lowerBound
        while first < chunk.upperBound {
            let m = min(blockRows, chunk.upperBound - first)
            let rows = first..<(first + m)
            let located = try AFTLinearAlgebra.run(context, "the location μ(θ)") { () throws(LinearAlgebraError) -> [Double]? in
                try location.locate(theta, rows: rows, derivatives: derivatives, workspace: &workspace)
            }
            guard let mu = located, mu.count == m else {
                sums.isUndefined = true
                return sums
            }
            if m != block.count { block = AFTRowDerivatives(count: m) }
            block.curvatureIsNonNegative = true
            let entryY = response.entryY
            let (dg, ds) = (buffers.scores, buffers.logScaleScores)
            response.y.withUnsafeBufferPointer { yb in
            response.event.withUnsafeBufferPointer { eb in
            response.weights.withUnsafeBufferPointer { wb in
                for i in 0..<m {
                    let row = first + i
                    let z = (yb[row] - mu[i]) * inverseSigma
                    let isEvent = eb[row]
                    let term = isEvent ? family.logDensity(z) : family.logSurvival(z)
                    let w = wb[row]
                    loglik += w * (isEvent ? term.value - logSigma : term.value)
                    // Left truncation: minus the censored term at the entry `z₀`.
                    var z0 = -Double.infinity
                    var entry = LogDerivatives(value: 0, first: 0, second: 0)
                    if let entryY {
                        z0 = (entryY[row] - mu[i]) * inverseSigma
                        if z0.isFinite {
                            entry = family.logSurvival(z0)
                            loglik -= w * entry.value
                        }
                    }
                    guard derivatives else { continue }
                    let a = term.first
                    let a2 = term.second
                    var g = -a * inverseSigma
                    var s = isEvent ? -a * z - 1 : -a * z
                    var h = -w * a2 * inverseSigma * inverseSigma
                    var cross = -w * (a2 * z + a) * inverseSigma
                    var curvature = -w * (a2 * z * z + a * z)
                    if z0.isFinite {
                        g += entry.first * inverseSigma
                        s += entry.first * z0
                        h += w * entry.second * inverseSigma * inverseSigma
                        cross += w * (entry.second * z0 + entry.first) * inverseSigma
                        curvature += w * (entry.second * z0 * z0 + entry.first * z0)
                    }
                    dg[row] = g
                    ds[row] = s
                    block.score[i] = w * g
                    if !(h >= 0) { block.curvatureIsNonNegative = false }
                    block.curvature[i] = h
                    block.cross[i] = cross
                    logScaleScore += w * s
                    logScaleCurvature += curvature
                }
            }}}
            if derivatives {
                let rowDerivatives = block
                try AFTLinearAlgebra.run(context, "the information JᵀDJ") { () throws(LinearAlgebraError) in
                    try location.accumulate(theta, rows: rows, derivatives: rowDerivatives, workspace: &workspace,
                                            into: &sums.location)
                }
            }
            first += m
        }
        (sums.logLikelihood, sums.logScaleScore, sums.logScaleCurvature) = (loglik, logScaleScore, logScaleCurvature)
        return sums
    }
}
