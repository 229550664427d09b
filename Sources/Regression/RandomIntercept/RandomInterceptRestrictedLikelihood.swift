import Foundation
import NumericCore
import Survival

/// The restricted (REML) log-likelihood of a random-intercept AFT model over the variance parameters
/// `φ = (log σ, log τ)` as a ``NewtonObjective``: the fixed effects are integrated out by the Laplace
/// approximation, as glmmTMB's `REML = TRUE` treats them like random effects,
///
/// `ℓ_R(σ, τ) = ℓ(β̂(σ, τ), σ, τ) − ½ log det(−∂²ℓ/∂β∂βᵀ(β̂)) + (p/2) log 2π`,
///
/// with `ℓ` the marginal log-likelihood (``RandomInterceptLikelihood``, log-time scale) and `β̂(σ, τ)` its
/// maximum at fixed `(σ, τ)`. For uncensored log-normal episodes `ℓ` is Gaussian in `β`, the Laplace
/// approximation is exact, and `ℓ_R` is the linear mixed model's restricted log-likelihood exactly as
/// `nlme::lme(..., method = "REML")` reports it (`−(N−p)/2 log 2π − ½ log|V| − ½ log|XᵀV⁻¹X| − ½ rᵀV⁻¹r`,
/// no `log|XᵀX|` term).
///
/// Each value is one inner fit over `β` (a chord iteration with the last point's information, else the
/// damped Newton iteration, then two more steps without line search) and the central difference of the analytic gradient in `β` at `β̂`. The
/// gradient and information in `φ` are central differences of the value (step ``step``): 9 inner fits
/// per evaluation, 3 when `log τ` is held fixed (``holdsTau``, the profile over `σ`).
///
/// Harville, D. A. (1974). Bayesian inference for variance components using only error contrasts.
/// *Biometrika* 61, 383–385. doi:10.1093/biomet/61.2.383
package struct RandomInterceptRestrictedLikelihood: NewtonObjective {
    package typealias Failure = StatModelError

    /// One inner fit: the restricted and marginal values (log-time scale), `β̂`, the marginal likelihood
    /// at `(β̂, φ)` (its patients' modes and curvatures) and `−∂²ℓ/∂β∂βᵀ(β̂)`.
    package struct Point {
        package var restricted: Double
        package var marginal: Double
        package var beta: [Double]
        package var likelihood: RandomInterceptLikelihood
        package var information: Matrix
        package var isConverged: Bool
    }

    /// The grouped episodes.
    package let episodes: RandomInterceptEpisodes
    let context: String
    let maxIterations: Int
    /// The step of the differences in `φ` (log scale).
    package static let step = 1e-3
    /// Whether `log τ` is held fixed (no difference in it; its information entry is 0).
    package var holdsTau = false
    /// The warm start of the next inner fit: `β`, the patients' modes and the last information in `β`.
    package private(set) var beta: [Double]
    package private(set) var modes: [Double]
    private var lastInformation: Matrix?

    /// Starts from `beta` and `modes` (e.g. the maximum-likelihood fit's).
    package init(episodes: RandomInterceptEpisodes, context: String, maxIterations: Int, beta: [Double], modes: [Double]) {
        self.episodes = episodes
        self.context = context
        self.maxIterations = maxIterations
        self.beta = beta
        self.modes = modes
    }

    /// `(log σ, log τ)`.
    package var parameterCount: Int { 2 }

    /// The inner fit at `φ`, from the warm start (which it then updates); nil where it fails.
    package mutating func point(_ phi: [Double]) -> Point? {
        let p = episodes.columns
        guard phi.count == 2, phi.allSatisfy(\.isFinite), beta.count == p else { return nil }
        var likelihood = RandomInterceptLikelihood(episodes: episodes, context: context, modes: modes)
        likelihood.heldFixed = [p, p + 1]
        let start = beta + phi
        var found: DampedNewtonResult?
        if let lastInformation {
            var padded = Matrix(rows: p + 2, columns: p + 2)
            for i in 0..<p { for j in 0..<p { padded[i, j] = lastInformation[i, j] } }
            padded[p, p] = 1
            padded[p + 1, p + 1] = 1
            likelihood.fixedInformation = padded
            let chord = try? RandomInterceptAFT.chordNewton(maxIterations: min(maxIterations, 25))
                .maximize(&likelihood, from: start, fixed: [p, p + 1])
            likelihood.fixedInformation = nil
            if let chord, chord.isConverged, chord.evaluation.value.isFinite { found = chord }
        }
        if found == nil {
            found = try? DampedNewton.backtracking(maxIterations: maxIterations, tolerance: 1e-12)
                .maximize(&likelihood, from: start, fixed: [p, p + 1])
        }
        guard let result = found, result.evaluation.value.isFinite else { return nil }
        // Two more steps with the iteration's information and no line search: the log determinant moves with
        // β to first order (unlike ℓ), so β̂ must be closer than a converged Newton decrement leaves it for the
        // differences in φ to see a smooth objective.
        var parameters = result.parameters
        var matrix = Matrix(rows: p, columns: p)
        for i in 0..<p { for j in 0..<p { matrix[i, j] = result.evaluation.information[i, j] } }
        if let factor = try? Cholesky(matrix) {
            for _ in 0..<2 {
                guard let point = likelihood.valueAndGradient(parameters, gradient: true),
                      let step = try? factor.solve(Array(point.gradient.prefix(p))), step.allSatisfy(\.isFinite) else { break }
                for j in 0..<p { parameters[j] += step[j] }
            }
        }
        likelihood.centralDifferences = true
        guard let final = try? likelihood.evaluate(parameters), final.value.isFinite else { return nil }
        likelihood.centralDifferences = false
        var information = Matrix(rows: p, columns: p)
        for i in 0..<p { for j in 0..<p { information[i, j] = final.information[i, j] } }
        guard let factor = try? Cholesky(information) else { return nil }
        let fitted = Array(parameters.prefix(p))
        beta = fitted
        modes = likelihood.modes
        lastInformation = information
        let restricted = final.value - 0.5 * factor.logDeterminant + 0.5 * Double(p) * log(2 * Double.pi)
        return Point(restricted: restricted, marginal: final.value, beta: fitted, likelihood: likelihood, information: information,
                     isConverged: result.isConverged)
    }

    /// Resets the warm start to a point's.
    package mutating func restart(at point: Point) {
        beta = point.beta
        modes = point.likelihood.modes
        lastInformation = point.information
    }

    package mutating func value(at parameters: [Double]) throws(StatModelError) -> Double {
        point(parameters)?.restricted ?? -.infinity
    }

    package mutating func evaluate(_ parameters: [Double]) throws(StatModelError) -> NewtonEvaluation {
        guard let centre = point(parameters) else { return .undefined }
        let h = Self.step
        func at(_ d0: Double, _ d1: Double) -> Double {
            defer { restart(at: centre) }
            return point([parameters[0] + d0 * h, parameters[1] + d1 * h])?.restricted ?? .nan
        }
        var gradient = [0.0, 0.0]
        var information = Matrix(rows: 2, columns: 2)
        let free = holdsTau ? [0] : [0, 1]
        for j in free {
            let plus = j == 0 ? at(1, 0) : at(0, 1), minus = j == 0 ? at(-1, 0) : at(0, -1)
            gradient[j] = (plus - minus) / (2 * h)
            information[j, j] = -(plus - 2 * centre.restricted + minus) / (h * h)
        }
        if !holdsTau {
            let cross = -(at(1, 1) - at(1, -1) - at(-1, 1) + at(-1, -1)) / (4 * h * h)
            information[0, 1] = cross
            information[1, 0] = cross
        }
        guard gradient.allSatisfy(\.isFinite), information.isFinite else { return .undefined }
        return NewtonEvaluation(value: centre.restricted, gradient: gradient, information: information)
    }
}
