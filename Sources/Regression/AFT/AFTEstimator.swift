import NumericCore
import Survival

/// Maximum-likelihood estimation of an AFT model with any ``AFTLocationModel``: starting values (the
/// location model's, or given), ``DampedNewton`` on ``AFTLikelihood``, the inverse information and, when
/// robust or clustered, the sandwich variance (``AFTRobustVariance``). The linear AFT (``ParametricAFT``)
/// and the one-step Emax AFT use this one path with their own optimiser policies.
package struct AFTEstimator<Location: AFTLocationModel> {
    /// The location model.
    package var location: Location
    /// The response.
    package var response: AFTResponse
    /// The optimiser (R's `survreg` iteration for the linear model).
    package var newton: DampedNewton
    /// Whether to compute the sandwich variance without clusters.
    package var robust: Bool
    /// The message when the log-likelihood is not finite at the start.
    package var startFailure: String

    /// Creates an estimator.
    package init(location: Location, response: AFTResponse, newton: DampedNewton, robust: Bool,
                 startFailure: String = "the log-likelihood is not finite at the starting values; check for extreme times.") {
        self.location = location
        self.response = response
        self.newton = newton
        self.robust = robust
        self.startFailure = startFailure
    }

    /// Fits the model.
    ///
    /// - Parameters:
    ///   - cluster: Cluster codes for the sandwich variance, or nil.
    ///   - start: Starting values, or nil for the location model's.
    /// - Returns: The estimate; non-convergence and an indefinite information are flags, not errors.
    /// - Throws: `.undefinedStatistic` for a non-finite log-likelihood at the start, a failed step or a
    ///   failed inversion; the location model's starting-value errors.
    /// - Complexity: O(n k²) per iteration plus O(n k + C k²) for the sandwich.
    package func estimate(cluster: [Int]?, start given: AFTStart? = nil) throws(StatModelError) -> AFTEstimate {
        let start: AFTStart
        if let given { start = given } else { start = try location.startingValues(response) }
        var likelihood = AFTLikelihood(location: location, response: response)
        let outcome = try Self.maximize(&likelihood, newton: newton, from: start.parameters, startFailure: startFailure)
        let (variance, positiveDefinite) = try AFTLinearAlgebra.symmetricInverse(
            outcome.evaluation.information, context: response.context, step: "inverting the information matrix")
        let (robustVariance, clusterCount) = try AFTRobustVariance.ifRequested(
            robust: robust, likelihood, variance: variance, cluster: cluster)
        return AFTEstimate(parameters: outcome.parameters, variance: variance, isPositiveDefinite: positiveDefinite,
                           robustVariance: robustVariance, clusterCount: clusterCount,
                           logLikelihood: outcome.evaluation.value, start: start, iterations: outcome.iterations,
                           isConverged: outcome.isConverged)
    }

    /// Runs `newton` on `likelihood`, turning a non-finite start and a failed step into errors.
    ///
    /// - Parameters:
    ///   - likelihood: The objective (left evaluated at the returned point).
    ///   - newton: The optimiser.
    ///   - start: The starting point.
    ///   - fixed: Coordinates held fixed (profile likelihoods).
    ///   - startFailure: The message for a non-finite log-likelihood at the start.
    /// - Returns: The optimiser's result.
    /// - Throws: `.undefinedStatistic`.
    package static func maximize(
        _ likelihood: inout AFTLikelihood<Location>, newton: DampedNewton, from start: [Double], fixed: Set<Int> = [],
        startFailure: String = "the log-likelihood is not finite at the starting values; check for extreme times."
    ) throws(StatModelError) -> DampedNewtonResult {
        let outcome = try newton.maximize(&likelihood, from: start, fixed: fixed)
        switch outcome.stop {
        case .nonFiniteStart:
            throw .undefinedStatistic(context: likelihood.context, message: startFailure)
        case .stepFailed(let error):
            throw .undefinedStatistic(context: likelihood.context, message: "the Newton step failed (\(error)).")
        case .converged, .iterationLimit, .stalled, .flatRidge:
            return outcome
        }
    }
}
