/// Summary statistics of one numeric variable in one group, as R computes them.
///
/// `mean` is R's `mean`, `standardDeviation` R's `sd` (denominator n − 1), `median` R's `median`, the
/// quartiles R's `quantile(x, c(0.25, 0.75), type = 7)`, `minimum` and `maximum` R's `min` and `max`.
/// Every statistic is `nil` when `n == 0`; `standardDeviation` is also `nil` when `n == 1`.
public struct NumericSummary: Sendable, Equatable {
    /// The number of non-missing values.
    public let n: Int
    /// The arithmetic mean.
    public let mean: Double?
    /// The sample standard deviation, √(Σ(x − mean)² / (n − 1)); `nil` when n < 2.
    public let standardDeviation: Double?
    /// The median (the mean of the two middle values when n is even).
    public let median: Double?
    /// The first quartile (R's type 7: x₍ₗₒ₎ + h·(x₍ₕᵢ₎ − x₍ₗₒ₎) at index 1 + (n − 1)·0.25).
    public let lowerQuartile: Double?
    /// The third quartile (type 7 at probability 0.75).
    public let upperQuartile: Double?
    /// The smallest value.
    public let minimum: Double?
    /// The largest value.
    public let maximum: Double?
}
