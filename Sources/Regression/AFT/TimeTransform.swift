import Foundation

/// The transform `y = g(t)` that takes survival times to the scale of the location–scale model
/// (R's `trans`, `itrans` and `dtrans` in `survreg.distributions`).
///
/// The log-likelihood on the time scale adds `Σ_events w · log g′(t)` to the one on the `y` scale
/// (R's `logcorrect`); for `g = log` that is `−Σ_events w log t`.
public struct TimeTransform: Sendable, CustomStringConvertible {
    /// A display name (`"log"`).
    public let name: String
    /// `g(t)`.
    public let forward: @Sendable (Double) -> Double
    /// `g⁻¹(y)`.
    public let inverse: @Sendable (Double) -> Double
    /// `log g′(t)`, the log-Jacobian added to the log-likelihood of an observed event.
    public let logDerivative: @Sendable (Double) -> Double

    /// Creates a transform.
    ///
    /// - Parameters:
    ///   - name: A display name.
    ///   - forward: `g(t)`, increasing.
    ///   - inverse: `g⁻¹(y)`.
    ///   - logDerivative: `log g′(t)`.
    public init(name: String, forward: @escaping @Sendable (Double) -> Double,
                inverse: @escaping @Sendable (Double) -> Double,
                logDerivative: @escaping @Sendable (Double) -> Double) {
        self.name = name
        self.forward = forward
        self.inverse = inverse
        self.logDerivative = logDerivative
    }

    /// `y = log t` (`g′(t) = 1/t`): needs `t > 0`.
    public static let log = TimeTransform(
        name: "log", forward: { t in Foundation.log(t) }, inverse: { y in exp(y) },
        logDerivative: { t in -Foundation.log(t) })

    /// The name.
    public var description: String { name }
}
