import Regression
import Reporting

/// A gamma-frailty Weibull fit as `relief fit weibull ... + frailty(id) --frailty-distribution gamma`
/// shows it: the coefficients with time ratios, `σ` and the frailty variance `θ` with back-transformed
/// intervals, the spread of typical relief across patients in words, the marginal log-likelihood, AIC,
/// the patients, and the boundary likelihood-ratio test of `θ = 0`. The per-patient posterior mean
/// frailties are in JSON and CSV.
public struct GammaFrailtyEstimates: PatientVariationEstimates {
    /// The fitted model.
    public let model: GammaFrailtyAFTFit
    /// The middle 50% of patients' typical relief at the reference profile.
    public let spread: TypicalReliefSpread

    /// Claims a ``GammaFrailtyAFTFit``.
    public init?(fit: any SurvivalRegressionFit, context: RegressionEstimatesContext) {
        guard let model = fit as? GammaFrailtyAFTFit else { return nil }
        self.model = model
        self.spread = TypicalReliefSpread(fit: model, context: context)
    }

    public var fittedModel: String { "weibull" }
    public var title: String { "Weibull accelerated failure time model with a gamma frailty per patient" }
    public var modelLine: String {
        "weibull, gamma frailty(\(model.frailtyColumn)) (mean 1, variance theta), \(model.patients.count) patients, "
            + "closed-form marginal likelihood"
    }

    public func methods(formula: String, words: OutcomeWording) -> (model: String, ties: String?) {
        (
            "Weibull accelerated failure time model of \(words.outcome) duration (R survreg parametrisation) with a gamma frailty of mean 1 "
                + "per \(model.frailtyColumn) multiplying the hazard (maximum marginal likelihood, closed form), formula "
                + "\(formula); exp(coefficient) is a time ratio: above 1 means longer \(words.outcome)",
            nil
        )
    }

    /// The sentence on the spread of typical relief, nil without a reference profile.
    func spreadSentence(_ words: OutcomeWording) -> String? {
        spread.sentence(
            words: words, explanation: "the median \(words.outcome) exp(x'beta) (log 2 / Z)^sigma of a patient with frailty Z at the upper and lower quartiles of Z")
    }

    public func sections(_ result: RegressionResult) -> [ReportDocument.Section] {
        let measures: [[ReportCell]] = [
            [.text("log-likelihood (marginal)"), .number(model.logLikelihood)],
            [.text("log-likelihood (no frailty)"), .number(model.fixedEffectsLogLikelihood)],
            [.text("AIC"), .number(result.aic)], [.text("BIC (n = episodes)"), .number(result.bic)],
            [.text("patients"), .integer(model.patients.count)],
            [.text("iterations"), .integer(model.iterations)], [.text("converged"), .text(model.isConverged ? "yes" : "NO")],
        ]
        let tests = model.tests.map { test -> [ReportCell] in
            [.text("gamma frailty (theta = 0)"), .number(test.statistic), .integer(test.degreesOfFreedom), .number(test.pValue)]
        }
        return [
            PatientVariationDocument.coefficientSection(
                model, note: "for a patient given their frailty and for a new patient alike", result),
            PatientVariationDocument.variationSection(
                model, scaleLabel: "scale (sigma, Weibull shape 1/sigma)",
                variation: ("frailty variance (theta, hazard scale)", "theta", model.frailtyVarianceInterval), spread: spreadSentence(result.wording)),
            RegressionRenderer.fitSection(
                measures: measures, tests: tests,
                note: "Likelihood ratio against the Weibull model without frailty; theta = 0 lies on the boundary, so the "
                    + "p-value is half the chi-squared(1) tail. Per-patient posterior mean frailties are in --format json and csv."),
        ]
    }
}
