/// A parametric accelerated-failure-time distribution: a location–scale `family` for
/// `y = transform(t)`, optionally with the scale fixed (R's `survreg.distributions`).
///
/// The model is `log T = xᵀβ + σ W` with `W ~ family`; `S(t | x) = S₀((log t − xᵀβ) / σ)`.
/// | value | family | scale | R `dist` |
/// |---|---|---|---|
/// | `.exponential` | extreme value | fixed at 1 | `"exponential"` |
/// | `.weibull` | extreme value | estimated (shape `1/σ`) | `"weibull"` |
/// | `.lognormal` | Gaussian | estimated | `"lognormal"` |
/// | `.loglogistic` | logistic | estimated | `"loglogistic"` |
public struct AFTDistribution: Sendable, Equatable, CustomStringConvertible {
    /// The model name (`"weibull"`, ...), as R's `dist` argument.
    public let name: String
    /// The error distribution on the transformed scale.
    public let family: LocationScaleFamily
    /// The time transform (log for all four built-in distributions).
    public let transform: TimeTransform
    /// The fixed scale `σ`, or nil when `log σ` is estimated.
    public let fixedScale: Double?

    /// Creates a distribution.
    ///
    /// - Parameters:
    ///   - name: The model name.
    ///   - family: The location–scale family.
    ///   - transform: The time transform.
    ///   - fixedScale: A fixed `σ > 0`, or nil to estimate it.
    public init(name: String, family: LocationScaleFamily, transform: TimeTransform = .log,
                fixedScale: Double? = nil) {
        self.name = name
        self.family = family
        self.transform = transform
        self.fixedScale = fixedScale
    }

    /// Exponential: extreme value on `log t` with `σ = 1` (constant hazard).
    public static let exponential = AFTDistribution(name: "exponential", family: .extremeValue, fixedScale: 1)
    /// Weibull: extreme value on `log t`, shape `1/σ`, R scale `σ`.
    public static let weibull = AFTDistribution(name: "weibull", family: .extremeValue)
    /// Log-normal: Gaussian on `log t`, `σ` the SD of `log T`.
    public static let lognormal = AFTDistribution(name: "lognormal", family: .gaussian)
    /// Log-logistic: logistic on `log t`, shape `1/σ`.
    public static let loglogistic = AFTDistribution(name: "loglogistic", family: .logistic)

    /// The four built-in distributions, in this order: exponential, Weibull, log-normal, log-logistic.
    public static let all: [AFTDistribution] = [.exponential, .weibull, .lognormal, .loglogistic]

    /// The built-in distribution with this name (case-insensitive; `"log-normal"` and `"log-logistic"`
    /// are accepted too), or nil.
    ///
    /// - Parameter name: A model name.
    /// - Returns: The distribution, or nil for an unknown name.
    public static func named(_ name: String) -> AFTDistribution? {
        let key = name.lowercased().replacingOccurrences(of: "-", with: "")
        return all.first { $0.name == key }
    }

    /// Whether `log σ` is a parameter of the fit.
    public var estimatesScale: Bool { fixedScale == nil }

    /// Whether the model is also a proportional-hazards model (Weibull and exponential), so hazard ratios
    /// `exp(−β/σ)` are defined.
    public var isProportionalHazards: Bool { family.name == LocationScaleFamily.extremeValue.name && transform.name == "log" }

    /// Equal names, families, transforms and fixed scales.
    public static func == (lhs: AFTDistribution, rhs: AFTDistribution) -> Bool {
        lhs.name == rhs.name && lhs.family.name == rhs.family.name && lhs.transform.name == rhs.transform.name
            && lhs.fixedScale == rhs.fixedScale
    }

    /// The name.
    public var description: String { name }
}
