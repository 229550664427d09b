/// A function to be maximised by ``DampedNewton``: it supplies only its math (value, gradient and
/// information at a point); iteration, step halving, convergence and bounds belong to the optimiser.
///
/// An objective may keep per-point scratch state (per-row scores for a sandwich variance, say);
/// ``DampedNewton`` guarantees that the last full evaluation it asks for is at the point it returns.
///
/// ```swift
/// struct Quadratic: NewtonObjective {          // ℓ(θ) = −(θ − 3)²
///     mutating func evaluate(_ theta: [Double]) -> NewtonEvaluation {
///         NewtonEvaluation(value: -(theta[0] - 3) * (theta[0] - 3), gradient: [-2 * (theta[0] - 3)],
///                          information: Matrix(rows: 1, columns: 1, repeating: 2))
///     }
/// }
/// var objective = Quadratic()
/// let result = DampedNewton.coxph().maximize(&objective, from: [0])   // θ = 3 after one step
/// ```
public protocol NewtonObjective {
    /// The error an evaluation can throw (`Never` for objectives that cannot fail).
    associatedtype Failure: Error

    /// The value, gradient and information at `parameters`.
    ///
    /// - Parameter parameters: The point, length `k`.
    /// - Returns: The evaluation; a point outside the domain returns a non-finite `value`.
    /// - Throws: `Failure` for a failure that should end the optimisation.
    mutating func evaluate(_ parameters: [Double]) throws(Failure) -> NewtonEvaluation

    /// The value alone at `parameters` (used by backtracking line searches; default: `evaluate`).
    ///
    /// - Parameter parameters: The point.
    /// - Returns: `ℓ(θ)`, non-finite outside the domain.
    /// - Throws: `Failure`.
    mutating func value(at parameters: [Double]) throws(Failure) -> Double

    /// The outer product of the per-observation scores `J = Σ sᵢ sᵢᵀ` at the point last passed to
    /// `evaluate` (R `survreg`'s fall-back when the information is not positive definite), or nil when
    /// the objective has no per-observation scores (default).
    ///
    /// - Returns: `J`, `k × k`, or nil.
    /// - Throws: `Failure`.
    mutating func outerProductOfScores() throws(Failure) -> Matrix?
}

extension NewtonObjective {
    /// The value of a full evaluation.
    public mutating func value(at parameters: [Double]) throws(Failure) -> Double {
        try evaluate(parameters).value
    }

    /// No per-observation scores.
    public mutating func outerProductOfScores() throws(Failure) -> Matrix? { nil }
}
