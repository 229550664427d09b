/// What a registered model's fit can do beyond estimation (``SurvivalModelEntry/capabilities``).
public struct SurvivalModelCapabilities: Sendable, Equatable {
    /// What it predicts at design profiles.
    public var predictions: PredictionCapabilities
    /// Whether it can drive a relief-coverage schedule (`RMST(I)/I` by dose × interval with a
    /// delta-method interval; DoseResponse's `ReliefCoverageModel`).
    public var drivesCoverageSchedule: Bool
    /// Whether its fits give covariate-adjusted (standardised) curves: they conform to
    /// ``StandardizingFit`` (`relief compare --adjust --model`).
    public var standardizedCurves: Bool

    /// Creates the capabilities.
    ///
    /// - Parameters:
    ///   - predictions: The predictions.
    ///   - drivesCoverageSchedule: Whether a schedule can use it.
    ///   - standardizedCurves: Whether its fits give standardised curves.
    public init(predictions: PredictionCapabilities, drivesCoverageSchedule: Bool, standardizedCurves: Bool = false) {
        self.predictions = predictions
        self.drivesCoverageSchedule = drivesCoverageSchedule
        self.standardizedCurves = standardizedCurves
    }
}
