import NumericCore

/// What ``AFTEstimator`` computes for any location model; the model's fit type (``AFTFit``, the Emax
/// fit) is built from it.
package struct AFTEstimate: Sendable {
    /// `(θ, log σ)`, or `θ` alone when the scale is fixed.
    package let parameters: [Double]
    /// The inverse observed information.
    package let variance: Matrix
    /// Whether the information was positive definite at `parameters` (else `variance` is the inverse of
    /// an indefinite matrix and not a valid covariance).
    package let isPositiveDefinite: Bool
    /// The sandwich variance when robust or clustered, else nil.
    package let robustVariance: Matrix?
    /// The number of clusters of the sandwich (rows when no cluster was given), nil without it.
    package let clusterCount: Int?
    /// The log-likelihood on the `y` scale (add ``AFTResponse/logCorrection`` for the time scale).
    package let logLikelihood: Double
    /// The starting values and the reference fit.
    package let start: AFTStart
    /// Iterations of the optimiser.
    package let iterations: Int
    /// Whether it converged.
    package let isConverged: Bool
}
