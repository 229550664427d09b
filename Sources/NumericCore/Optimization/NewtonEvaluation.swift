/// The value, gradient and information (negative Hessian) of an objective at one point, as a
/// ``NewtonObjective`` returns them to ``DampedNewton``.
///
/// For a log-likelihood `ℓ(θ)`: `value = ℓ`, `gradient = ∂ℓ/∂θ` (the score `U`) and
/// `information = −∂²ℓ/∂θ∂θᵀ` (the observed information `I`, symmetric `k × k`).
public struct NewtonEvaluation: Sendable, Equatable {
    /// `ℓ(θ)`; `−∞` or NaN marks a point where the objective is not defined.
    public var value: Double
    /// `∂ℓ/∂θ`, length `k` (may be empty when `value` is not finite).
    public var gradient: [Double]
    /// `−∂²ℓ/∂θ∂θᵀ`, `k × k` (may be `0 × 0` when `value` is not finite).
    public var information: Matrix

    /// Wraps the three parts.
    ///
    /// - Parameters:
    ///   - value: The objective.
    ///   - gradient: Its gradient.
    ///   - information: Its negative Hessian.
    public init(value: Double, gradient: [Double], information: Matrix) {
        self.value = value
        self.gradient = gradient
        self.information = information
    }

    /// An evaluation at a point where the objective is not defined (`value = −∞`, no derivatives).
    public static let undefined = NewtonEvaluation(value: -.infinity, gradient: [], information: Matrix(rows: 0, columns: 0))

    /// Whether the value, every gradient entry and every information entry are finite.
    ///
    /// - Complexity: O(k²).
    public var isFinite: Bool { value.isFinite && gradient.allSatisfy(\.isFinite) && information.isFinite }
}
