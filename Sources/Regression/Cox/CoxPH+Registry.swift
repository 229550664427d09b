import Survival

extension CoxPH {
    /// The `cox` entry of ``SurvivalModelRegistry``: no intercept, strata allowed, predictions from the
    /// baseline hazard; ties, robust variance and level from the settings.
    public static let registryEntry = SurvivalModelEntry(
        name: "cox", summary: "Cox proportional hazards (R coxph): hazard ratios, strata, robust SEs",
        requirements: SurvivalModelRequirements(intercept: false, allowsStrata: true, needsDose: false, usesTies: true,
                                                allowsEntryTimes: true),
        capabilities: SurvivalModelCapabilities(predictions: .all, drivesCoverageSchedule: false)
    ) { settings throws(StatModelError) in
        CoxPH(ties: settings.ties, robust: settings.robust, confidenceLevel: settings.confidenceLevel)
    }
}
