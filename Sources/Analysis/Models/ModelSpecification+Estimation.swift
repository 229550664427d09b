import Regression

extension ModelSpecification {
    /// This specification with ``estimation`` set (the CLI's `--estimation`).
    /// - Parameter estimation: REML, maximum likelihood, or nil for the default (maximum likelihood).
    /// - Returns: The specification.
    public func estimating(_ estimation: RandomInterceptAFT.Estimation?) -> ModelSpecification {
        var specification = self
        specification.estimation = estimation
        return specification
    }

    /// Checks that REML applies: a weibull, lognormal or loglogistic fit with a normal random intercept
    /// (`frailty(column)`, not `--frailty-distribution gamma`). `--estimation ml` is accepted wherever
    /// `frailty()` is.
    /// - Parameters:
    ///   - model: The model.
    ///   - formula: The parsed formula.
    /// - Throws: ``AnalysisError`` (usage) with the reason.
    func checkEstimation(for model: ModelName, formula: Formula) throws {
        guard estimation == .reml else { return }
        let requirements = model.entry.requirements
        guard let column = formula.frailtyColumn else {
            throw AnalysisError(
                .usage, "--estimation reml applies to the random intercept of a weibull, lognormal or loglogistic fit; add "
                    + "frailty(column) to --formula, e.g. --formula \"dose_mg_kg + frailty(patient_id)\", or drop --estimation")
        }
        guard requirements.allowsRestrictedLikelihood else {
            throw AnalysisError(
                .usage, "--estimation reml applies to weibull, lognormal and loglogistic fits with frailty(\(column)); the \(model) "
                    + "model's frailty is not a normal random intercept on log time. Drop --estimation")
        }
        if frailtyDistribution == .gamma {
            throw AnalysisError(
                .usage, "--estimation reml applies to the normal random intercept; the gamma frailty is fitted by maximum "
                    + "likelihood. Drop --estimation or --frailty-distribution gamma")
        }
        if termTests == .likelihoodRatio {
            throw AnalysisError(
                .usage, "--term-tests lr compares maximised likelihoods, which REML fits with different fixed effects do not "
                    + "have (nlme warns likewise); use --term-tests wald (the default with REML) or --estimation ml")
        }
    }
}
