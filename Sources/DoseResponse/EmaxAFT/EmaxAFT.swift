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
/// is enforced at every dose by the line search. `ED50` is kept in DoseFinding's range `[0.001, 1.5] × max
/// dose` and `h` in `[0.1, 20]`. Robust (sandwich) and cluster-robust SEs as `survreg(robust = TRUE, cluster = )`.
/// Natural-scale SEs by the delta method; the profile-likelihood interval of ED50 on request.
///
/// Before any Newton step the profile of ED50 over that range decides whether the doses identify ED50
/// (``EmaxED50Identification``); when they do not, the Emax parameters are not estimated freely and the
/// best identified alternative (``EmaxAFTAlternative``, log T linear in the dose or in log(dose + off))
/// is fitted instead, so a non-identified fit costs a few linear AFT fits rather than a long Newton run.
///
/// ```swift
/// let fit = try EmaxAFT(curve: .emax, distribution: .weibull)
///     .fit(dose: dose, x: covariates, time: days, event: ended, cluster: patient, termNames: names)
/// fit.identification.isIdentified; fit.ed50; fit.ed50ProfileInterval?.lower; fit.alternative?.doseTerm; fit.warnings
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
    /// Compute the profile-likelihood interval of ED50 (about 20–40 extra maximisations). It also has a
    /// say in identification: an interval reaching beyond DoseFinding's range means ED50 is not identified.
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

    /// Fits the model by maximum likelihood, after checking that the doses identify ED50.
    ///
    /// 1. The dose-level fit (one linear AFT with a location per dose level) and, on it, the profile of
    ///    ED50 over DoseFinding's range `[0.001, 1.5] × max dose` (31 log-spaced points; see
    ///    ``EmaxED50Identification`` for the profile and the rule).
    /// 2. Identified: Newton (``DampedNewton/backtracking(maxIterations:tolerance:bounds:)``, ED50 kept in
    ///    that range) from the best grid point (the sigmoid curve from the Emax fit, so its likelihood is
    ///    never below it), then the profile-likelihood interval of ED50. If the maximum still ends on a
    ///    bound of the range, ED50 is reported as not identified in that direction.
    /// 3. Not identified: no free Newton fit. The Emax model is fitted with ED50 held at the best grid
    ///    point (its variance then says nothing about ED50: ``EmaxAFTFit/isED50Fixed``), and the best
    ///    identified alternative (``EmaxAFTAlternative``: log T linear in the dose or in log(dose + off),
    ///    by AIC) is fitted for the report; the verdict is the first warning.
    ///
    /// - Parameter input: The doses (`dose`, required, finite and `>= 0`, 0 = placebo), the covariates
    ///   without an intercept column (`p` may be 0) with their names, times `> 0`, events, optional
    ///   positive case weights and cluster codes (when given the cluster-robust variance is used).
    /// - Returns: The fit; non-convergence, a non-identified ED50 and bound hits are `warnings`.
    /// - Throws: `StatModelError` for empty or mismatched input, a missing dose, strata, a negative or
    ///   non-finite dose (naming the row), all doses equal to 0, a time `<= 0`, a weight `<= 0`, no events,
    ///   a constant or collinear column of `x`, bad settings, or a non-finite likelihood at the start.
    /// - Complexity: One linear AFT fit with `p + levels` columns for the grid (whatever the grid size).
    ///   Identified: O(n k²) per Newton iteration, `k = 4 + p (+1)`, and the profile interval multiplies
    ///   this by about 20–40 warm-started maximisations of a few iterations each. Not identified: one
    ///   Newton fit with ED50 held, and two linear AFT fits with `p + 2` columns.
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
                                       epsilon: tolerance, context: context).truncated(at: input.start)
        let startFailure = "the log-likelihood is not finite at the starting values (E0 + Emax·f(dose) ≤ 0 "
            + "or extreme times); check the dose and time columns."

        // 1. The dose-level fit and the ED50 profile grid over DoseFinding's range.
        let bounds = location.ed50Bounds
        let distinct = Array(Set(dose)).sorted()
        let levelCount = distinct.count
        let positiveDoses = dose.filter { $0 > 0 }
        let positiveRange = (positiveDoses.min() ?? 0)...(positiveDoses.max() ?? 0)
        let doseRange = (dose.min() ?? 0)...(dose.max() ?? 0)
        let emaxLocation = location.with(curve: .emax)
        let levels = levelCount >= 2 ? emaxLocation.doseLevelFit(response, distinct: distinct) : nil
        let emaxProfile = levels.flatMap { Self.gridProfile(levels: $0, curve: .emax, bounds: bounds) }
        let profile = curve == .emax ? emaxProfile : levels.flatMap { Self.gridProfile(levels: $0, curve: curve, bounds: bounds) }
        var identification = verdict(profile, levels: levelCount, bounds: bounds, positive: positiveRange)
        var start: AFTStart
        if let levels, let point = emaxProfile.flatMap({ Self.startPoint($0, doseRange: doseRange) }) {
            start = AFTStart(parameters: emaxLocation.start(levels: levels, ed50: point.ed50, hill: 1, e0: point.e0,
                                                            emax: point.emax))
        } else {
            start = emaxLocation.startingValues(response)
        }

        // 2. Identified: the free fit.
        var fixed: FixedED50Estimate?
        var estimate: AFTEstimate?
        var profileInterval: EmaxAFTProfileInterval?
        var alternative: EmaxAFTAlternative?
        if identification.isIdentified {
            // The sigmoid fit starts from the Emax fit (h = 1), so its log-likelihood is never below it.
            if curve == .sigmoidEmax {
                var emaxLikelihood = AFTLikelihood(location: emaxLocation, response: response.renamed(context + " (h = 1 start)"))
                let first = try AFTEstimator<EmaxLocation>.maximize(
                    &emaxLikelihood, newton: .backtracking(maxIterations: maxIterations, tolerance: tolerance,
                                                           bounds: emaxLocation.bounds),
                    from: start.parameters, startFailure: startFailure)
                start = AFTStart(parameters: Array(first.parameters.prefix(3)) + [0] + Array(first.parameters.dropFirst(3)))
            }
            // A free fit that only creeps along a flat ridge (3 steps each gaining at most 1e-9 |ℓ|) stops
            // there, not converged: ED50 is then not identified (below), without walking the ridge to the limit.
            let newton = DampedNewton.backtracking(maxIterations: maxIterations, tolerance: tolerance, bounds: location.bounds,
                                                   flatSteps: 3)
            let free = try AFTEstimator(location: location, response: response, newton: newton, robust: robust,
                                        startFailure: startFailure).estimate(cluster: cluster, start: start)
            let psi = free.parameters[2]
            let lowEnd = abs(psi - log(bounds.lowerBound)) < 1e-6, highEnd = abs(psi - log(bounds.upperBound)) < 1e-6
            if lowEnd || highEnd {
                identification = identification.decided(lowEnd ? .dosesAboveED50 : .dosesBelowED50, by: .estimateOnBound)
            } else if !free.isConverged, let first = profile?.drop.first, let last = profile?.drop.last {
                identification = identification.decided(last >= first ? .dosesBelowED50 : .dosesAboveED50, by: .fitNotConverged)
            } else if self.profileInterval, free.isConverged {
                var likelihood = AFTLikelihood(location: location, response: response)
                let search = location.profileSearchBounds
                let used = free.robustVariance ?? free.variance
                let interval = try EmaxAFTProfile.interval(
                    likelihood: &likelihood,
                    newton: .backtracking(maxIterations: maxIterations, tolerance: tolerance,
                                          bounds: location.bounds.filter { $0.index != 2 }),
                    estimate: free.parameters, logLikelihood: free.logLikelihood,
                    standardError: used[2, 2].squareRoot(), level: confidenceLevel,
                    bounds: (search.lowerBound, search.upperBound))
                profileInterval = interval
                let beyondLow = interval.lower.map { $0 < bounds.lowerBound } ?? true
                let beyondHigh = interval.upper.map { $0 > bounds.upperBound } ?? true
                if beyondLow || beyondHigh {
                    identification = identification.decided(
                        beyondLow && beyondHigh ? .flat : beyondHigh ? .dosesBelowED50 : .dosesAboveED50, by: .profileInterval)
                }
            }
            if identification.isIdentified {
                estimate = free
            } else {
                // The alternative on a second thread, as in step 3. After a fit that did not converge,
                // holding ED50 does not remove the ridge: one step only.
                let background = _BackgroundWork<EmaxAFTAlternative?> { [self, input, dose, levels] in
                    self.alternative(input, dose: dose, levels: levels)
                }
                defer { alternative = background.result() ?? nil }
                fixed = heldFit(location: location, response: response, start: free.parameters, cluster: cluster,
                                iterations: identification.evidence == .fitNotConverged ? 1 : nil)
            }
        } else {
            // 3. Not identified: the alternative (two linear AFT fits) runs on a second thread while the
            //    Emax model is fitted with ED50 held at the best grid point (the end of the range it runs to).
            let background = _BackgroundWork<EmaxAFTAlternative?> { [self, input, dose, levels] in
                self.alternative(input, dose: dose, levels: levels)
            }
            defer { alternative = background.result() ?? nil }
            var held = start.parameters
            if curve == .sigmoidEmax { held.insert(0, at: 3) }
            if let profile, let point = profile.points[profile.best] {
                held[2] = log(point.ed50)
                if curve == .sigmoidEmax { held[3] = log(point.hill) }
                if point.e0 >= 0 {
                    held[0] = log(max(point.e0, 1e-3 * max(abs(point.emax), 1e-8)))
                    held[1] = point.emax
                }
                if !Self.isPositive(held, curve: curve, doses: positiveRange) { held[1] = 0 }
            }
            fixed = heldFit(location: location, response: response, start: held, cluster: cluster)
        }

        let parameters = estimate?.parameters ?? fixed?.parameters ?? start.parameters
        // θ with log σ last (the fixed value for the exponential), its variances embedded with zeros there.
        let fixedLogScale = response.fixedLogScale
        let theta = parameters + (fixedLogScale.map { [$0] } ?? [])
        let modelVariance = estimate?.variance ?? fixed?.variance ?? Matrix(rows: parameters.count, columns: parameters.count)
        let variance = Self.embed(modelVariance, size: theta.count)
        let robustVariance = (estimate?.robustVariance ?? fixed?.robustVariance).map { Self.embed($0, size: theta.count) }
        let isConverged = estimate?.isConverged ?? fixed?.isConverged ?? false
        let isPositiveDefinite = estimate?.isPositiveDefinite ?? fixed?.isPositiveDefinite ?? false
        let logLikelihood = estimate?.logLikelihood ?? fixed?.logLikelihood ?? -.infinity

        var warnings: [String] = []
        if !identification.isIdentified {
            if alternative == nil, identification.evidence != .profileGrid {
                alternative = self.alternative(input, dose: dose, levels: levels)
            }
            warnings.append(identification.statement)
            if let alternative {
                let candidates = alternative.candidates.map { "\($0.doseTerm.name) AIC " + String(format: "%.2f", $0.aic) }
                warnings.append("the \(curve.rawValue) estimates (E0, Emax, ED50\(curve == .sigmoidEmax ? ", h" : "")) are not meaningful here; the best identified "
                    + "alternative is the \(alternative.doseTerm.name) AFT log T = b0 + b1*\(alternative.doseTerm.label("dose")) "
                    + "+ x'b + sigma*W (" + candidates.joined(separator: ", ") + "); predictions from this fit (e.g. a "
                    + "coverage schedule) hold ED50 at \(Self.format(exp(parameters[2])))"
                    + (curve == .sigmoidEmax ? "; the Emax curve (h = 1) may still be identified." : "."))
            }
        }
        // (Not identified: the fit with ED50 held is not reported, so its convergence is no warning; it is
        // `isConverged`.)
        if identification.isIdentified, !isConverged {
            warnings.append("the \(curve.rawValue) model did not converge in \(maxIterations) Newton iteration(s); "
                + "estimates and SEs may be unreliable.")
        }
        if identification.isIdentified, !isPositiveDefinite {
            warnings.append("the information matrix is not positive definite at the estimates: this is not a "
                + "maximum of the likelihood, so the standard errors are not valid.")
        }
        let ed50 = exp(theta[2])
        let estimatesHill = curve == .sigmoidEmax
        if identification.isIdentified, let minPositive = positiveDoses.min(),
           let maxDose = positiveDoses.max(), ed50 < minPositive || ed50 > maxDose {
            warnings.append("the ED50 estimate \(Self.format(ed50)) lies outside the positive dose range "
                + "[\(Self.format(minPositive)), \(Self.format(maxDose))]: it is extrapolated, so read its "
                + "profile-likelihood interval rather than the Wald one.")
        }
        let hillBounds = EmaxLocation.hillBounds
        if estimatesHill, abs(theta[3] - log(hillBounds.lower)) < 1e-6 || abs(theta[3] - log(hillBounds.upper)) < 1e-6 {
            warnings.append("the Hill exponent h ran to the bound \(Self.format(exp(theta[3]))) (allowed [0.1, 20]).")
        }

        return EmaxAFTFit(curve: curve, distribution: distribution, theta: theta, variance: variance,
                          robustVariance: robustVariance, logLikelihood: logLikelihood,
                          logCorrection: response.logCorrection,
                          iterations: estimate?.iterations ?? fixed?.iterations ?? 0, isConverged: isConverged, n: n,
                          events: response.events, clusterCount: estimate?.clusterCount ?? fixed?.clusterCount,
                          distinctDoseLevels: levelCount, termNames: names, confidenceLevel: confidenceLevel,
                          ed50ProfileInterval: profileInterval, identification: identification, alternative: alternative,
                          warnings: warnings)
    }

    /// Whether `E0 + Emax·f(d) > 0` at both ends of `doses` (enough: `f` is monotone in `d`).
    static func isPositive(_ theta: [Double], curve: Curve, doses: ClosedRange<Double>) -> Bool {
        var c = EmaxLocation.CurveDerivatives()
        return [doses.lowerBound, doses.upperBound].allSatisfy { d in
            EmaxLocation.curve(d: d, logD: d > 0 ? log(d) : 0, theta: theta, estimatesHill: curve == .sigmoidEmax, into: &c)
            return c.g > 0 && c.g.isFinite
        }
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
