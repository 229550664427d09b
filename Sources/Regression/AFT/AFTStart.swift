/// Starting values of an AFT fit and, when the location model has one, its reference (null) fit.
package struct AFTStart: Sendable {
    /// `θ₀` followed by `log σ₀` when the scale is estimated.
    package var parameters: [Double]
    /// The reference model's log-likelihood on the `y` scale (R's intercept-only `fit$loglik[1]`), or nil.
    package var nullLogLikelihood: Double?
    /// The reference model's parameters (R's `fit$icoef`), or nil.
    package var nullParameters: [Double]?

    /// Creates a start.
    package init(parameters: [Double], nullLogLikelihood: Double? = nil, nullParameters: [Double]? = nil) {
        self.parameters = parameters
        self.nullLogLikelihood = nullLogLikelihood
        self.nullParameters = nullParameters
    }
}
