/// The per-row score arrays of an ``AFTLikelihood`` evaluation, written by its concurrent chunks in place:
/// chunk `c` writes only its own rows, so no two threads touch the same element, and the buffers are
/// read after the chunks finish. `@unchecked Sendable` for that reason; it lives only during one
/// evaluation, inside `withUnsafeMutableBufferPointer` of the arrays it points into.
struct AFTRowScoreBuffers: @unchecked Sendable {
    /// `∂ℓᵢ/∂μᵢ` per row.
    let scores: UnsafeMutableBufferPointer<Double>
    /// `∂ℓᵢ/∂log σ` per row.
    let logScaleScores: UnsafeMutableBufferPointer<Double>
}
