import NumericCore
import Regression
import Survival

extension EmaxAFT {
    /// A maximum of the likelihood with ED50 held fixed (when ED50 is not identified).
    struct FixedED50Estimate {
        /// `(θ, log σ)` with `log ED50` at the held value.
        var parameters: [Double]
        /// The inverse information of the free parameters, with a zero row and column for `log ED50`.
        var variance: Matrix
        /// Whether the free block of the information was positive definite.
        var isPositiveDefinite: Bool
        /// The sandwich variance (zero for `log ED50`) when robust or clustered.
        var robustVariance: Matrix?
        /// Clusters of the sandwich.
        var clusterCount: Int?
        /// `ℓ` on the `log t` scale.
        var logLikelihood: Double
        /// Newton iterations.
        var iterations: Int
        /// Whether Newton converged.
        var isConverged: Bool
    }

    /// Maximises the likelihood over every parameter but `log ED50` (index 2), held at its value in
    /// `start`, by the fit's optimiser; the variance is the inverse information of the free parameters,
    /// so nothing is claimed about ED50 (its row and column are 0).
    ///
    /// - Parameters:
    ///   - location: The Emax location.
    ///   - response: The response.
    ///   - start: The start (`log ED50` at the held value).
    ///   - cluster: Cluster codes, or nil.
    ///   - iterations: The Newton iteration limit (default: the model's).
    /// - Returns: The estimate.
    /// - Throws: The likelihood's errors; a non-finite start.
    /// - Complexity: As a Newton fit with one parameter fewer.
    func fixedED50Estimate(location: EmaxLocation, response: AFTResponse, start: [Double],
                           cluster: [Int]?, iterations: Int? = nil) throws(StatModelError) -> FixedED50Estimate {
        let index = 2
        var likelihood = AFTLikelihood(location: location, response: response)
        // This fit is not reported (only its curve is used, e.g. by a coverage schedule), so it stops at
        // about R's survreg relative tolerance, 1e-9 of |ℓ| ≈ 1e-9 per row, rather than 1e-9 absolute.
        let newton = DampedNewton.backtracking(maxIterations: iterations ?? maxIterations,
                                               tolerance: max(tolerance, 1e-9 * Double(response.rows)),
                                               bounds: location.bounds.filter { $0.index != index })
        let outcome = try AFTEstimator<EmaxLocation>.maximize(
            &likelihood, newton: newton, from: start, fixed: [index],
            startFailure: "the log-likelihood is not finite at the starting values with ED50 held at its bound.")
        let information = outcome.evaluation.information
        let k = information.rows
        let free = (0..<k).filter { $0 != index }
        var reduced = Matrix(rows: free.count, columns: free.count)
        for (b, j) in free.enumerated() {
            for (a, i) in free.enumerated() { reduced[a, b] = information[i, j] }
        }
        let (inverse, positiveDefinite) = try AFTLinearAlgebra.symmetricInverse(
            reduced, context: response.context, step: "inverting the information matrix (ED50 held fixed)")
        var variance = Matrix(rows: k, columns: k)
        for (b, j) in free.enumerated() {
            for (a, i) in free.enumerated() { variance[i, j] = inverse[a, b] }
        }
        let (robustVariance, clusterCount) = try AFTRobustVariance.ifRequested(
            robust: robust, likelihood, variance: variance, cluster: cluster)
        return FixedED50Estimate(parameters: outcome.parameters, variance: variance, isPositiveDefinite: positiveDefinite,
                                 robustVariance: robustVariance, clusterCount: clusterCount,
                                 logLikelihood: outcome.evaluation.value, iterations: outcome.iterations,
                                 isConverged: outcome.isConverged)
    }

    /// ``fixedED50Estimate(location:response:start:cluster:)``, or when it fails (it is not reported, so
    /// a failure must not hide the alternative) the start itself with a zero variance, not converged.
    func heldFit(location: EmaxLocation, response: AFTResponse, start: [Double], cluster: [Int]?,
                 iterations: Int? = nil) -> FixedED50Estimate {
        if let estimate = try? fixedED50Estimate(location: location, response: response, start: start, cluster: cluster,
                                                 iterations: iterations) {
            return estimate
        }
        var likelihood = AFTLikelihood(location: location, response: response)
        let value = (try? likelihood.value(at: start)) ?? -.infinity
        return FixedED50Estimate(parameters: start, variance: Matrix(rows: start.count, columns: start.count),
                                 isPositiveDefinite: false, robustVariance: nil, clusterCount: nil, logLikelihood: value,
                                 iterations: 0, isConverged: false)
    }
}
