/// The derivatives of the log-likelihood terms `wᵢ ℓᵢ` with respect to the location `μᵢ` for one block
/// of rows, as ``AFTLikelihood`` hands them to an ``AFTLocationModel``.
package struct AFTRowDerivatives {
    /// `wᵢ ∂ℓᵢ/∂μᵢ`.
    package var score: [Double]
    /// `−wᵢ ∂²ℓᵢ/∂μᵢ²` (the information weight; `≥ 0` for the log-concave families).
    package var curvature: [Double]
    /// `−wᵢ ∂²ℓᵢ/∂μᵢ ∂log σ`.
    package var cross: [Double]
    /// Whether every `curvature` entry is `≥ 0` (then `JᵀDJ` is a `syrk` on `√D J`).
    package var curvatureIsNonNegative = true

    /// Zeroed arrays for `count` rows.
    package init(count: Int) {
        score = [Double](repeating: 0, count: count)
        curvature = score
        cross = score
    }

    /// The number of rows.
    package var count: Int { score.count }
}
