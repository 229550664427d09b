import NumericCore
import Survival

/// Runs NumericCore calls for the AFT engine and turns a `LinearAlgebraError` into a `StatModelError`
/// that names the step.
package enum AFTLinearAlgebra {
    /// Runs `body`; a linear-algebra failure becomes `.undefinedStatistic` naming `context` and `step`.
    package static func run<T>(_ context: String, _ step: String,
                       _ body: () throws(LinearAlgebraError) -> T) throws(StatModelError) -> T {
        do {
            return try body()
        } catch {
            throw .undefinedStatistic(context: context, message: "\(step) failed (\(error)).")
        }
    }

    /// The inverse of a symmetric matrix: Cholesky when it is positive definite, otherwise the symmetric
    /// indefinite (Bunch–Kaufman) solve of `A X = I`.
    ///
    /// - Returns: `A⁻¹` and whether `A` was positive definite.
    package static func symmetricInverse(_ a: Matrix, context: String, step: String) throws(StatModelError)
        -> (inverse: Matrix, positiveDefinite: Bool) {
        if let factor = try? Cholesky(a), let inverse = try? factor.inverse() {
            return (inverse, true)
        }
        let inverse = try run(context, step) { () throws(LinearAlgebraError) -> Matrix in
            try SymmetricIndefiniteSolver(a).solve(Matrix.identity(a.rows))
        }
        return (inverse, false)
    }
}
