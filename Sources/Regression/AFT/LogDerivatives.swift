/// A log-probability term of a standard location–scale distribution and its first two derivatives
/// with respect to the standardised residual `z`: `value = log h(z)`, `first = d log h / dz`,
/// `second = d² log h / dz²`, where `h` is the density `f₀` (an observed event) or the survival
/// function `S₀` (a right-censored time).
public struct LogDerivatives: Sendable, Equatable {
    /// `log h(z)`.
    public let value: Double
    /// `d log h(z) / dz`.
    public let first: Double
    /// `d² log h(z) / dz²`.
    public let second: Double
}
