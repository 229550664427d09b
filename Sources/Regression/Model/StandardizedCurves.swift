/// Standardised curves of several sets of design rows (one per group level) from one fit: each curve at
/// the requested times followed by ``figureTimes``, the times at which a figure draws it.
public struct StandardizedCurves: Sendable, Equatable {
    /// One curve per set of rows, evaluated at the requested times and then at ``figureTimes``.
    public let curves: [StandardizedSurvival]
    /// The figure's times in `(0, τ]`.
    public let figureTimes: [Double]
    /// Whether the curves are step functions (Cox: constant between baseline times) rather than smooth.
    public let isStepFunction: Bool

    /// Creates the curves; see the properties.
    public init(curves: [StandardizedSurvival], figureTimes: [Double], isStepFunction: Bool) {
        self.curves = curves
        self.figureTimes = figureTimes
        self.isStepFunction = isStepFunction
    }
}
