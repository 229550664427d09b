/// The sums of one chunk of rows of an ``AFTLikelihood`` evaluation: the log-likelihood, the `log σ`
/// score and curvature and the location derivatives (the rows' own scores are written in place,
/// ``AFTRowScoreBuffers``). Chunks are evaluated
/// concurrently and added in row order, so an evaluation gives the same numbers on any number of cores.
package struct AFTChunkSums: Sendable {
    /// `Σ wᵢ ℓᵢ` over the chunk.
    package var logLikelihood = 0.0
    /// `Σ wᵢ ∂ℓᵢ/∂log σ`.
    package var logScaleScore = 0.0
    /// `−Σ wᵢ ∂²ℓᵢ/∂(log σ)²`.
    package var logScaleCurvature = 0.0
    /// The location part of the score and information.
    package var location: AFTLocationDerivatives
    /// Whether the location was undefined somewhere in the chunk (the evaluation is then undefined).
    package var isUndefined = false

    /// Zeros for `k` location parameters.
    package init(count k: Int) {
        location = AFTLocationDerivatives(count: k)
    }
}
