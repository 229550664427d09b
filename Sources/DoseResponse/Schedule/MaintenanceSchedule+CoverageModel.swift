import Regression

extension MaintenanceSchedule {
    /// The relief-coverage model of a fit from the model registry (an entry with
    /// ``SurvivalModelCapabilities/drivesCoverageSchedule``): an AFT family (or the best of `aft --dist all`)
    /// through ``AFTCoverageModel``, the Emax AFT through ``EmaxCoverageModel``.
    ///
    /// - Parameters:
    ///   - fit: The fit, as the registry's model returned it.
    ///   - coding: The coding of the design it was fitted on.
    ///   - doseColumn: The dose column (a formula term for AFT models, the dose role for Emax).
    ///   - intervalColumn: The interval column (a formula term).
    ///   - fixed: One value for every other term column.
    /// - Returns: The coverage model.
    /// - Throws: ``MaintenanceScheduleError/invalidArgument(message:)`` for a model that cannot drive a
    ///   schedule (Cox), or the column errors of the coverage models.
    /// - Complexity: O(columns²).
    public static func coverageModel(
        for fit: any SurvivalRegressionFit, coding: DesignCoding, doseColumn: String, intervalColumn: String,
        fixed: [ProfileSetting]
    ) throws(MaintenanceScheduleError) -> any ReliefCoverageModel {
        switch fit {
        case let aft as AFTFit:
            return try AFTCoverageModel(fit: aft, coding: coding, doseColumn: doseColumn, intervalColumn: intervalColumn,
                                        fixed: fixed)
        case let comparison as AFTComparisonFit:
            return try AFTCoverageModel(fit: comparison.best, coding: coding, doseColumn: doseColumn,
                                        intervalColumn: intervalColumn, fixed: fixed)
        case let emax as EmaxAFTFit:
            return try EmaxCoverageModel(fit: emax, coding: coding, doseColumn: doseColumn, intervalColumn: intervalColumn,
                                         fixed: fixed)
        default:
            throw .invalidArgument(message: "the \(fit.modelName) model cannot drive a relief-coverage schedule "
                + "(it predicts no restricted mean at a dose and interval); use a parametric AFT or the Emax model")
        }
    }
}
