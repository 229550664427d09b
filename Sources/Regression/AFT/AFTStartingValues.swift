import Foundation
import NumericCore
import Survival

/// R `survreg.fit`'s starting values and intercept-only fit.
///
/// With `y = log t` and the family's `init` (weighted mean `m` and variance `v` of `y`, shifted and
/// divided as the family says), `log σ₀ = log(4 v) / 2` (or the fixed value). Unless `X` is the single
/// intercept column: the intercept is refined by one weighted step at `z = 0` and the intercept-only
/// model is fitted by Newton–Raphson (at most 20 iterations; its log-likelihood is `fit$loglik[1]`);
/// then with `σ` from that fit, `β₀` is the weighted least-squares solution of
/// `Xᵀ W X β = Xᵀ (W y + w g)`, where `g = ∂ℓ/∂η` and `W = −w ∂²ℓ/∂η²`, both evaluated at `η = y`.
package struct AFTStartingValues {
    /// The full-model starting parameters `(β₀, log σ₀)`.
    package let start: [Double]
    /// The intercept-only fit (nil when `X` is the intercept column alone).
    package let nullFit: AFTNewtonRaphson.Outcome?

    package init(x: Matrix, y: [Double], event: [Bool], weights: [Double], family: LocationScaleFamily,
         fixedLogScale: Double?, epsilon: Double, context: String) throws(StatModelError) {
        let n = x.rows
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

        let isMeanOnly = x.columns == 1 && x.elements.allSatisfy { $0 == 1 }
        if isMeanOnly {
            nullFit = nil
        } else {
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
            var nullLikelihood = AFTLikelihood(
                x: Matrix(rows: n, columns: 1, repeating: 1), y: y, event: event, weights: weights,
                family: family, fixedLogScale: fixedLogScale, context: context + " (intercept-only model)")
            let outcome = try AFTNewtonRaphson(maxIterations: 20, epsilon: epsilon)
                .run(&nullLikelihood, start: nullStart)
            nullFit = outcome
            if fixedLogScale == nil, outcome.parameters.count > 1 { logScale = outcome.parameters[1] }
        }

        let (g, curvature) = Self.derivativesAtZero(event: event, weights: weights, family: family,
                                                    logScale: logScale)
        var rhsRows = [Double](repeating: 0, count: n)
        for i in 0..<n { rhsRows[i] = curvature[i] * y[i] + weights[i] * g[i] }
        let likelihood = AFTLikelihood(x: x, y: y, event: event, weights: weights, family: family,
                                       fixedLogScale: fixedLogScale, context: context)
        let gram = try likelihood.weightedCrossProduct(curvature)
        let rhsVector = rhsRows
        let beta = try AFTLinearAlgebra.run(context, "the starting values") { () throws(LinearAlgebraError) -> [Double] in
            let rhs = try x.gemv(rhsVector, transpose: true)
            if let factor = try? Cholesky(gram) { return try factor.solve(rhs) }
            return try SymmetricIndefiniteSolver(gram).solve(rhs)
        }
        start = fixedLogScale == nil ? beta + [logScale] : beta
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
