import Foundation
import NumericCore

/// A fitted Cox proportional-hazards model: what R's `coxph` and `summary(coxph)` report.
///
/// All per-term arrays are in design-column order. `z`, `pValues` and the confidence limits use the
/// robust variance when there is one (as R's `summary.coxph`), else the naive one.
public struct CoxPHFit: Sendable, Equatable {
    /// Tie handling used.
    public let ties: CoxPH.Ties
    /// Term (column) names.
    public let termNames: [String]
    /// Number of rows used.
    public let n: Int
    /// Number of events (rows with an event, unweighted, as R's `nevent`).
    public let events: Int
    /// Number of strata (1 without strata).
    public let strataCount: Int
    /// Number of clusters of the robust variance (n when each row is its own), nil without it.
    public let clusterCount: Int?
    /// `β`, the log hazard ratios.
    public let coefficients: [Double]
    /// Naive variance: the inverse information at `β` (R's `naive.var`, or `var` without robust).
    public let variance: Matrix
    /// Robust sandwich variance `D'D` from dfbeta residuals summed within clusters, when computed.
    public let robustVariance: Matrix?
    /// Weighted means used to centre the columns (0 for columns with values in {−1, 0, 1}), as R's `means`.
    public let means: [Double]
    /// `log L(0)`.
    public let nullLogLikelihood: Double
    /// `log L(β)`.
    public let logLikelihood: Double
    /// Newton–Raphson iterations used.
    public let iterations: Int
    /// Whether R's convergence rule was met.
    public let isConverged: Bool
    /// Likelihood-ratio test `2 (log L(β) − log L(0))` on p df.
    public let likelihoodRatioTest: CoxPHTest
    /// Wald test `βᵀ V⁻¹ β` with the robust variance when present (as R's `wald.test`).
    public let waldTest: CoxPHTest
    /// Score (log-rank) test at `β = 0`, `U(0)ᵀ I(0)⁻¹ U(0)` (R's `score`).
    public let scoreTest: CoxPHTest
    /// Robust score test `U(0)ᵀ (S₀ᵀ S₀)⁻ U(0)` with score residuals at `β = 0` summed within clusters
    /// (R's `rscore`), when the variance is robust.
    public let robustScoreTest: CoxPHTest?
    /// Concordance of the linear predictor with the times (R's `fit$concordance`; for `(start, stop]`
    /// rows each event is compared with the rows at risk at its time).
    public let concordance: CoxConcordance
    /// Linear predictor `x_iᵀ β − meansᵀ β` per input row (R's `linear.predictors`).
    public let linearPredictors: [Double]
    /// Confidence level of `lower` / `upper`.
    public let confidenceLevel: Double
    /// Whether R's time fix was applied to the times.
    public let timeFixApplied: Bool
    /// Conditions that limit the interpretation (monotone likelihood, non-convergence).
    public let warnings: [CoxPHWarning]

    /// Creates a fit (normally made by `CoxPH.fit`).
    /// - Parameters: the fields, see their documentation.
    public init(ties: CoxPH.Ties, termNames: [String], n: Int, events: Int, strataCount: Int, clusterCount: Int?,
                coefficients: [Double], variance: Matrix, robustVariance: Matrix?, means: [Double],
                nullLogLikelihood: Double, logLikelihood: Double, iterations: Int, isConverged: Bool,
                likelihoodRatioTest: CoxPHTest, waldTest: CoxPHTest, scoreTest: CoxPHTest,
                robustScoreTest: CoxPHTest?, concordance: CoxConcordance, linearPredictors: [Double],
                confidenceLevel: Double, timeFixApplied: Bool, warnings: [CoxPHWarning]) {
        self.ties = ties
        self.termNames = termNames
        self.n = n
        self.events = events
        self.strataCount = strataCount
        self.clusterCount = clusterCount
        self.coefficients = coefficients
        self.variance = variance
        self.robustVariance = robustVariance
        self.means = means
        self.nullLogLikelihood = nullLogLikelihood
        self.logLikelihood = logLikelihood
        self.iterations = iterations
        self.isConverged = isConverged
        self.likelihoodRatioTest = likelihoodRatioTest
        self.waldTest = waldTest
        self.scoreTest = scoreTest
        self.robustScoreTest = robustScoreTest
        self.concordance = concordance
        self.linearPredictors = linearPredictors
        self.confidenceLevel = confidenceLevel
        self.timeFixApplied = timeFixApplied
        self.warnings = warnings
    }

    /// The variance the tests and intervals use: robust when present, else naive.
    public var reportedVariance: Matrix { robustVariance ?? variance }

    /// Naive standard errors `sqrt(diag(I⁻¹))`.
    public var standardErrors: [Double] { variance.diagonal.map { $0.squareRoot() } }

    /// Robust standard errors, when the fit has a robust variance.
    public var robustStandardErrors: [Double]? { robustVariance.map { $0.diagonal.map { $0.squareRoot() } } }

    /// `β_j / se_j` (robust se when present).
    public var zScores: [Double] {
        zip(coefficients, reportedVariance.diagonal).map { $0 / $1.squareRoot() }
    }

    /// Two-sided normal p-values of `zScores`, `2 (1 − Φ(|z|))`.
    public var pValues: [Double] { zScores.map { 2 * Normal.survival(abs($0)) } }

    /// Hazard ratios `exp(β)`.
    public var hazardRatios: [Double] { coefficients.map { exp($0) } }

    /// Lower confidence limits of the hazard ratios, `exp(β − z se)`.
    public var lowerConfidence: [Double] {
        let z = Normal.quantile(1 - (1 - confidenceLevel) / 2)
        return zip(coefficients, reportedVariance.diagonal).map { exp($0 - z * $1.squareRoot()) }
    }

    /// Upper confidence limits of the hazard ratios, `exp(β + z se)`.
    public var upperConfidence: [Double] {
        let z = Normal.quantile(1 - (1 - confidenceLevel) / 2)
        return zip(coefficients, reportedVariance.diagonal).map { exp($0 + z * $1.squareRoot()) }
    }

    /// One row per term, as `summary(coxph)`'s coefficient and confidence tables.
    ///
    /// - Complexity: O(p).
    public var coefficientTable: [CoxCoefficient] {
        let se = standardErrors, robust = robustStandardErrors, z = zScores, p = pValues
        let lower = lowerConfidence, upper = upperConfidence
        return coefficients.indices.map { j in
            CoxCoefficient(term: termNames[j], estimate: coefficients[j], standardError: se[j],
                           robustStandardError: robust?[j], z: z[j], pValue: p[j],
                           hazardRatio: exp(coefficients[j]), lower: lower[j], upper: upper[j])
        }
    }

    /// The warnings as sentences.
    public var warningMessages: [String] { warnings.map(\.description) }
}
