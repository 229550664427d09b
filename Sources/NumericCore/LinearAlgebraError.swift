/// Errors thrown by the linear-algebra layer.
///
/// Every LAPACK/BLAS call checks its inputs before the call (dimensions, finiteness, sizes that fit
/// the 32-bit integers of the C interface) and its `info` result after it, so no bad input reaches
/// a trap or silent garbage.
public enum LinearAlgebraError: ReliefError, Sendable, Equatable {
    /// Operand shapes do not fit together (or a matrix is not square); the message names both.
    case dimensionMismatch(String)
    /// Cholesky failed: the leading minor of this order (1-based) is not positive definite
    /// (`potrf` info > 0).
    case notPositiveDefinite(leadingMinor: Int)
    /// The matrix is exactly singular: this 1-based pivot is zero (`getrf`/`sytrf`/`potri`/`gels`
    /// info > 0).
    case singular(pivot: Int)
    /// An iterative decomposition did not converge (`syevd`/`gelsd` info > 0).
    case noConvergence(info: Int)
    /// A dimension does not fit the 32-bit integers of the LAPACK/BLAS interface.
    case sizeTooLarge
    /// An input contains NaN or infinity; the message says which operand.
    case nonFiniteValue(String)
    /// LAPACK rejected an argument (`info < 0`) or could not allocate its workspace; this is a
    /// programming error in the caller of the routine named in the message.
    case invalidArgument(String)

    /// A one-line description that says what failed and what to do.
    public var description: String {
        switch self {
        case .dimensionMismatch(let message):
            return "dimension mismatch: \(message)"
        case .notPositiveDefinite(let minor):
            return "matrix is not positive definite (leading minor \(minor) is not positive); "
                + "check for collinear or constant columns, or use a pivoted or eigen-based solver"
        case .singular(let pivot):
            return "matrix is singular (pivot \(pivot) is zero); check for collinear columns or "
                + "empty groups, or use a generalized inverse"
        case .noConvergence(let info):
            return "decomposition did not converge (info \(info)); check the input for extreme values"
        case .sizeTooLarge:
            return "matrix dimension exceeds the 32-bit LAPACK/BLAS limit (2147483647); reduce the problem size"
        case .nonFiniteValue(let message):
            return "non-finite value (NaN or infinity) in \(message); remove or impute it before fitting"
        case .invalidArgument(let message):
            return "internal error: \(message)"
        }
    }
}

extension LinearAlgebraError {
    /// Relief's own checks should prevent this reaching a user: a bug (internal).
    public var failureKind: FailureKind { .internalError }
}
