import DataIO
import Regression

extension RegressionResult {
    /// The presentations a fit is offered to, in order; the first that claims it presents it.
    /// ``ParameterEstimates`` comes last and claims every fit.
    public static let estimateTypes: [any RegressionEstimates.Type] = [
        CoxEstimates.self, FrailtyCoxEstimates.self, AFTEstimates.self, RandomInterceptEstimates.self, GammaFrailtyEstimates.self,
        EmaxEstimates.self,
        ParameterEstimates.self,
    ]

    /// The result of a fitted registered model, presented by the first of ``estimateTypes`` that claims
    /// it, with the companions `relief fit` shows (`cox.zph` when asked for; for `aft` with every family,
    /// the ranked comparison). The information criteria are the fit's own (R's conventions).
    /// - Parameters:
    ///   - fit: The fit.
    ///   - model: The model name as requested.
    ///   - formula: The formula.
    ///   - context: The design and data it was fitted on, and what to add.
    init(fit: any SurvivalRegressionFit, model: String, formula: Formula, context: RegressionEstimatesContext) {
        let design = context.design
        let references = design.referenceLevels.sorted { $0.key < $1.key }.map { (column: $0.key, level: $0.value) }
        let estimates = Self.estimateTypes.lazy.compactMap { $0.init(fit: fit, context: context) }.first
            ?? ParameterEstimates(fit)
        self.init(
            model: model, formula: formula.text, termNames: design.termNames, referenceLevels: references,
            strataColumns: formula.strataColumns, clusterColumn: design.clusterColumn, estimates: estimates, aic: fit.aic,
            bic: fit.bic, warnings: estimates.warnings)
    }
}
