/// A simultaneous confidence band of one Kaplan–Meier curve (``SimultaneousBand``): the limits at the
/// curve's times within the range, and the numbers behind them.
public struct SimultaneousBandFit: Sendable, Equatable {
    /// Hall–Wellner or equal precision.
    public let method: SimultaneousBand.Method
    /// The time range asked for (or the default).
    public let timeRange: ClosedRange<Double>
    /// The curve's rows (indices into its times) that carry limits.
    public let rows: ClosedRange<Int>
    /// `a_L = nσ²/(1 + nσ²)` at the range's start.
    public let lowerA: Double
    /// `a_U` at the range's end.
    public let upperA: Double
    /// K&M's `k_α(a_L, a_U)` (Hall–Wellner) or `c_α(a_L, a_U)` (equal precision).
    public let criticalValue: Double
    /// The transform of the limits (the curve's).
    public let confidenceTransform: KaplanMeier.ConfidenceTransform
    /// The simultaneous level (the curve's).
    public let confidenceLevel: Double
    /// The lower limit at each of the curve's times; nil outside ``rows`` (and where undefined).
    public let lower: [Double?]
    /// The upper limit at each of the curve's times; nil outside ``rows``.
    public let upper: [Double?]
}
