import NumericCore
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

    /// Fits the model as ``fit(_:)``; a model that copies the design (Cox sorts it) releases `data`'s once
    /// copied, so a caller that hands over the only reference (`fit(releasing: consume data)`) never holds
    /// two copies. The default is ``fit(_:)``.
    /// - Parameter data: As for ``fit(_:)``.
    /// - Returns: The fit, as ``fit(_:)``.
    /// - Throws: As ``fit(_:)``.
    func fit(releasing data: consuming RegressionData) throws(StatModelError) -> Fit

    /// The maximised log-likelihoods of the model on `data` restricted to subsets of its design columns,
    /// for tests that compare a model with the larger one (``TermTests``). The default fits the model on
    /// each reduced design, concurrently; a model may share work between the subsets and skip what the
    /// test does not use (a Cox model sorts once and computes no concordance or robust variance).
    ///
    /// - Parameters:
    ///   - data: As for ``fit(_:)``; its clusters are ignored.
    ///   - subsets: Per reduced model, the indices of the columns of `data.x` it keeps.
    ///   - estimates: The full model's ``SurvivalRegressionFit/parameterEstimates``, a warm start the
    ///     model may use (the maximum is the same; a model that matches R's iterations may ignore it).
    /// - Returns: Per subset, the log-likelihood (on the scale of ``SurvivalRegressionFit/logLikelihood``)
    ///   and whether the fit converged, or why it failed.
    func maximizedLogLikelihoods(_ data: RegressionData, keeping subsets: [[Int]], from estimates: [Double]?)
        -> [Result<ReducedFit, StatModelError>]
}

/// The log-likelihood of a reduced model (``SurvivalRegressionModel/maximizedLogLikelihoods(_:keeping:from:)``).
public typealias ReducedFit = (logLikelihood: Double, isConverged: Bool)

extension SurvivalRegressionModel {
    public func fit(releasing data: consuming RegressionData) throws(StatModelError) -> Fit { try fit(data) }

    public func maximizedLogLikelihoods(_ data: RegressionData, keeping subsets: [[Int]], from estimates: [Double]?)
        -> [Result<ReducedFit, StatModelError>]
    {
        refittedLogLikelihoods(data, keeping: subsets)
    }

    /// The default of ``maximizedLogLikelihoods(_:keeping:from:)``: one ``fit(_:)`` per subset, concurrently
    /// (a model that overrides it to configure the refits calls this on the configured copy).
    package func refittedLogLikelihoods(_ data: RegressionData, keeping subsets: [[Int]]) -> [Result<ReducedFit, StatModelError>] {
        Parallel.map(subsets.count) { k in
            let kept = subsets[k]
            do throws(StatModelError) {
                let fit = try fit(data.keepingColumns(kept))
                return .success((fit.logLikelihood, fit.isConverged))
            } catch {
                return .failure(error)
            }
        }
    }
}
