/// Errors thrown by ``LevenbergMarquardt``.
public enum LevenbergMarquardtError: ReliefError, Sendable, Equatable {
    /// The problem is malformed (empty start, bounds of the wrong length, lower > upper, a start
    /// outside its bounds, a non-positive tolerance); the message says which.
    case invalidProblem(String)
    /// The residual/Jacobian closure returned NaN/infinity or arrays of the wrong size at this
    /// iteration (0 = the starting point).
    case badEvaluation(iteration: Int, message: String)
    /// The linear algebra of a step failed.
    case linearAlgebra(LinearAlgebraError)

    /// A one-line message: what failed and what to do.
    public var description: String {
        switch self {
        case .invalidProblem(let message):
            return "Levenberg-Marquardt: invalid problem: \(message). Fix the start or bounds."
        case .badEvaluation(let iteration, let message):
            return "Levenberg-Marquardt: residual evaluation failed at iteration \(iteration): \(message). "
                + "Check the model for overflow or restrict the bounds."
        case .linearAlgebra(let error):
            return "Levenberg-Marquardt: \(error.description)"
        }
    }
}

extension LevenbergMarquardtError {
    /// Relief's own checks should prevent this reaching a user: a bug (internal).
    public var failureKind: FailureKind { .internalError }
}
