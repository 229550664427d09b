/// Predicted survival `S(t | x)` of an AFT fit at one time, with a delta-method confidence interval.
public struct AFTSurvivalPrediction: Sendable, Equatable {
    /// The time `t`.
    public let time: Double
    /// `S(t | x) = S₀(z)`, `z = (log t − xᵀβ)/σ`.
    public let survival: Double
    /// `SE(S) = f₀(z) · se(z)` (delta method).
    public let standardError: Double
    /// Lower limit `S₀(z + z_{1−α/2} se(z))`.
    public let lower: Double
    /// Upper limit `S₀(z − z_{1−α/2} se(z))`.
    public let upper: Double

    /// Creates a row; see the properties.
    package init(time: Double, survival: Double, standardError: Double, lower: Double, upper: Double) {
        self.time = time
        self.survival = survival
        self.standardError = standardError
        self.lower = lower
        self.upper = upper
    }
}
