import Survival

extension ParametricAFT {
    /// The registry entry of one AFT family (named after it): intercept in the design, no strata,
    /// survival, quantiles and restricted means, usable by a relief-coverage schedule.
    ///
    /// - Parameter distribution: The family (a data record: family + time transform + fixed scale).
    /// - Returns: The entry.
    public static func registryEntry(_ distribution: AFTDistribution) -> SurvivalModelEntry {
        SurvivalModelEntry(
            name: distribution.name, summary: "\(distribution.name) accelerated failure time (R survreg)",
            requirements: SurvivalModelRequirements(intercept: true, allowsStrata: false, needsDose: false, positiveTimes: true,
                                                    allowsEntryTimes: true),
            capabilities: SurvivalModelCapabilities(predictions: .all, drivesCoverageSchedule: true, standardizedCurves: true)
        ) { settings throws(StatModelError) in
            ParametricAFT(distribution: distribution, robust: settings.robust ?? false,
                          confidenceLevel: settings.confidenceLevel)
        }
    }
}
