/// The outcome of a ``LevenbergMarquardt`` minimisation of `½‖r(x)‖²`.
public struct LevenbergMarquardtResult: Sendable, Equatable {
    /// Why the iteration stopped.
    public enum Termination: String, Sendable, Equatable {
        /// The relative reduction of the sum of squares fell below `functionTolerance`.
        case functionTolerance
        /// The relative step length fell below `stepTolerance`.
        case stepTolerance
        /// The infinity norm of the projected gradient fell below `gradientTolerance`.
        case gradientTolerance
        /// `maxIterations` was reached (not converged).
        case maxIterations
        /// The damping grew beyond any useful size without a decrease (not converged).
        case dampingOverflow
    }

    /// The final parameters (inside the bounds).
    public let parameters: [Double]
    /// The residuals at `parameters`.
    public let residuals: [Double]
    /// The Jacobian `∂r/∂x` at `parameters` (`m × n`).
    public let jacobian: Matrix
    /// `‖r‖²` at `parameters` (the residual sum of squares, not halved).
    public let sumOfSquares: Double
    /// Accepted iterations.
    public let iterations: Int
    /// Closure evaluations.
    public let evaluations: Int
    /// Why it stopped.
    public let termination: Termination
    /// For each parameter: is it (within `boundTolerance`) on its lower or upper bound?
    public let atBound: [Bool]

    /// True unless the iteration limit or damping overflow stopped it.
    public var converged: Bool { termination != .maxIterations && termination != .dampingOverflow }
}
