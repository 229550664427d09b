/// What a registered model's fit can do beyond estimation (``SurvivalModelEntry/capabilities``).
public struct SurvivalModelCapabilities: Sendable, Equatable {
    /// What it predicts at design profiles.
    public var predictions: PredictionCapabilities
    /// Whether it can drive a relief-coverage schedule (`RMST(I)/I` by dose × interval with a
    /// delta-method interval; DoseResponse's `ReliefCoverageModel`).
    public var drivesCoverageSchedule: Bool

    /// Creates the capabilities.
    ///
    /// - Parameters:
    ///   - predictions: The predictions.
    ///   - drivesCoverageSchedule: Whether a schedule can use it.
    public init(predictions: PredictionCapabilities, drivesCoverageSchedule: Bool) {
        self.predictions = predictions
        self.drivesCoverageSchedule = drivesCoverageSchedule
    }
}
