import Foundation
import NumericCore
import Survival

extension LinearLocation {
    /// R `survreg.fit`'s starting values and intercept-only fit.
    ///
    /// With `y = log t` and the family's `init` (weighted mean `m` and variance `v` of `y`, shifted and
    /// divided as the family says), `log σ₀ = log(4 v) / 2` (or the fixed value). Unless `X` is the single
    /// intercept column: the intercept is refined by one weighted step at `z = 0` and the intercept-only
    /// model is fitted by R's iteration (``DampedNewton/survreg(maxIterations:epsilon:logScaleIndex:)``,
    /// at most 20 iterations; its log-likelihood is `fit$loglik[1]`); then with `σ` from that fit, `β₀`
    /// is the weighted least-squares solution of `Xᵀ W X β = Xᵀ (W y + w g)`, where `g = ∂ℓ/∂η` and
    /// `W = −w ∂²ℓ/∂η²`, both evaluated at `η = y`.
    ///
    /// - Parameter response: The times, events, weights and distribution.
    /// - Returns: `(β₀, log σ₀)` and the intercept-only fit (none when `X` is the intercept alone).
    /// - Throws: `.undefinedStatistic` when all times are equal (no scale) or a solve fails.
    /// - Complexity: O(n p²) plus the intercept-only fit.
    package func startingValues(_ response: AFTResponse) throws(StatModelError) -> AFTStart {
        let n = x.rows
        let y = response.y, weights = response.weights, event = response.event
        let family = response.family
        let fixedLogScale = response.fixedLogScale
        let context = response.context
        let totalWeight = weights.reduce(0, +)
        var mean = 0.0
        for i in 0..<n { mean += weights[i] * y[i] }
        mean /= totalWeight
        var variance = 0.0
        for i in 0..<n { variance += weights[i] * (y[i] - mean) * (y[i] - mean) }
        variance /= totalWeight
        // R's init also returns mean + initialLocationShift, but survreg.fit overwrites it before use.
        let spread = variance / family.initialVarianceDivisor
        var logScale = fixedLogScale ?? log(4 * spread) / 2
        guard logScale.isFinite else {
            throw .undefinedStatistic(
                context: context,
                message: "all survival times are equal, so the scale cannot be estimated; a scale-free model "
                    + "(exponential) or more varied data is needed.")
        }

        var nullFit: DampedNewtonResult?
        let isMeanOnly = x.columns == 1 && x.elements.allSatisfy { $0 == 1 }
        if !isMeanOnly {
            let (g, curvature) = Self.derivativesAtZero(event: event, weights: weights, family: family,
                                                        logScale: logScale)
            var numerator = 0.0
            var denominator = 0.0
            for i in 0..<n {
                numerator += weights[i] * g[i] + curvature[i] * y[i]
                denominator += curvature[i]
            }
            var nullStart = [numerator / denominator]
            if fixedLogScale == nil { nullStart.append(logScale) }
            var nullLikelihood = AFTLikelihood(location: LinearLocation(x: Matrix(rows: n, columns: 1, repeating: 1)),
                                               response: response.renamed(context + " (intercept-only model)"))
            let newton = DampedNewton.survreg(maxIterations: 20, epsilon: response.epsilon,
                                              logScaleIndex: fixedLogScale == nil ? 1 : nil)
            let outcome = try AFTEstimator<LinearLocation>.maximize(&nullLikelihood, newton: newton, from: nullStart)
            nullFit = outcome
            if fixedLogScale == nil, outcome.parameters.count > 1 { logScale = outcome.parameters[1] }
        }

        let (g, curvature) = Self.derivativesAtZero(event: event, weights: weights, family: family, logScale: logScale)
        var rhsRows = [Double](repeating: 0, count: n)
        for i in 0..<n { rhsRows[i] = curvature[i] * y[i] + weights[i] * g[i] }
        let rhsVector = rhsRows
        let beta = try AFTLinearAlgebra.run(context, "the starting values") { () throws(LinearAlgebraError) -> [Double] in
            let gram = try weightedCrossProduct(curvature)
            let rhs = try x.gemv(rhsVector, transpose: true)
            if let factor = try? Cholesky(gram) { return try factor.solve(rhs) }
            return try SymmetricIndefiniteSolver(gram).solve(rhs)
        }
        return AFTStart(parameters: fixedLogScale == nil ? beta + [logScale] : beta,
                        nullLogLikelihood: nullFit?.evaluation.value, nullParameters: nullFit?.parameters)
    }

    /// Per-row `g = ∂ℓ/∂η` and `W = −w ∂²ℓ/∂η²` at `z = 0` (R's `derfun` at `eta = y`).
    package static func derivativesAtZero(event: [Bool], weights: [Double], family: LocationScaleFamily,
                                          logScale: Double) -> (g: [Double], curvature: [Double]) {
        let sigma = exp(logScale)
        let exact = family.logDensity(0)
        let censored = family.logSurvival(0)
        var g = [Double](repeating: 0, count: event.count)
        var curvature = [Double](repeating: 0, count: event.count)
        for i in event.indices {
            let term = event[i] ? exact : censored
            g[i] = -term.first / sigma
            curvature[i] = -weights[i] * term.second / (sigma * sigma)
        }
        return (g, curvature)
    }
}
