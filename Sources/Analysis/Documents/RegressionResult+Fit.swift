import DataIO
import Regression

extension RegressionResult {
    /// The result of a fitted registered model, with the companions `relief fit` shows: the Cox
    /// proportional-hazards test (`cox.zph`, when asked for) and, for `aft` with every family, the
    /// ranked comparison. The information criteria are the fit's own (R's conventions).
    /// - Parameters:
    ///   - fit: The fit.
    ///   - model: The model name as requested.
    ///   - formula: The formula.
    ///   - design: The design it was fitted on.
    ///   - dataset: The data (for `cox.zph`).
    ///   - testsProportionalHazards: Whether to run `cox.zph` on a Cox fit.
    /// - Throws: ``AnalysisError`` for a fit without a coefficient table here (the Emax models have their
    ///   own report).
    init(
        fit: any SurvivalRegressionFit, model: String, formula: Formula, design: DesignMatrix, dataset: SurvivalDataset,
        testsProportionalHazards: Bool
    ) throws {
        let references = design.referenceLevels.sorted { $0.key < $1.key }.map { (column: $0.key, level: $0.value) }
        let estimates: Estimates
        var warnings: [String]
        switch fit {
        case let cox as CoxPHFit:
            warnings = cox.warningMessages
            var zph: CoxZPHResult?
            if testsProportionalHazards {
                do {
                    zph = try CoxZPH().test(cox, x: design.x, time: dataset.time, event: dataset.event, strata: design.strata)
                } catch {
                    warnings.append("the proportional-hazards test (cox.zph) is not available: \(error)")
                }
            }
            estimates = .cox(cox, proportionalHazards: zph)
        case let comparison as AFTComparisonFit:
            warnings = comparison.ranked.flatMap { one in one.warnings.map { "\(one.distribution.name): \($0)" } }
            estimates = .aft(comparison.best, comparison: comparison.ranked.count > 1 ? comparison.ranked : [])
        case let aft as AFTFit:
            warnings = aft.warnings.map { "\(aft.distribution.name): \($0)" }
            estimates = .aft(aft, comparison: [])
        default:
            throw AnalysisError(.usage, "the \(fit.modelName) model is reported by its own command, not by a coefficient table here")
        }
        self.init(
            model: model, formula: formula.text, termNames: design.termNames, referenceLevels: references,
            strataColumns: formula.strataColumns, clusterColumn: design.clusterColumn, estimates: estimates, aic: fit.aic,
            bic: fit.bic, warnings: warnings)
    }
}
