import Foundation
import NumericCore

/// A difference or ratio between a group and the reference group with its standard error, confidence
/// interval and two-sided Wald p-value (the null is a difference of 0 or a ratio of 1).
public struct Contrast: Sendable, Equatable {
    /// The difference, or the ratio.
    public let estimate: Double
    /// The standard error of the difference, or of the log ratio.
    public let standardError: Double
    /// The lower confidence limit.
    public let lower: Double
    /// The upper confidence limit.
    public let upper: Double
    /// The two-sided p-value.
    public let pValue: Double

    /// `a − b` of two independent estimates: `SE = √(se_a² + se_b²)`, interval `± z SE`.
    /// - Parameters:
    ///   - a: The group's estimate and SE.
    ///   - b: The reference's estimate and SE.
    ///   - level: The two-sided confidence level.
    /// - Returns: The contrast (NaN statistics when an SE is not finite).
    public static func difference(_ a: (Double, Double), _ b: (Double, Double), level: Double) -> Contrast {
        let estimate = a.0 - b.0
        let se = (a.1 * a.1 + b.1 * b.1).squareRoot()
        return wald(estimate, se, level: level, transform: { $0 })
    }

    /// `a / b` of two independent positive estimates on the log scale: `SE(log) = √(se_a²/a² + se_b²/b²)`,
    /// interval `exp(log(a/b) ± z SE)`.
    /// - Parameters:
    ///   - a: The group's estimate and SE.
    ///   - b: The reference's estimate and SE.
    ///   - level: The two-sided confidence level.
    /// - Returns: The contrast; `standardError` is that of the log ratio.
    public static func ratio(_ a: (Double, Double), _ b: (Double, Double), level: Double) -> Contrast {
        guard a.0 > 0, b.0 > 0 else { return Contrast(estimate: .nan, standardError: .nan, lower: .nan, upper: .nan, pValue: .nan) }
        let se = ((a.1 / a.0) * (a.1 / a.0) + (b.1 / b.0) * (b.1 / b.0)).squareRoot()
        return wald(log(a.0 / b.0), se, level: level, transform: { exp($0) })
    }

    /// A Wald contrast of `value` (on the scale where it is normal) mapped back by `transform`.
    /// - Parameters:
    ///   - value: The estimate on the normal scale.
    ///   - se: Its standard error.
    ///   - level: The two-sided confidence level.
    ///   - transform: The map back (identity for differences, `exp` for log ratios).
    /// - Returns: The contrast.
    public static func wald(_ value: Double, _ se: Double, level: Double, transform: (Double) -> Double) -> Contrast {
        let z = Normal.quantile(1 - (1 - level) / 2)
        let statistic = value / se
        let p = statistic.isFinite ? 2 * Normal.survival(abs(statistic)) : .nan
        return Contrast(estimate: transform(value), standardError: se, lower: transform(value - z * se),
                        upper: transform(value + z * se), pValue: p)
    }
}
