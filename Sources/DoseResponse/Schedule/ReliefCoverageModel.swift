import Regression

/// A fitted relief-duration model that can predict the restricted mean relief time of an episode
/// started by `dose` when infusions repeat every `interval` days: `RMST(τ) = ∫₀^τ S(t | dose, interval) dt`.
///
/// A schedule (``MaintenanceSchedule``) asks it for `τ = interval`.
public protocol ReliefCoverageModel: Sendable {
    /// The data columns held fixed and their values, for the stated assumptions (may be empty).
    var fixedCovariates: [(column: String, value: String)] { get }

    /// The restricted mean relief time to `tau` for the profile (dose, interval, fixed covariates).
    /// - Parameters:
    ///   - dose: The dose.
    ///   - interval: The infusion interval in days (a covariate of the model).
    ///   - tau: The horizon, > 0.
    ///   - confidenceLevel: Two-sided level of the interval.
    /// - Returns: The estimate with its delta-method standard error.
    /// - Throws: ``MaintenanceScheduleError``.
    func restrictedMean(dose: Double, interval: Double, tau: Double, confidenceLevel: Double)
        throws(MaintenanceScheduleError) -> TimedEstimate
}
