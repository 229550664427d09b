import Survival

extension ParametricAFT {
    /// The registry entry of one AFT family (named after it): intercept in the design, no strata,
    /// survival, quantiles and restricted means, usable by a relief-coverage schedule. With a `frailty()`
    /// term (families with an estimated scale) the entry makes ``RandomInterceptAFT`` (gaussian, the default);
    /// the Weibull's also makes ``GammaFrailtyAFT`` (`--frailty-distribution gamma`).
    ///
    /// - Parameter distribution: The family (a data record: family + time transform + fixed scale).
    /// - Returns: The entry.
    public static func registryEntry(_ distribution: AFTDistribution) -> SurvivalModelEntry {
        SurvivalModelEntry(
            name: distribution.name, summary: "\(distribution.name) accelerated failure time (R survreg)",
            requirements: SurvivalModelRequirements(intercept: true, allowsStrata: false, needsDose: false, positiveTimes: true,
                                                    allowsEntryTimes: true, allowsFrailty: distribution.estimatesScale,
                                                    allowsFrailtyWithEntryTimes: distribution.estimatesScale, takesWeights: true,
                                                    allowsRestrictedLikelihood: distribution.estimatesScale,
                                                    defaultFrailty: .gaussian,
                                                    frailtyDistributions: distribution == .weibull ? [.gaussian, .gamma] : [.gaussian]),
            capabilities: SurvivalModelCapabilities(predictions: .all, drivesCoverageSchedule: true, standardizedCurves: true)
        ) { settings throws(StatModelError) -> any SurvivalRegressionModel in
            // A frailty() term adds a normal random intercept per patient on the log-time scale.
            if let frailty = settings.frailty {
                if frailty == .gamma, distribution == .weibull, settings.estimation != .reml {
                    return GammaFrailtyAFT(confidenceLevel: settings.confidenceLevel)
                }
                guard frailty == .gaussian else {
                    if frailty == .gamma, distribution == .weibull {
                        throw .invalidArgument(context: "relief fit \(distribution.name)", message: "REML applies to the normal "
                            + "random intercept, not the gamma frailty; fit it by maximum likelihood (--estimation ml).")
                    }
                    throw .invalidArgument(
                        context: "relief fit \(distribution.name)",
                        message: "a \(frailty.rawValue) frailty is not built for the \(distribution.name) model; its frailty() "
                            + "is a normal random intercept on log time (--frailty-distribution gaussian, the default).")
                }
                var model = RandomInterceptAFT(
                    distribution: distribution, quadratureNodes: settings.quadratureNodes ?? RandomInterceptAFT.defaultQuadratureNodes,
                    confidenceLevel: settings.confidenceLevel)
                model.estimation = settings.estimation ?? .ml
                return model
            }
            return ParametricAFT(distribution: distribution, robust: settings.robust ?? false,
                                 confidenceLevel: settings.confidenceLevel)
        }
    }
}
