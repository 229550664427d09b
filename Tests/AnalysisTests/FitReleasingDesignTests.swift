import Analysis
import DataIO
import Foundation
import Regression
import Testing

/// `relief fit` without `cox.zph` and likelihood-ratio refits hands the model the only copy of the design
/// (`SurvivalRegressionModel.fit(releasing:)`, issue 15's memory): the fit and every number shown are
/// those of the fit that keeps the design.
@Suite("fit: a fit that releases the design gives the same numbers")
struct FitReleasingDesignTests {
    static let trial = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("data/ketamine_trial.csv").path

    static func fit(_ model: ModelName, formula: String, cluster: String?, lean: Bool) throws -> RegressionResult {
        var specification = ModelSpecification(formula: formula, cluster: cluster, referenceLevels: ["dose_group": "low"],
                                               testsProportionalHazards: !lean)
        specification.termTests = lean ? TermTestMode.wald : TermTestMode.likelihoodRatio
        let source = DataSource(path: trial, roles: ColumnRoles(time: "relief_days", event: "relief_ended"))
        return try FitRequest(source: source, model: model, specification: specification).run().result
    }

    @Test("cox (cluster, strata) and weibull: coefficients, variances, tests and Wald term tests", arguments: [
        (ModelName.cox, "dose_group + interval_days + strata(condition)", "patient_id"),
        (ModelName.cox, "dose_group + baseline_pain", nil),
        (ModelName.weibull, "dose_group + interval_days", "patient_id"),
    ] as [(ModelName, String, String?)])
    func same(model: ModelName, formula: String, cluster: String?) throws {
        let lean = try Self.fit(model, formula: formula, cluster: cluster, lean: true)
        let full = try Self.fit(model, formula: formula, cluster: cluster, lean: false)
        #expect(lean.estimates.fit.parameterEstimates == full.estimates.fit.parameterEstimates)
        #expect(lean.estimates.fit.variance.elements == full.estimates.fit.variance.elements)
        #expect(lean.estimates.fit.robustVariance?.elements == full.estimates.fit.robustVariance?.elements)
        #expect(lean.estimates.fit.logLikelihood == full.estimates.fit.logLikelihood)
        #expect(lean.termNames == full.termNames && lean.n == full.n && lean.events == full.events)
        let leanWald = lean.termTests?.tests.map(\.wald.statistic) ?? []
        #expect(!leanWald.isEmpty && leanWald == full.termTests?.tests.map(\.wald.statistic))
        #expect(lean.termTests?.tests.allSatisfy { $0.likelihoodRatio == nil } == true)
        #expect(full.termTests?.tests.allSatisfy { $0.likelihoodRatio != nil } == true)
        if let cox = lean.estimates.fit as? CoxPHFit, let reference = full.estimates.fit as? CoxPHFit {
            #expect(cox.linearPredictors == reference.linearPredictors)
            #expect(cox.concordance == reference.concordance)
        }
    }
}
