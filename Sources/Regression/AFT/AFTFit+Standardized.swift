import Foundation
import NumericCore
import Survival

extension AFTFit: StandardizingFit {
    /// The curves of each set of rows at `times` and then at `figureSteps` equal steps to τ (smooth).
    public func standardized(groups: [Matrix], data: RegressionData, times: [Double], tau: Double, figureSteps: Int)
        throws(StatModelError) -> StandardizedCurves
    {
        let steps = max(figureSteps, 1)
        let grid = (1...steps).map { tau * Double($0) / Double(steps) }
        var curves: [StandardizedSurvival] = []
        for rows in groups { curves.append(try standardized(rows: rows, times: times + grid, tau: tau)) }
        return StandardizedCurves(curves: curves, figureTimes: grid, isStepFunction: false)
    }

    /// `gᵀ V g` over `(β, log σ)` with the fit's reported variance.
    public func standardizedQuadraticForm(_ gradient: [Double]) -> Double { predictor.quadraticForm(gradient) }

    /// The standardised curve over `rows` (g-computation): `mean_i S(t | x_i)` at each time and
    /// `mean_i ∫₀^τ S(t | x_i) dt`, with their gradients in `(β, log σ)`.
    ///
    /// `∂S/∂β = f₀(z) x / σ` and `∂S/∂log σ = f₀(z) z` per row, `z = (g(t) − xᵀβ)/σ`; the restricted mean
    /// integrates the averaged survival and gradients by adaptive quadrature.
    ///
    /// - Parameters:
    ///   - rows: `m × p` design rows (with the intercept column).
    ///   - times: Times `≥ 0`.
    ///   - tau: The restricted-mean horizon, `> 0`.
    /// - Returns: The curve.
    /// - Throws: `.lengthMismatch` for rows of the wrong width, `.invalidArgument` for a bad time or τ.
    /// - Complexity: O(m p) per time, and per evaluation of the quadrature (a few hundred), spread over the
    ///   cores in 65,536-row chunks.
    public func standardized(rows: Matrix, times: [Double], tau: Double) throws(StatModelError) -> StandardizedSurvival {
        let context = "AFTFit.standardized"
        let p = coefficients.count
        guard rows.columns == p else { throw .lengthMismatch(context: context, argument: "rows", expected: p, found: rows.columns) }
        guard rows.rows > 0 else { throw .emptyInput(context: context) }
        guard tau.isFinite, tau > 0 else { throw .invalidArgument(context: context, message: "tau \(tau) must be a finite time > 0.") }
        for t in times where !(t.isFinite && t >= 0) {
            throw .invalidArgument(context: context, message: "time \(t) is not a finite value >= 0.")
        }
        let m = rows.rows
        let locations = (0..<m).map { i in (0..<p).reduce(0.0) { $0 + rows.elements[i + $1 * m] * coefficients[$1] } }
        let family = distribution.family, transform = distribution.transform, sigma = scale
        let width = p + (distribution.estimatesScale ? 1 : 0)
        let elements = rows.elements
        /// The sums behind `[S̄, ∂S̄/∂β..., ∂S̄/∂log σ]` at `y = g(t)` over rows `range`.
        @Sendable func sums(_ y: Double, _ range: Range<Int>) -> [Double] {
            var out = [Double](repeating: 0, count: 1 + width)
            for i in range {
                let z = (y - locations[i]) / sigma
                guard z.isFinite else {
                    out[0] += z < 0 ? 1 : 0
                    continue
                }
                let density = family.density(z)
                out[0] += family.survival(z)
                for j in 0..<p { out[1 + j] += density * elements[i + j * m] / sigma }
                if width > p { out[1 + p] += density * z }
            }
            return out
        }
        /// `[S̄, ∂S̄/∂β..., ∂S̄/∂log σ]` at `t`: fixed chunks of rows run concurrently and summed in chunk
        /// order, so the result does not depend on the number of cores (one chunk up to
        /// ``NumericCore/Parallel/rowChunk`` rows).
        func averaged(_ t: Double) -> [Double] {
            let y = transform.forward(t)
            let pieces = Parallel.mapRowChunks(m) { sums(y, $0) }
            var total = pieces.first ?? [Double](repeating: 0, count: 1 + width)
            for piece in pieces.dropFirst() { for j in total.indices { total[j] += piece[j] } }
            return total.map { $0 / Double(m) }
        }
        let atTimes = times.map(averaged)
        let middle = locations.sorted()[m / 2]
        let breaks = [1e-4, 0.01, 0.1, 0.25, 0.5, 0.75, 0.9, 0.99].map { transform.inverse(middle + sigma * family.quantile($0)) }
        let integral = AdaptiveQuadrature().integrate(0, tau, breaks: breaks, count: 1 + width, averaged)
        return StandardizedSurvival(
            times: times, survival: atTimes.map { $0[0] }, tau: tau, restrictedMean: integral[0],
            survivalGradients: atTimes.map { Array($0.dropFirst()) }, restrictedMeanGradient: Array(integral.dropFirst()),
            baselines: [])
    }
}
