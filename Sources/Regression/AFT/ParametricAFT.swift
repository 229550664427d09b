import Foundation
import NumericCore
import Survival

/// A parametric accelerated-failure-time regression for right-censored times, matching R
/// `survival::survreg` (location–scale parameterisation, R's iteration with step halving through
/// ``DampedNewton/survreg(maxIterations:epsilon:logScaleIndex:)``, R's starting values and convergence rule).
///
/// Model: `log T = xᵀβ + σ W`, `W` from the distribution's family. Log-likelihood on the time scale:
/// `ℓ = Σ_events w (log f₀(z) − log σ − log t) + Σ_censored w log S₀(z)`, `z = (log t − xᵀβ)/σ`.
/// A positive coefficient means a longer time to the event (longer relief).
///
/// ```swift
/// let fit = try ParametricAFT(distribution: .weibull).fit(x: x, time: days, event: ended)
/// fit.coefficientTable[1].timeRatio     // exp(β₁)
/// fit.scaleEstimate?.shape              // Weibull shape 1/σ
/// ```
public struct ParametricAFT: SurvivalRegressionModel, Sendable {
    /// The distribution (default Weibull).
    public var distribution: AFTDistribution
    /// Maximum Newton–Raphson iterations of the full model (R's `survreg.control(maxiter = 30)`).
    public var maxIterations: Int
    /// Convergence tolerance on the relative change of the log-likelihood (R's `rel.tolerance = 1e-9`).
    public var epsilon: Double
    /// Compute the robust (sandwich) variance even without clusters (R's `robust = TRUE`); with
    /// clusters it is always computed.
    public var robust: Bool
    /// Two-sided confidence level of the intervals, in (0, 1).
    public var confidenceLevel: Double

    /// Creates a model specification.
    ///
    /// - Parameters:
    ///   - distribution: `.weibull` (default), `.exponential`, `.lognormal`, `.loglogistic` or custom.
    ///   - maxIterations: Newton–Raphson iterations, `≥ 0` (0 returns the starting values).
    ///   - epsilon: Relative log-likelihood tolerance, `> 0`.
    ///   - robust: Compute a sandwich variance with one cluster per row when no clusters are given.
    ///   - confidenceLevel: Two-sided level in (0, 1).
    public init(distribution: AFTDistribution = .weibull, maxIterations: Int = 30, epsilon: Double = 1e-9,
                robust: Bool = false, confidenceLevel: Double = 0.95) {
        self.distribution = distribution
        self.maxIterations = maxIterations
        self.epsilon = epsilon
        self.robust = robust
        self.confidenceLevel = confidenceLevel
    }

    /// Fits the model by maximum likelihood on `data` (its `weights` and `cluster` are used; `strata`
    /// and `dose` are refused).
    ///
    /// - Parameter input: The `n × p` design with the intercept column (R's `model.matrix`) and its term
    ///   names; follow-up times, finite and `> 0`; events; positive case weights or nil; cluster codes
    ///   (equal codes = same cluster, e.g. patient): when given, the robust variance is clustered on them
    ///   and used for inference, as R's `survreg(..., cluster = )`.
    /// - Returns: The fit. Non-convergence does not throw: `isConverged` is false and `warnings` says so.
    /// - Throws: `StatModelError.emptyInput`; `.lengthMismatch`; `.nonFiniteValue`; `.invalidArgument` for a
    ///   time or weight `≤ 0` (naming the row), bad settings, a matrix without columns, strata or a dose;
    ///   `.undefinedStatistic` naming constant or collinear columns (0-based; use `DegenerateColumns`
    ///   first to report them by name), when there are no events, or when the information matrix cannot
    ///   be inverted.
    /// - Complexity: O(n p²) per iteration (typically 4–8 iterations), plus an O(n) intercept-only fit;
    ///   O(n p) memory beyond `x`.
    public func fit(_ input: RegressionData) throws(StatModelError) -> AFTFit {
        try fit(input, start: nil)
    }

    /// Fits the model from given starting values (a warm start, e.g. from a richer model the data were
    /// fitted with): as ``fit(_:)``, but R's starting values are not computed. The intercept-only fit
    /// behind ``AFTFit/nullLogLikelihood`` and the likelihood-ratio test is the start's
    /// (``AFTStart/nullLogLikelihood`` and ``AFTStart/nullParameters``, on the `log t` scale); without
    /// it the test is against the model itself (statistic 0).
    ///
    /// - Parameters:
    ///   - input: As ``fit(_:)``.
    ///   - start: `(β, log σ)` (`β` alone for a fixed scale), or nil for R's starting values.
    /// - Returns: The fit.
    /// - Throws: As ``fit(_:)``.
    /// - Complexity: As ``fit(_:)``, usually with fewer iterations.
    package func fit(_ input: RegressionData, start: AFTStart?) throws(StatModelError) -> AFTFit {
        let context = "ParametricAFT.fit(\(distribution.name))"
        let x = input.x, time = input.time, event = input.event, weights = input.weights, cluster = input.cluster
        guard maxIterations >= 0 else {
            throw .invalidArgument(context: context, message: "maxIterations is \(maxIterations); use a value >= 0.")
        }
        guard epsilon > 0, epsilon.isFinite else {
            throw .invalidArgument(context: context, message: "epsilon is \(epsilon); use a small positive value such as 1e-9.")
        }
        guard confidenceLevel > 0, confidenceLevel < 1 else {
            throw .invalidArgument(context: context,
                                   message: "confidence level \(confidenceLevel) is outside (0, 1); use e.g. 0.95.")
        }
        if let fixed = distribution.fixedScale, !(fixed > 0 && fixed.isFinite) {
            throw .invalidArgument(context: context, message: "the fixed scale \(fixed) must be positive and finite.")
        }
        if input.strata != nil {
            throw .invalidArgument(context: context, message: "strata apply to Cox models only; put the column in as a term.")
        }
        if input.dose != nil {
            throw .invalidArgument(context: context, message: "a \(distribution.name) model has no dose role; put the dose "
                + "column in the design as a term (or fit the Emax model).")
        }
        guard input.termNames.count == x.columns else {
            throw .lengthMismatch(context: context, argument: "termNames", expected: x.columns, found: input.termNames.count)
        }
        try AFTInputCheck.validate(x: x, time: time, event: event, weights: weights, cluster: cluster,
                                   context: context)
        try AFTInputCheck.checkRank(x, context: context)

        let n = x.rows
        let response = try AFTResponse(time: time, event: event, weights: weights, distribution: distribution,
                                       epsilon: epsilon, context: context).truncated(at: input.start)
        let newton = DampedNewton.survreg(maxIterations: maxIterations, epsilon: epsilon,
                                          logScaleIndex: distribution.estimatesScale ? x.columns : nil)
        let estimate = try AFTEstimator(location: LinearLocation(x: x, names: input.termNames), response: response,
                                        newton: newton, robust: robust).estimate(cluster: cluster, start: start)

        var warnings: [String] = []
        if !estimate.isConverged {
            warnings.append(
                "\(distribution.name) model did not converge in \(maxIterations) iteration(s) (relative change of "
                    + "the log-likelihood still above \(epsilon)); estimates and SEs may be unreliable. Increase "
                    + "maxIterations, or look for a term that (nearly) perfectly predicts the outcome.")
        }
        if !estimate.isPositiveDefinite {
            warnings.append("the information matrix is not positive definite at the estimates: this is not a "
                + "maximum of the likelihood, so the standard errors are not valid.")
        }
        let modelLoglik = estimate.logLikelihood + response.logCorrection
        let nullLoglik = (estimate.start.nullLogLikelihood ?? estimate.logLikelihood) + response.logCorrection
        var nullCoefficients = estimate.start.nullParameters ?? estimate.parameters
        if distribution.estimatesScale, nullCoefficients.count > 2 { nullCoefficients = Array(nullCoefficients.prefix(2)) }
        let interceptColumn = (0..<x.columns).first { j in
            x.elements[(j * n)..<((j + 1) * n)].allSatisfy { $0 == 1 }
        }
        return AFTFit(distribution: distribution, parameters: estimate.parameters, variance: estimate.variance,
                      robustVariance: estimate.robustVariance, logLikelihood: modelLoglik, nullLogLikelihood: nullLoglik,
                      nullCoefficients: nullCoefficients, iterations: estimate.iterations,
                      isConverged: estimate.isConverged, n: n, events: response.events,
                      totalWeight: response.totalWeight, clusterCount: cluster == nil ? nil : estimate.clusterCount,
                      confidenceLevel: confidenceLevel, interceptColumn: interceptColumn, termNames: input.termNames,
                      warnings: warnings)
    }

    /// Fits the model on arrays (the form before ``RegressionData``; forwards to ``fit(_:)``).
    ///
    /// - Parameters:
    ///   - x: The `n × p` design matrix with the intercept column (R's `model.matrix`).
    ///   - time: Follow-up times, finite and `> 0`.
    ///   - event: `true` = event observed, `false` = right-censored.
    ///   - weights: Positive case weights, or nil for 1.
    ///   - cluster: Cluster codes, or nil.
    ///   - termNames: Column names, or nil for `x1`, `x2`, ….
    /// - Returns: The fit, as ``fit(_:)``.
    /// - Throws: As ``fit(_:)``.
    /// - Complexity: As ``fit(_:)``.
    public func fit(x: Matrix, time: [Double], event: [Bool], weights: [Double]? = nil, cluster: [Int]? = nil,
                    termNames: [String]? = nil) throws(StatModelError) -> AFTFit {
        try fit(RegressionData(x: x, termNames: termNames, time: time, event: event, weights: weights, cluster: cluster))
    }
}
