import Foundation
import NumericCore
import Regression
import Survival

/// A one-step, censoring-aware dose–response model: a parametric AFT whose time scale carries an Emax
/// curve in days,
///
///     log T = log(E0 + Emax·d^h/(ED50^h + d^h)) + xᵀb + σ·W,   W from the AFT family,
///
/// with `h = 1` (`.emax`) or estimated (`.sigmoidEmax`). `x` holds the covariates WITHOUT an intercept
/// (E0 plays its role), so `E0` and `Emax` are days (`exp` of the location) at `x = 0`, the reference
/// covariate profile; `ED50` is in dose units. For the Weibull the median at the reference profile is
/// `g(d)·(log 2)^σ`; for the log-normal and log-logistic it is `g(d)` itself.
///
/// Estimation: the AFT likelihood of ``ParametricAFT`` with an ``EmaxLocation`` instead of `xᵀβ`, maximised on
/// the unconstrained scale `(log E0, Emax, log ED50, [log h], b, log σ)` by the package's one optimiser
/// (``DampedNewton/backtracking(maxIterations:tolerance:bounds:)``) with the analytic gradient and Hessian
/// (chain rule through the location, the family's `LogDerivatives`). `Emax` is free in sign (a dose may shorten relief) but `E0 + Emax·f(d) > 0`
/// is enforced at every dose by the line search. `ED50` is kept in `[1e-3, 100] × max dose` and `h` in
/// `[0.1, 20]`. Robust (sandwich) and cluster-robust SEs as `survreg(robust = TRUE, cluster = )`.
/// Natural-scale SEs by the delta method; the profile-likelihood interval of ED50 on request.
///
/// ```swift
/// let fit = try EmaxAFT(curve: .emax, distribution: .weibull)
///     .fit(dose: dose, x: covariates, time: days, event: ended, cluster: patient, termNames: names)
/// fit.ed50; fit.ed50ProfileInterval?.lower; fit.warnings
/// ```
public struct EmaxAFT: SurvivalRegressionModel, Sendable {
    /// The dose curve.
    public enum Curve: String, Sendable, CaseIterable {
        /// `h = 1`.
        case emax
        /// `h` estimated (DoseFinding's `sigEmax`).
        case sigmoidEmax = "sigemax"
    }

    /// The dose curve (default `.emax`).
    public var curve: Curve
    /// The error distribution (`.weibull` default, `.lognormal`, `.loglogistic`, `.exponential`).
    public var distribution: AFTDistribution
    /// Maximum Newton iterations.
    public var maxIterations: Int
    /// Convergence tolerance on the Newton decrement `Uᵀ I⁻¹ U / 2` (log-likelihood units).
    public var tolerance: Double
    /// Compute the robust sandwich variance even without clusters (it is always computed with clusters).
    public var robust: Bool
    /// Two-sided confidence level of every interval, in (0, 1).
    public var confidenceLevel: Double
    /// Compute the profile-likelihood interval of ED50 (about 20–40 extra maximisations).
    public var profileInterval: Bool

    /// Creates a specification.
    ///
    /// - Parameters:
    ///   - curve: `.emax` or `.sigmoidEmax`.
    ///   - distribution: An AFT distribution on log time.
    ///   - maxIterations: Newton iterations, `>= 1`.
    ///   - tolerance: Newton-decrement tolerance, `> 0`.
    ///   - robust: Sandwich variance without clusters.
    ///   - confidenceLevel: Level in (0, 1).
    ///   - profileInterval: Compute the ED50 profile-likelihood interval.
    public init(curve: Curve = .emax, distribution: AFTDistribution = .weibull, maxIterations: Int = 100,
                tolerance: Double = 1e-9, robust: Bool = false, confidenceLevel: Double = 0.95,
                profileInterval: Bool = true) {
        self.curve = curve
        self.distribution = distribution
        self.maxIterations = maxIterations
        self.tolerance = tolerance
        self.robust = robust
        self.confidenceLevel = confidenceLevel
        self.profileInterval = profileInterval
    }

    /// Fits the model by maximum likelihood.
    ///
    /// - Parameters:
    ///   - dose: Dose per row, finite and `>= 0` (0 = placebo, where the curve is `E0`).
    ///   - x: `n × p` covariates without an intercept column (`p` may be 0), e.g. the formula's design
    ///     matrix with its intercept column removed.
    ///   - time: Times, finite and `> 0`.
    ///   - event: `true` = event observed, `false` = right-censored.
    ///   - cluster: Cluster codes (e.g. patient); when given the cluster-robust variance is used.
    ///   - termNames: Names of the `p` columns of `x` (default `x1`, `x2`, ...).
    /// - Returns: The fit; non-convergence, a non-identified ED50 and bound hits are `warnings`.
    /// - Throws: As ``fit(_:)``.
    /// - Complexity: As ``fit(_:)``.
    public func fit(dose: [Double], x: Matrix, time: [Double], event: [Bool], cluster: [Int]? = nil,
                    termNames: [String]? = nil) throws(StatModelError) -> EmaxAFTFit {
        try fit(RegressionData(x: x, termNames: termNames, time: time, event: event, cluster: cluster, dose: dose))
    }

    /// Fits the model by maximum likelihood: the AFT with an ``EmaxLocation`` (one likelihood and
    /// optimiser with the linear AFT), by ``DampedNewton/backtracking(maxIterations:tolerance:bounds:)``.
    ///
    /// - Parameter input: The doses (`dose`, required, finite and `>= 0`, 0 = placebo), the covariates
    ///   without an intercept column (`p` may be 0) with their names, times `> 0`, events, optional
    ///   positive case weights and cluster codes (when given the cluster-robust variance is used).
    /// - Returns: The fit; non-convergence, a non-identified ED50 and bound hits are `warnings`.
    /// - Throws: `StatModelError` for empty or mismatched input, a missing dose, strata, a negative or
    ///   non-finite dose (naming the row), all doses equal to 0, a time `<= 0`, a weight `<= 0`, no events,
    ///   a constant or collinear column of `x`, bad settings, or a non-finite likelihood at the start.
    /// - Complexity: O(n k²) per Newton iteration, `k = 4 + p (+1)`; the profile interval multiplies
    ///   this by about 20–40 warm-started maximisations of a few iterations each.
    public func fit(_ input: RegressionData) throws(StatModelError) -> EmaxAFTFit {
        let context = "EmaxAFT.fit(\(curve.rawValue), \(distribution.name))"
        guard let dose = input.dose else {
            throw .invalidArgument(context: context, message: "the \(curve.rawValue) model needs the dose of every row "
                + "(RegressionData.dose); the dose is not a column of the design.")
        }
        if input.strata != nil {
            throw .invalidArgument(context: context, message: "strata apply to Cox models only; put the column in as a term.")
        }
        let x = input.x, time = input.time, event = input.event, cluster = input.cluster
        try validate(dose: dose, x: x, time: time, event: event, weights: input.weights, cluster: cluster,
                     termNames: input.termNames, context: context)
        let n = time.count
        let names = input.termNames
        let location = EmaxLocation(curve: curve, dose: dose, x: x, termNames: names)
        let response = try AFTResponse(time: time, event: event, weights: input.weights, distribution: distribution,
                                       epsilon: tolerance, context: context)
        let newton = DampedNewton.backtracking(maxIterations: maxIterations, tolerance: tolerance, bounds: location.bounds)
        let startFailure = "the log-likelihood is not finite at the starting values (E0 + Emax·f(dose) ≤ 0 "
            + "or extreme times); check the dose and time columns."

        // The sigmoid fit starts from the Emax fit (h = 1), so its log-likelihood is never below it.
        let emaxLocation = location.with(curve: .emax)
        var start = emaxLocation.startingValues(response)
        if curve == .sigmoidEmax {
            var emaxLikelihood = AFTLikelihood(location: emaxLocation, response: response.renamed(context + " (h = 1 start)"))
            let first = try AFTEstimator<EmaxLocation>.maximize(
                &emaxLikelihood, newton: .backtracking(maxIterations: maxIterations, tolerance: tolerance,
                                                       bounds: emaxLocation.bounds),
                from: start.parameters, startFailure: startFailure)
            start = AFTStart(parameters: Array(first.parameters.prefix(3)) + [0] + Array(first.parameters.dropFirst(3)))
        }
        let estimate = try AFTEstimator(location: location, response: response, newton: newton, robust: robust,
                                        startFailure: startFailure).estimate(cluster: cluster, start: start)

        // θ with log σ last (the fixed value for the exponential), its variances embedded with zeros there.
        let fixedLogScale = response.fixedLogScale
        let theta = estimate.parameters + (fixedLogScale.map { [$0] } ?? [])
        let variance = Self.embed(estimate.variance, size: theta.count)
        let robustVariance = estimate.robustVariance.map { Self.embed($0, size: theta.count) }

        var warnings: [String] = []
        if !estimate.isConverged {
            warnings.append("the \(curve.rawValue) model did not converge in \(maxIterations) Newton iteration(s); "
                + "estimates and SEs may be unreliable (often ED50 is not identified: see the dose levels).")
        }
        if !estimate.isPositiveDefinite {
            warnings.append("the information matrix is not positive definite at the estimates: this is not a "
                + "maximum of the likelihood, so the standard errors are not valid (ED50 is probably not identified).")
        }
        // Identification of ED50.
        let estimatesHill = curve == .sigmoidEmax
        let levels = Set(dose).count
        let needed = estimatesHill ? 4 : 3
        if levels < needed {
            warnings.append("ED50 is not identified: \(levels) distinct dose level(s), but the \(curve.rawValue) "
                + "model needs at least \(needed); report the dose-group estimates instead, or add dose levels.")
        }
        let ed50 = exp(theta[2])
        let maxDose = dose.max() ?? 1
        let bounds = location.bounds
        let ed50Bounds = location.ed50Bounds
        let positiveDoses = dose.filter { $0 > 0 }
        if let minPositive = positiveDoses.min(), ed50 < minPositive || ed50 > maxDose {
            warnings.append("ED50 is not identified: the estimate \(Self.format(ed50)) lies outside the positive "
                + "dose range [\(Self.format(minPositive)), \(Self.format(maxDose))], so all doses are on one side of it.")
        }
        if abs(theta[2] - bounds[0].lower) < 1e-6 || abs(theta[2] - bounds[0].upper) < 1e-6 {
            warnings.append("ED50 ran to the search bound \(Self.format(ed50)) (allowed [\(Self.format(ed50Bounds.lower)), "
                + "\(Self.format(ed50Bounds.upper))]): ED50 is not identified.")
        }
        if estimatesHill, bounds.count > 1, abs(theta[3] - bounds[1].lower) < 1e-6 || abs(theta[3] - bounds[1].upper) < 1e-6 {
            warnings.append("the Hill exponent h ran to the bound \(Self.format(exp(theta[3]))) (allowed [0.1, 20]).")
        }

        var profile: EmaxAFTProfileInterval?
        if profileInterval, estimate.isConverged {
            let used = robustVariance ?? variance
            var likelihood = AFTLikelihood(location: location, response: response)
            profile = try EmaxAFTProfile.interval(
                likelihood: &likelihood, newton: newton, estimate: estimate.parameters,
                logLikelihood: estimate.logLikelihood, standardError: used[2, 2].squareRoot(), level: confidenceLevel,
                bounds: (ed50Bounds.lower, ed50Bounds.upper))
            if let profile, profile.isOpen {
                warnings.append("the profile-likelihood interval of ED50 is open on the "
                    + "\(profile.lower == nil ? "lower" : "upper") side: the data do not bound ED50 there (not identified).")
            }
        }
        return EmaxAFTFit(curve: curve, distribution: distribution, theta: theta, variance: variance,
                          robustVariance: robustVariance, logLikelihood: estimate.logLikelihood,
                          logCorrection: response.logCorrection, iterations: estimate.iterations,
                          isConverged: estimate.isConverged, n: n, events: response.events,
                          clusterCount: estimate.clusterCount, distinctDoseLevels: levels, termNames: names,
                          confidenceLevel: confidenceLevel, ed50ProfileInterval: profile, warnings: warnings)
    }

    /// `a` (`m × m`) in the top-left corner of a `size × size` zero matrix.
    static func embed(_ a: Matrix, size: Int) -> Matrix {
        guard a.rows != size else { return a }
        var full = Matrix(rows: size, columns: size)
        for j in 0..<min(a.columns, size) {
            for i in 0..<min(a.rows, size) { full[i, j] = a[i, j] }
        }
        return full
    }

    package static func format(_ value: Double) -> String { String(format: "%.4g", value) }

    private func validate(dose: [Double], x: Matrix, time: [Double], event: [Bool], weights: [Double]?,
                          cluster: [Int]?, termNames: [String], context: String) throws(StatModelError) {
        let n = time.count
        guard n > 0 else { throw .emptyInput(context: context) }
        guard maxIterations >= 1 else {
            throw .invalidArgument(context: context, message: "maxIterations is \(maxIterations); use a value >= 1.")
        }
        guard tolerance > 0, tolerance.isFinite else {
            throw .invalidArgument(context: context, message: "tolerance is \(tolerance); use a small positive value such as 1e-9.")
        }
        guard confidenceLevel > 0, confidenceLevel < 1 else {
            throw .invalidArgument(context: context, message: "confidence level \(confidenceLevel) is outside (0, 1); use e.g. 0.95.")
        }
        guard distribution.transform.name == "log" else {
            throw .invalidArgument(context: context, message: "the \(distribution.name) distribution does not use log time; "
                + "use weibull, lognormal, loglogistic or exponential.")
        }
        try StatModelError.checkLength(dose.count, of: "dose", rows: n, context: context)
        try StatModelError.checkLength(x.rows, of: "x rows", rows: n, context: context)
        guard x.elements.count == n * x.columns else {
            throw .invalidArgument(context: context, message: "the covariate matrix holds \(x.elements.count) elements, not \(n)×\(x.columns).")
        }
        try StatModelError.checkLength(event.count, of: "event", rows: n, context: context)
        try StatModelError.checkLength(cluster?.count, of: "cluster", rows: n, context: context)
        guard termNames.count == x.columns else {
            throw .lengthMismatch(context: context, argument: "termNames", expected: x.columns, found: termNames.count)
        }
        if let weights {
            try StatModelError.checkLength(weights.count, of: "weights", rows: n, context: context)
            try AFTInputCheck.checkWeights(weights, context: context)
        }
        try StatModelError.checkEach(dose, of: "dose", context: context, isValid: { $0 >= 0 }) { d, i in
            "'dose' is \(d) at row \(i) (0-based); doses must be >= 0 (0 = placebo). Fix or remove that row."
        }
        guard dose.contains(where: { $0 > 0 }) else {
            throw .invalidArgument(context: context, message: "every dose is 0, so no dose–response curve can be estimated; "
                + "check the dose column.")
        }
        try StatModelError.checkEach(time, of: "time", context: context, isValid: { $0 > 0 }) { t, i in
            "'time' is \(t) at row \(i) (0-based), but the model works on log(time) and needs times > 0. "
                + "Remove or fix that row."
        }
        for (index, value) in x.elements.enumerated() where !value.isFinite {
            throw .nonFiniteValue(context: context, argument: "x column \(index / n)", index: index % n)
        }
        guard event.contains(true) else {
            throw .undefinedStatistic(context: context, message: "no events among \(n) rows: every time is censored, so the "
                + "model cannot be estimated. Check the event column and its coding.")
        }
        if x.columns > 0 {
            var constant: [Int] = []
            for j in 0..<x.columns {
                let column = x.elements[(j * n)..<((j + 1) * n)]
                if let first = column.first, column.allSatisfy({ $0 == first }) { constant.append(j) }
            }
            let degenerate = try AFTLinearAlgebra.run(context, "the rank check of the design") { () throws(LinearAlgebraError) in
                try DegenerateColumns(x)
            }
            let bad = Array(Set(constant + degenerate.collinear)).sorted()
            guard bad.isEmpty else {
                throw .undefinedStatistic(context: context, message: "covariate column(s) "
                    + bad.map { termNames[$0] }.joined(separator: ", ")
                    + " are constant (aliased with E0, which is the intercept) or collinear; drop them.")
            }
        }
    }
}
