import Foundation
import NumericCore
import Regression

/// A fitted Emax AFT model `log T = log(E0 + Emax·d^h/(ED50^h + d^h)) + xᵀb + σW` (see `EmaxAFT`).
///
/// `theta` is the unconstrained vector `(log E0, Emax, log ED50, [log h], b₁…b_p, log σ)` with its
/// model-based covariance `variance` (inverse observed information) and, when robust or clustered,
/// `robustVariance` (`V (Σ_c U_c U_cᵀ) V`); `inferenceVariance` is the robust one when present. A fixed
/// scale (exponential) has zero rows and columns in both.
public struct EmaxAFTFit: Sendable {
    /// The dose curve.
    public let curve: EmaxAFT.Curve
    /// The error distribution.
    public let distribution: AFTDistribution
    /// The unconstrained parameter vector.
    public let theta: [Double]
    /// The model-based covariance of `theta`.
    public let variance: Matrix
    /// The robust (sandwich, clustered when clusters were given) covariance of `theta`, or nil.
    public let robustVariance: Matrix?
    /// The log-likelihood on the `log t` scale, `Σ wᵢ ℓᵢ` without the Jacobian term `−Σ_events log tᵢ`
    /// (what `relief fit emax` has always reported; ``timeScaleLogLikelihood`` is comparable with
    /// `AFTFit.logLikelihood` and R's `survreg`).
    public let logLikelihood: Double
    /// The log-likelihood on the time scale, `logLikelihood + Σ_events log g′(tᵢ)` (R's `survreg` scale).
    public let timeScaleLogLikelihood: Double
    /// Newton iterations.
    public let iterations: Int
    /// Whether the Newton decrement fell below the tolerance.
    public let isConverged: Bool
    /// Rows.
    public let n: Int
    /// Rows with an event.
    public let events: Int
    /// Distinct clusters, nil without clusters (or `n` for robust without clusters).
    public let clusterCount: Int?
    /// The number of distinct dose values.
    public let distinctDoseLevels: Int
    /// Names of the covariate columns.
    public let termNames: [String]
    /// The confidence level of the intervals.
    public let confidenceLevel: Double
    /// The profile-likelihood interval of ED50 of the free fit: nil when not requested, when the free fit
    /// did not converge or ended on a bound, or when the grid already found ED50 not identified (no free
    /// fit). When it reaches beyond DoseFinding's range ED50 is not identified and it is kept as the evidence.
    public let ed50ProfileInterval: EmaxAFTProfileInterval?
    /// Whether the doses identify ED50, from its profile over DoseFinding's range (checked before Newton).
    public let identification: EmaxED50Identification
    /// When ED50 is not identified: the best identified alternative (log T linear in the dose or in
    /// log(dose + off), by AIC), which is what `relief fit emax` reports instead; nil otherwise.
    public let alternative: EmaxAFTAlternative?
    /// Messages: non-convergence, ED50 not identified, bounds reached.
    public let warnings: [String]
    /// The parameters on their natural scale: `e0`, `eMax`, `ed50`, [`h`], the covariates, [`scale`].
    public let parameters: [EmaxAFTParameter]

    /// `E0`, days at dose 0 and `x = 0`.
    public var e0: Double { exp(theta[0]) }
    /// `Emax`, days.
    public var emax: Double { theta[1] }
    /// `ED50`, dose units.
    public var ed50: Double { exp(theta[2]) }
    /// The Hill exponent `h` (1 for `.emax`).
    public var hill: Double { curve == .sigmoidEmax ? exp(theta[3]) : 1 }
    /// The number of curve parameters (3 or 4).
    public var curveParameterCount: Int { curve == .sigmoidEmax ? 4 : 3 }
    /// The covariate coefficients `b` (log time ratios).
    public var coefficients: [Double] { Array(theta[curveParameterCount..<(curveParameterCount + termNames.count)]) }
    /// `σ`.
    public var scale: Double { exp(theta[theta.count - 1]) }
    /// The number of estimated parameters.
    public var parameterCount: Int { theta.count - (distribution.fixedScale == nil ? 0 : 1) }
    /// `AIC = −2ℓ + 2k` (with ``logLikelihood``, the `log t` scale).
    public var aic: Double { -2 * logLikelihood + 2 * Double(parameterCount) }
    /// `BIC = −2ℓ + log(n) k` (with ``logLikelihood``, the `log t` scale).
    public var bic: Double { -2 * logLikelihood + log(Double(n)) * Double(parameterCount) }
    /// The covariance used for inference.
    public var inferenceVariance: Matrix { robustVariance ?? variance }
    /// Whether ED50 was held fixed (not identified): `theta` is then the maximum with ED50 at the end of
    /// the range it runs to, the variances have a zero row and column for `log ED50`, and the `ed50`
    /// parameter has no standard error or interval (NaN).
    public var isED50Fixed: Bool { !identification.isIdentified }

    package init(curve: EmaxAFT.Curve, distribution: AFTDistribution, theta: [Double], variance: Matrix,
         robustVariance: Matrix?, logLikelihood: Double, logCorrection: Double, iterations: Int, isConverged: Bool,
         n: Int, events: Int,
         clusterCount: Int?, distinctDoseLevels: Int, termNames: [String], confidenceLevel: Double,
         ed50ProfileInterval: EmaxAFTProfileInterval?, identification: EmaxED50Identification,
         alternative: EmaxAFTAlternative?, warnings: [String]) {
        self.curve = curve
        self.distribution = distribution
        self.theta = theta
        self.variance = variance
        self.robustVariance = robustVariance
        self.logLikelihood = logLikelihood
        self.timeScaleLogLikelihood = logLikelihood + logCorrection
        self.iterations = iterations
        self.isConverged = isConverged
        self.n = n
        self.events = events
        self.clusterCount = clusterCount
        self.distinctDoseLevels = distinctDoseLevels
        self.termNames = termNames
        self.confidenceLevel = confidenceLevel
        self.ed50ProfileInterval = ed50ProfileInterval
        self.identification = identification
        self.alternative = alternative
        self.warnings = warnings

        let used = robustVariance ?? variance
        let z = Normal.quantile(0.5 + confidenceLevel / 2)
        func logScaleRow(_ name: String, _ index: Int) -> EmaxAFTParameter {
            let se = used[index, index].squareRoot()
            let value = exp(theta[index])
            return EmaxAFTParameter(name: name, estimate: value, standardError: value * se,
                                    lower: exp(theta[index] - z * se), upper: exp(theta[index] + z * se))
        }
        func linearRow(_ name: String, _ index: Int) -> EmaxAFTParameter {
            let se = used[index, index].squareRoot()
            return EmaxAFTParameter(name: name, estimate: theta[index], standardError: se,
                                    lower: theta[index] - z * se, upper: theta[index] + z * se)
        }
        let ed50Row = identification.isIdentified ? logScaleRow("ed50", 2)
            : EmaxAFTParameter(name: "ed50", estimate: exp(theta[2]), standardError: .nan, lower: .nan, upper: .nan)
        var rows = [logScaleRow("e0", 0), linearRow("eMax", 1), ed50Row]
        let q = curve == .sigmoidEmax ? 4 : 3
        if q == 4 { rows.append(logScaleRow("h", 3)) }
        for (j, name) in termNames.enumerated() { rows.append(linearRow(name, q + j)) }
        if distribution.fixedScale == nil { rows.append(logScaleRow("scale", theta.count - 1)) }
        parameters = rows
    }

    /// The curve `g(d) = E0 + Emax·d^h/(ED50^h + d^h)` in days at `x = 0`.
    ///
    /// - Parameter dose: A dose `>= 0`.
    /// - Returns: `g(d)`.
    /// - Complexity: O(1).
    public func curveValue(at dose: Double) -> Double {
        var c = EmaxLocation.CurveDerivatives()
        EmaxLocation.curve(d: dose, logD: dose > 0 ? log(dose) : 0, theta: theta,
                           estimatesHill: curve == .sigmoidEmax, into: &c)
        return c.g
    }

    /// The AFT location `η = log g(d) + xᵀb` and its gradient with respect to `theta` (for delta-method
    /// predictions, e.g. relief coverage RMST(I)/I under a schedule).
    ///
    /// - Parameters:
    ///   - dose: A dose `>= 0`.
    ///   - covariates: The `p` covariate values in `termNames` order (the design row without intercept).
    /// - Returns: `η` and `∂η/∂θ` (length `theta.count`, 0 for `log σ`); nil when the length is wrong or `g ≤ 0`.
    /// - Complexity: O(p).
    public func location(dose: Double, covariates: [Double]) -> (value: Double, gradient: [Double])? {
        guard covariates.count == termNames.count, dose >= 0 else { return nil }
        var c = EmaxLocation.CurveDerivatives()
        let q = curveParameterCount
        EmaxLocation.curve(d: dose, logD: dose > 0 ? log(dose) : 0, theta: theta,
                           estimatesHill: q == 4, into: &c)
        guard c.g > 0 else { return nil }
        var gradient = [Double](repeating: 0, count: theta.count)
        var value = log(c.g)
        for j in 0..<q { gradient[j] = c.gradient[j] / c.g }
        for (j, v) in covariates.enumerated() {
            value += theta[q + j] * v
            gradient[q + j] = v
        }
        return (value, gradient)
    }

    /// The fitted curve at the reference profile (`x = 0`) with delta-method intervals on `log g`.
    ///
    /// - Parameter doses: Doses `>= 0` (negative ones are skipped).
    /// - Returns: One point per usable dose.
    /// - Complexity: O(k²) per dose.
    public func curvePoints(doses: [Double]) -> [EmaxAFTCurvePoint] {
        let used = inferenceVariance
        let z = Normal.quantile(0.5 + confidenceLevel / 2)
        let medianFactor = exp(scale * distribution.family.quantile(0.5))
        return doses.compactMap { dose in
            guard let eta = location(dose: dose, covariates: [Double](repeating: 0, count: termNames.count)) else {
                return nil
            }
            var v = 0.0
            for i in 0..<theta.count {
                for j in 0..<theta.count { v += eta.gradient[i] * used[i, j] * eta.gradient[j] }
            }
            let se = max(v, 0).squareRoot()
            return EmaxAFTCurvePoint(dose: dose, estimate: exp(eta.value), lower: exp(eta.value - z * se),
                                     upper: exp(eta.value + z * se), median: exp(eta.value) * medianFactor)
        }
    }
}
