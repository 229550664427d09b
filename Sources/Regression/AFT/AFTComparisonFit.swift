import NumericCore
import Survival

/// The result of an ``AFTComparison``: every family's fit ranked by AIC (best first). As a
/// ``SurvivalRegressionFit`` it answers for the best family; its warnings are every fit's, prefixed
/// with the family's name.
public struct AFTComparisonFit: Sendable {
    /// The smallest-AIC fit (`ranked[0]`).
    public let best: AFTFit
    /// All fits, AIC ascending (ties in candidate order).
    public let ranked: [AFTFit]
}

extension AFTComparisonFit: SurvivalRegressionFit {
    /// The best family's name.
    public var modelName: String { best.modelName }
    /// The best fit's parameter names.
    public var parameterNames: [String] { best.parameterNames }
    /// The best fit's parameters.
    public var parameterEstimates: [Double] { best.parameterEstimates }
    /// The best fit's model-based variance.
    public var variance: Matrix { best.variance }
    /// The best fit's robust variance.
    public var robustVariance: Matrix? { best.robustVariance }
    /// The best fit's log-likelihood.
    public var logLikelihood: Double { best.logLikelihood }
    /// The best fit's intercept-only log-likelihood.
    public var referenceLogLikelihood: Double? { best.referenceLogLikelihood }
    /// The best fit's parameter count.
    public var parameterCount: Int { best.parameterCount }
    /// Rows.
    public var n: Int { best.n }
    /// Events.
    public var events: Int { best.events }

    /// The level of the best fit's intervals.
    public var confidenceLevel: Double { best.confidenceLevel }
    /// Clusters.
    public var clusterCount: Int? { best.clusterCount }
    /// The best AIC.
    public var aic: Double { best.aic }
    /// The best fit's BIC.
    public var bic: Double { best.bic }
    /// The best fit's tests.
    public var tests: [RegressionTest] { best.tests }
    /// Every fit's warnings, prefixed with its family (best first), as `relief fit aft --dist all` shows them.
    public var warningMessages: [String] {
        ranked.flatMap { fit in fit.warnings.map { "\(fit.distribution.name): \($0)" } }
    }
    /// Whether the best fit converged.
    public var isConverged: Bool { best.isConverged }
    /// The best fit's iterations.
    public var iterations: Int { best.iterations }
    /// As the best fit.
    public var predictionCapabilities: PredictionCapabilities { best.predictionCapabilities }

    /// The best fit's predictions.
    public func predict(_ profiles: RegressionProfiles, request: PredictionRequest,
                        data: RegressionData) throws(StatModelError) -> [SurvivalProfilePrediction] {
        try best.predict(profiles, request: request, data: data)
    }
}
