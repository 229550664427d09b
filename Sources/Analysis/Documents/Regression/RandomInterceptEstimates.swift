import NumericCore
import Regression
import Reporting

/// A random-intercept AFT fit as `relief fit weibull|lognormal|loglogistic ... + frailty(id)` shows it:
/// the fixed effects with time ratios, `σ` with its back-transformed Wald interval and the between-patient
/// SD `τ` with its profile-likelihood interval (the Wald interval on `log τ` in JSON and CSV), the spread of typical relief across patients in words, the marginal log-likelihood, AIC,
/// the patients and quadrature nodes, and the boundary likelihood-ratio test of `τ = 0`. The per-patient
/// empirical-Bayes intercepts are in JSON and CSV. A REML fit says so in the model line, the methods, the
/// log-likelihood rows and the notes (its per-term tests are Wald tests); an ML fit's document is as before.
public struct RandomInterceptEstimates: PatientVariationEstimates {
    /// The fitted model.
    public let model: RandomInterceptAFTFit
    /// The middle 50% of patients' typical relief at the reference profile.
    public let spread: TypicalReliefSpread

    /// Claims a ``RandomInterceptAFTFit``; the fit computes the spread of typical relief at the design's
    /// reference profile.
    public init?(fit: any SurvivalRegressionFit, context: RegressionEstimatesContext) {
        guard let model = fit as? RandomInterceptAFTFit else { return nil }
        self.model = model
        self.spread = TypicalReliefSpread(fit: model, context: context)
    }

    public var fittedModel: String { model.distribution.name }
    public var title: String {
        let name = model.distribution.name
        return name.prefix(1).uppercased() + name.dropFirst() + " accelerated failure time model with a random intercept per patient"
    }
    public var modelLine: String {
        "\(model.distribution.name), normal random intercept frailty(\(model.frailtyColumn)), \(model.patients.count) patients, "
            + "\(model.quadratureNodes) Gauss-Hermite node\(model.quadratureNodes == 1 ? " (Laplace)" : "s")" + (isREML ? ", REML" : "")
    }

    /// Whether `(σ, τ)` are REML estimates.
    var isREML: Bool { model.estimation == .reml }

    /// The shared model lines, the interval line naming τ's profile-likelihood interval beside the Wald ones.
    public func modelLines(_ result: RegressionResult) -> [(key: String, value: String)] {
        RegressionRenderer.modelLines(result).map { line in
            guard line.key == "confidence intervals", model.tauProfileInterval != nil else { return line }
            return (line.key, line.value + " (coefficients, sigma); profile likelihood (tau)")
        }
    }

    public func methods(formula: String, words: OutcomeWording) -> (model: String, ties: String?) {
        (
            "\(model.distribution.name) accelerated failure time model of log \(words.outcome) duration with a normal random intercept "
                + "per \(model.frailtyColumn) (\(estimationMethod), adaptive Gauss-Hermite quadrature with "
                + "\(model.quadratureNodes) nodes), formula \(formula); exp(coefficient) is a time ratio: above 1 means longer \(words.outcome)",
            nil
        )
    }

    /// How `(σ, τ)` were estimated, for the methods sentence.
    var estimationMethod: String {
        isREML ? "REML: restricted maximum likelihood for sigma and tau, the fixed effects integrated out by the Laplace approximation"
            : "maximum marginal likelihood"
    }

    /// How τ's interval is made, for the note under the variation table.
    var tauIntervalNote: String {
        let drop = ChiSquared(degreesOfFreedom: 1).quantile(model.confidenceLevel) / 2
        var note = "interval of tau by profile likelihood: the tau whose "
            + (isREML ? "restricted (REML) log-likelihood, maximised over sigma," : "marginal log-likelihood, maximised over the other "
                + "parameters,") + " is within \(ReportText.display(drop, style: .general(significant: 7), missing: "NA")) "
            + "(chi-squared(1) quantile / 2) of the maximum."
        guard let interval = model.tauProfileInterval else {
            return note + " It could not be computed (see the warnings); the Wald interval on log(tau) is in --format json and csv."
        }
        if interval.lowerBound == 0 {
            note += " Its lower limit is 0: the model without the random intercept is within that drop (the likelihood-ratio "
                + "test of tau = 0 does not reject at the \(Provenance.percent(1 - model.confidenceLevel)) level)."
        }
        if interval.upperBound == .infinity { note += " Its upper limit was not reached." }
        return note
    }

    /// The sentence on the spread of typical relief, nil without a reference profile.
    func spreadSentence(_ words: OutcomeWording) -> String? {
        spread.sentence(words: words, explanation: "the median \(words.outcome) exp(x'beta ± 0.6745 tau) times the \(model.distribution.name) median factor")
    }

    public func sections(_ result: RegressionResult) -> [ReportDocument.Section] {
        let measures: [[ReportCell]] = [
            [.text(isREML ? "log-likelihood (REML, restricted)" : "log-likelihood (marginal)"), .number(model.logLikelihood)],
            [.text(isREML ? "log-likelihood (REML, tau = 0)" : "log-likelihood (no random intercept)"), .number(model.fixedEffectsLogLikelihood)],
            [.text("AIC"), .number(result.aic)], [.text(isREML ? "BIC (n = episodes − fixed effects, as nlme)" : "BIC (n = episodes)"), .number(result.bic)],
            [.text("patients"), .integer(model.patients.count)], [.text("quadrature nodes"), .integer(model.quadratureNodes)],
            [.text("iterations"), .integer(model.iterations)], [.text("converged"), .text(model.isConverged ? "yes" : "NO")],
        ]
        let tests = model.tests.map { test -> [ReportCell] in
            [.text("random intercept (tau = 0)"), .number(test.statistic), .integer(test.degreesOfFreedom), .number(test.pValue)]
        }
        return [
            PatientVariationDocument.coefficientSection(model, note: "for a patient with the same random intercept", result),
            PatientVariationDocument.variationSection(
                model, scaleLabel: "scale (sigma, within patient)",
                variation: ("between-patient SD (tau, log time)", "tau", model.tauInterval), intervalNote: tauIntervalNote,
                spread: spreadSentence(result.wording)),
            RegressionRenderer.fitSection(
                measures: measures, tests: tests,
                note: "Likelihood ratio against the model without the random intercept; tau = 0 lies on the boundary, so "
                    + "the p-value is half the chi-squared(1) tail. Per-patient intercepts (posterior modes) are in --format json and csv."
                    + (isREML ? " REML: the test compares restricted likelihoods with the same fixed effects; AIC and BIC compare "
                        + "only REML fits with the same fixed effects, and the per-term tests are Wald tests (likelihood-ratio tests "
                        + "between REML fits with different fixed effects are not valid: refit with --estimation ml for them). "
                        + "Coefficient SEs: the inverse information of the fixed effects at the REML sigma and tau, as nlme's." : "")),
        ]
    }
}
