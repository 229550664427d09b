import Foundation
import NumericCore

/// A fitted parametric accelerated-failure-time model `log T = xᵀβ + σ W` (R's `survreg` object).
///
/// Parameters are R's: `β` (one per design column, intercept included) and `log σ` ("Log(scale)",
/// absent for the exponential). A positive coefficient means a LONGER time to the event (longer
/// relief): `exp(β_j)` multiplies every quantile of `T`. `variance` is the inverse observed information
/// of `(β, log σ)` (R's `vcov(fit)` for a non-robust fit, `fit$naive.var` for a robust one);
/// `robustVariance` is the sandwich (R's `vcov(fit)` when robust). Inference (`coefficientTable`,
/// hazard ratios, scale and predictions) uses `inferenceVariance`: the robust one when present.
public struct AFTFit: Sendable {
    /// The distribution that was fitted.
    public let distribution: AFTDistribution
    /// `β`, one per design column.
    public let coefficients: [Double]
    /// `log σ` (the fixed value for the exponential).
    public let logScale: Double
    /// `σ` (R's `fit$scale`). For the Weibull, `1/σ` is the shape.
    public let scale: Double
    /// `(β, log σ)`, or `β` alone when the scale is fixed.
    public let parameters: [Double]
    /// Model-based covariance of `parameters`, `k × k`.
    public let variance: Matrix
    /// Robust (sandwich, clustered when clusters were given) covariance, or nil:
    /// `V (Σ_c U_c U_cᵀ) V` with `U_c` the sum over cluster `c` of the per-row scores. As in survival 3.5,
    /// case weights do not multiply the per-row scores (R's `residuals(fit, "dfbeta")` is unweighted).
    public let robustVariance: Matrix?
    /// Log-likelihood of the model on the time scale (R's `fit$loglik[2]`).
    public let logLikelihood: Double
    /// Log-likelihood of the intercept-only model (R's `fit$loglik[1]`).
    public let nullLogLikelihood: Double
    /// Intercept-only `(Intercept, log σ)` (R's `fit$icoef`).
    public let nullCoefficients: [Double]
    /// Newton–Raphson iterations of the full model (R's `fit$iter`).
    public let iterations: Int
    /// Whether `|1 − ℓ_old/ℓ_new| ≤ epsilon` was reached within `maxIterations`.
    public let isConverged: Bool
    /// Number of rows.
    public let n: Int
    /// Number of rows with an event.
    public let events: Int
    /// Sum of the case weights (`n` without weights).
    public let totalWeight: Double
    /// Number of distinct clusters, nil without clusters.
    public let clusterCount: Int?
    /// The confidence level of the intervals in this fit.
    public let confidenceLevel: Double
    /// One row per design column (estimates, SEs, z, p, time ratios with CIs).
    public let coefficientTable: [AFTCoefficient]
    /// The estimated scale, nil when it is fixed (exponential).
    public let scaleEstimate: AFTScaleEstimate?
    /// Hazard ratios `exp(−β_j/σ)` for every non-intercept column, Weibull and exponential only (else nil).
    public let hazardRatios: [AFTHazardRatio]?
    /// The likelihood-ratio test against the intercept-only model.
    public let likelihoodRatioTest: AFTLikelihoodRatioTest
    /// Messages about the fit (non-convergence, a non-positive-definite information).
    public let warnings: [String]
    /// The design column names (`x1`, `x2`, … when none were given).
    public let termNames: [String]

    /// The number of estimated parameters `k = p + (1 if σ is estimated)`.
    public var parameterCount: Int { parameters.count }
    /// `AIC = −2ℓ + 2k` (R's `AIC(fit)`).
    public var aic: Double { -2 * logLikelihood + 2 * Double(parameterCount) }
    /// `BIC = −2ℓ + log(n) k` (R's `BIC(fit)`, `n` rows).
    public var bic: Double { -2 * logLikelihood + log(Double(n)) * Double(parameterCount) }
    /// The covariance used for inference: `robustVariance` when present, else `variance`.
    public var inferenceVariance: Matrix { robustVariance ?? variance }

    package init(distribution: AFTDistribution, parameters: [Double], variance: Matrix, robustVariance: Matrix?,
         logLikelihood: Double, nullLogLikelihood: Double, nullCoefficients: [Double], iterations: Int,
         isConverged: Bool, n: Int, events: Int, totalWeight: Double, clusterCount: Int?,
         confidenceLevel: Double, interceptColumn: Int?, termNames: [String]? = nil, warnings: [String]) {
        let p = distribution.estimatesScale ? parameters.count - 1 : parameters.count
        let beta = Array(parameters.prefix(p))
        let logScale = distribution.fixedScale.map { log($0) } ?? parameters[p]
        let sigma = exp(logScale)
        let z = Normal.quantile(0.5 + confidenceLevel / 2)
        let used = robustVariance ?? variance

        self.distribution = distribution
        self.coefficients = beta
        self.logScale = logScale
        self.scale = sigma
        self.parameters = parameters
        self.variance = variance
        self.robustVariance = robustVariance
        self.logLikelihood = logLikelihood
        self.nullLogLikelihood = nullLogLikelihood
        self.nullCoefficients = nullCoefficients
        self.iterations = iterations
        self.isConverged = isConverged
        self.n = n
        self.events = events
        self.totalWeight = totalWeight
        self.clusterCount = clusterCount
        self.confidenceLevel = confidenceLevel
        self.warnings = warnings
        self.termNames = termNames ?? (0..<p).map { "x\($0 + 1)" }

        func wald(_ estimate: Double, _ se: Double) -> (z: Double, p: Double) {
            let statistic = estimate / se
            return (statistic, 2 * Normal.survival(abs(statistic)))
        }
        coefficientTable = (0..<p).map { j in
            let se = variance[j, j].squareRoot()
            let robust = robustVariance.map { $0[j, j].squareRoot() }
            let seUsed = robust ?? se
            let test = wald(beta[j], seUsed)
            return AFTCoefficient(column: j, estimate: beta[j], standardError: se, robustStandardError: robust,
                                  z: test.z, pValue: test.p, timeRatio: exp(beta[j]),
                                  lower: exp(beta[j] - z * seUsed), upper: exp(beta[j] + z * seUsed))
        }
        if distribution.estimatesScale {
            let se = variance[p, p].squareRoot()
            let robust = robustVariance.map { $0[p, p].squareRoot() }
            let seUsed = robust ?? se
            let test = wald(logScale, seUsed)
            let lower = exp(logScale - z * seUsed)
            let upper = exp(logScale + z * seUsed)
            scaleEstimate = AFTScaleEstimate(
                logScale: logScale, standardError: se, robustStandardError: robust, z: test.z, pValue: test.p,
                scale: sigma, scaleLower: lower, scaleUpper: upper, shape: 1 / sigma,
                shapeStandardError: seUsed / sigma, shapeLower: 1 / upper, shapeUpper: 1 / lower)
        } else {
            scaleEstimate = nil
        }
        if distribution.isProportionalHazards {
            hazardRatios = (0..<p).filter { $0 != interceptColumn }.map { j in
                let logHR = -beta[j] / sigma
                var v = used[j, j]
                if distribution.estimatesScale {
                    v += -2 * beta[j] * used[j, p] + beta[j] * beta[j] * used[p, p]
                }
                let se = v.squareRoot() / sigma
                let test = wald(logHR, se)
                return AFTHazardRatio(column: j, logHazardRatio: logHR, standardError: se, hazardRatio: exp(logHR),
                                      lower: exp(logHR - z * se), upper: exp(logHR + z * se), pValue: test.p)
            }
        } else {
            hazardRatios = nil
        }
        let statistic = 2 * (logLikelihood - nullLogLikelihood)
        let df = max(0, p - 1)
        likelihoodRatioTest = AFTLikelihoodRatioTest(
            statistic: statistic, degreesOfFreedom: df,
            pValue: df > 0 ? ChiSquared(degreesOfFreedom: Double(df)).survival(statistic) : 1)
    }
}
