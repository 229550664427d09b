import Survival

extension CoxPH {
    /// The `cox` entry of ``SurvivalModelRegistry``: no intercept, strata allowed, predictions from the
    /// baseline hazard; ties, robust variance and level from the settings.
    public static let registryEntry = SurvivalModelEntry(
        name: "cox", summary: "Cox proportional hazards (R coxph): hazard ratios, strata, robust SEs",
        requirements: SurvivalModelRequirements(intercept: false, allowsStrata: true, needsDose: false, usesTies: true,
                                                allowsEntryTimes: true, allowsFrailty: true,
                                                allowsFrailtyWithEntryTimes: true, takesWeights: true,
                                                allowsWeightsWithFrailty: true),
        capabilities: SurvivalModelCapabilities(predictions: .all, drivesCoverageSchedule: false, standardizedCurves: true)
    ) { settings throws(StatModelError) -> any SurvivalRegressionModel in
        // A frailty() term makes the fit penalised: the same model family, R's coxpenal.fit instead of coxph.fit.
        if let frailty = settings.frailty {
            return FrailtyCoxPH(ties: settings.ties, distribution: frailty, confidenceLevel: settings.confidenceLevel)
        }
        return CoxPH(ties: settings.ties, robust: settings.robust, confidenceLevel: settings.confidenceLevel)
    }
}
