import Survival

import Regression

extension EmaxAFT {
    /// The registry entry of the one-step Emax AFT (`emax`, `h = 1`) or sigmoid Emax AFT (`sigemax`):
    /// covariates without intercept, a dose column, no strata; the error family from the settings
    /// (default Weibull); usable by a relief-coverage schedule.
    ///
    /// - Parameter curve: `.emax` or `.sigmoidEmax`.
    /// - Returns: The entry.
    public static func registryEntry(_ curve: Curve) -> SurvivalModelEntry {
        SurvivalModelEntry(
            name: curve.rawValue,
            summary: curve == .emax ? "one-step Emax dose-response AFT (needs a dose column)"
                : "one-step sigmoid Emax dose-response AFT, Hill exponent estimated (needs a dose column)",
            requirements: SurvivalModelRequirements(intercept: false, allowsStrata: false, needsDose: true, choosesDistribution: true, positiveTimes: true,
                                                    allowsEntryTimes: true),
            capabilities: SurvivalModelCapabilities(predictions: .all, drivesCoverageSchedule: true)
        ) { settings throws(StatModelError) in
            EmaxAFT(curve: curve, distribution: try settings.family(default: .weibull, context: curve.rawValue),
                    robust: settings.robust ?? false, confidenceLevel: settings.confidenceLevel)
        }
    }
}
