import NumericCore

/// Everything ``DoseResponseFit`` computed: the per-dose points fitted and one ``DoseModelFit`` per model.
public struct DoseResponseResult: Sendable, Equatable {
    /// The distinct dose levels, ascending (type normal) or as given (type general).
    public let doses: [Double]
    /// Per-level responses: means of the raw rows (normal) or the stage-1 estimates (general).
    public let responses: [Double]
    /// Rows per level (type normal); `nil` for type general.
    public let counts: [Int]?
    /// The stage-1 covariance S (type general); `nil` for type normal.
    public let covariance: Matrix?
    /// `.normal` or `.general`.
    public let type: DoseResponseFit.FitType
    /// Total rows (normal) or points (general).
    public let observationCount: Int
    /// The confidence level of every interval.
    public let confidenceLevel: Double
    /// One fit per requested model, in request order.
    public let fits: [DoseModelFit]
    /// Notes for the reader (optima on bounds, non-convergence).
    public let warnings: [String]

    /// The identified fit with the smallest AIC (a model whose ED50 is not identified is passed over, as
    /// its curve means nothing), or the smallest AIC overall when none is identified; nil without fits.
    public var bestFit: DoseModelFit? {
        fits.filter(\.isIdentified).min { $0.aic < $1.aic } ?? fits.min { $0.aic < $1.aic }
    }
}
