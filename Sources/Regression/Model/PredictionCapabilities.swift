/// What a fitted survival regression can predict at a design profile.
public struct PredictionCapabilities: OptionSet, Sendable, Hashable {
    /// The raw value.
    public let rawValue: Int

    /// Creates a set from its raw value.
    /// - Parameter rawValue: The bits.
    public init(rawValue: Int) { self.rawValue = rawValue }

    /// `S(t | x)` with a confidence interval.
    public static let survival = PredictionCapabilities(rawValue: 1 << 0)
    /// Quantiles of `T | x` (the median among them) with confidence intervals.
    public static let quantiles = PredictionCapabilities(rawValue: 1 << 1)
    /// The restricted mean `∫₀^τ S(t | x) dt` with a standard error.
    public static let restrictedMean = PredictionCapabilities(rawValue: 1 << 2)

    /// Survival, quantiles and restricted mean.
    public static let all: PredictionCapabilities = [.survival, .quantiles, .restrictedMean]
}
