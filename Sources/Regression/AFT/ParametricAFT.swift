import Foundation
import NumericCore
import Survival

/// A parametric accelerated-failure-time regression for right-censored times, matching R
/// `survival::survreg` (location–scale parameterisation, Newton–Raphson with step halving, R's starting
/// values and convergence rule).
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
public struct ParametricAFT: Sendable {
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

    /// Fits the model by maximum likelihood.
    ///
    /// - Parameters:
    ///   - x: The `n × p` design matrix with the intercept column (R's `model.matrix`).
    ///   - time: Follow-up times, finite and `> 0`.
    ///   - event: `true` = event observed, `false` = right-censored.
    ///   - weights: Positive case weights, or nil for 1.
    ///   - cluster: Cluster codes (equal codes = same cluster, e.g. patient); when given, the robust
    ///     variance is clustered on them and used for inference, as R's `survreg(..., cluster = )`.
    /// - Returns: The fit. Non-convergence does not throw: `isConverged` is false and `warnings` says so.
    /// - Throws: `StatModelError.emptyInput`; `.lengthMismatch`; `.nonFiniteValue`; `.invalidArgument` for a
    ///   time or weight `≤ 0` (naming the row), bad settings or a matrix without columns;
    ///   `.undefinedStatistic` naming constant or collinear columns (0-based; use `DegenerateColumns`
    ///   first to report them by name), when there are no events, or when the information matrix cannot
    ///   be inverted.
    /// - Complexity: O(n p²) per iteration (typically 4–8 iterations), plus an O(n) intercept-only fit;
    ///   O(n p) memory beyond `x`.
    public func fit(x: Matrix, time: [Double], event: [Bool], weights: [Double]? = nil,
                    cluster: [Int]? = nil) throws(StatModelError) -> AFTFit {
        let context = "ParametricAFT.fit(\(distribution.name))"
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
        try AFTInputCheck.validate(x: x, time: time, event: event, weights: weights, cluster: cluster,
                                   context: context)
        try AFTInputCheck.checkRank(x, context: context)

        let n = x.rows
        let transform = distribution.transform
        let y = time.map { transform.forward($0) }
        for (i, value) in y.enumerated() where !value.isFinite {
            throw .nonFiniteValue(context: context, argument: "\(transform.name)(time)", index: i)
        }
        let w = weights ?? [Double](repeating: 1, count: n)
        let fixedLogScale = distribution.fixedScale.map { log($0) }
        var logCorrection = 0.0
        for i in 0..<n where event[i] { logCorrection += w[i] * transform.logDerivative(time[i]) }

        let starting = try AFTStartingValues(x: x, y: y, event: event, weights: w, family: distribution.family,
                                             fixedLogScale: fixedLogScale, epsilon: epsilon, context: context)
        var likelihood = AFTLikelihood(x: x, y: y, event: event, weights: w, family: distribution.family,
                                       fixedLogScale: fixedLogScale, context: context)
        let outcome = try AFTNewtonRaphson(maxIterations: maxIterations, epsilon: epsilon)
            .run(&likelihood, start: starting.start)

        var warnings: [String] = []
        if !outcome.converged {
            warnings.append(
                "\(distribution.name) model did not converge in \(maxIterations) iteration(s) (relative change of "
                    + "the log-likelihood still above \(epsilon)); estimates and SEs may be unreliable. Increase "
                    + "maxIterations, or look for a term that (nearly) perfectly predicts the outcome.")
        }
        let (variance, positiveDefinite) = try AFTLinearAlgebra.symmetricInverse(
            outcome.information, context: context, step: "inverting the information matrix")
        if !positiveDefinite {
            warnings.append("the information matrix is not positive definite at the estimates: this is not a "
                + "maximum of the likelihood, so the standard errors are not valid.")
        }
        var robustVariance: Matrix?
        var clusterCount: Int?
        if robust || cluster != nil {
            robustVariance = try AFTRobustVariance.compute(likelihood, variance: variance, cluster: cluster)
            if let cluster { clusterCount = AFTRobustVariance.denseCodes(cluster).count }
        }

        let modelLoglik = outcome.logLikelihood + logCorrection
        let nullLoglik = (starting.nullFit?.logLikelihood ?? outcome.logLikelihood) + logCorrection
        var nullCoefficients = starting.nullFit?.parameters ?? outcome.parameters
        if fixedLogScale == nil, nullCoefficients.count > 2 { nullCoefficients = Array(nullCoefficients.prefix(2)) }
        let interceptColumn = (0..<x.columns).first { j in
            x.elements[(j * n)..<((j + 1) * n)].allSatisfy { $0 == 1 }
        }
        return AFTFit(distribution: distribution, parameters: outcome.parameters, variance: variance,
                      robustVariance: robustVariance, logLikelihood: modelLoglik, nullLogLikelihood: nullLoglik,
                      nullCoefficients: nullCoefficients, iterations: outcome.iterations,
                      isConverged: outcome.converged, n: n, events: event.reduce(0) { $0 + ($1 ? 1 : 0) },
                      totalWeight: w.reduce(0, +), clusterCount: clusterCount, confidenceLevel: confidenceLevel,
                      interceptColumn: interceptColumn, warnings: warnings)
    }
}
