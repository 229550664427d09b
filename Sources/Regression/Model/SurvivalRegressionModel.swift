import Survival

/// A configured survival regression model (Cox, an AFT family, the Emax AFT, …): a value whose `fit`
/// turns ``RegressionData`` into a fit that answers the questions of ``SurvivalRegressionFit``.
///
/// A new model is one conforming type plus one line in a ``SurvivalModelRegistry``; estimation,
/// standard errors, tests and predictions come from its fit's conformance.
///
/// ```swift
/// let model: any SurvivalRegressionModel = try SurvivalModelRegistry.standard.model(named: "weibull")
/// let fit = try model.fit(data)
/// fit.aic, fit.parameterNames, fit.tests
/// ```
public protocol SurvivalRegressionModel: Sendable {
    /// The fit this model produces.
    associatedtype Fit: SurvivalRegressionFit

    /// Fits the model.
    ///
    /// - Parameter data: The design, outcome and row roles; see ``SurvivalModelEntry/requirements`` for
    ///   what the model needs.
    /// - Returns: The fit; non-convergence and similar conditions are warnings on it, not errors.
    /// - Throws: `StatModelError` for unusable input (empty, mismatched, non-finite, degenerate design,
    ///   a role the model does not support or a missing required one).
    func fit(_ data: RegressionData) throws(StatModelError) -> Fit
}
