import Survival

extension AFTComparison {
    /// The `aft` entry: the family named by the settings (default Weibull) as a ``ParametricAFT``, or with
    /// `all` the four families ranked by AIC (``AFTComparison``).
    public static let registryEntry = SurvivalModelEntry(
        name: "aft", summary: "accelerated failure time with --dist NAME (default weibull) or all (ranked by AIC)",
        requirements: SurvivalModelRequirements(intercept: true, allowsStrata: false, needsDose: false, choosesDistribution: true, positiveTimes: true,
                                                allowsEntryTimes: true, takesWeights: true),
        capabilities: SurvivalModelCapabilities(predictions: .all, drivesCoverageSchedule: true)
    ) { settings throws(StatModelError) -> any SurvivalRegressionModel in
        let specification = ParametricAFT(robust: settings.robust ?? false, confidenceLevel: settings.confidenceLevel)
        if settings.distribution?.lowercased() == "all" {
            return AFTComparison(specification: specification)
        }
        var single = specification
        single.distribution = try settings.family(default: .weibull, context: "aft")
        return single
    }
}
