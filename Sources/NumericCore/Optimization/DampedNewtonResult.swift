/// The outcome of a ``DampedNewton`` maximisation: the point, the evaluation there (its information
/// gives the variance), the evaluation at the start (null log-likelihood, score test) and how it stopped.
public struct DampedNewtonResult: Sendable, Equatable {
    /// Why the iteration stopped.
    public enum Stop: Sendable, Equatable {
        /// The convergence rule was met.
        case converged
        /// `maxIterations` was used up.
        case iterationLimit
        /// No backtracking trial improved on the accepted point; see `isConverged`.
        case stalled
        /// Consecutive accepted steps gained almost nothing without converging: a flat ridge
        /// (``DampedNewton/Convergence/newtonDecrement(tolerance:flatSteps:)``); not converged.
        case flatRidge
        /// The objective is not finite at the start (nothing was done).
        case nonFiniteStart
        /// The step could not be solved (``DampedNewton/StepSolver/survreg`` only).
        case stepFailed(LinearAlgebraError)
    }

    /// The returned point (clipped to the bounds).
    public let parameters: [Double]
    /// The evaluation at `parameters`; the objective's last full evaluation is at this point too.
    public let evaluation: NewtonEvaluation
    /// The evaluation at the (clipped) start.
    public let start: NewtonEvaluation
    /// The Newton step at the start (0 at fixed coordinates), nil when it could not be solved:
    /// `startᵀ.gradient · initialStep` is the score statistic `U(θ₀)ᵀ I(θ₀)⁻¹ U(θ₀)`.
    public let initialStep: [Double]?
    /// Iterations used (trial evaluations for the relative-change rule, accepted steps for the
    /// Newton-decrement rule).
    public let iterations: Int
    /// Whether the convergence rule was met (or a stalled iteration had a negligible gradient).
    public let isConverged: Bool
    /// Why it stopped.
    public let stop: Stop

    /// Creates a result (normally by ``DampedNewton/maximize(_:from:fixed:)``); see the properties.
    public init(parameters: [Double], evaluation: NewtonEvaluation, start: NewtonEvaluation, initialStep: [Double]?,
                iterations: Int, isConverged: Bool, stop: Stop) {
        self.parameters = parameters
        self.evaluation = evaluation
        self.start = start
        self.initialStep = initialStep
        self.iterations = iterations
        self.isConverged = isConverged
        self.stop = stop
    }
}
