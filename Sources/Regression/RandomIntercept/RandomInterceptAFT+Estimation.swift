extension RandomInterceptAFT {
    /// How the variance parameters `(σ, τ)` are estimated (nlme's and lme4's `method`/`REML`).
    public enum Estimation: String, Sendable, CaseIterable {
        /// Maximum marginal likelihood (the default; `nlme::lme(..., method = "ML")`): τ̂ is biased down
        /// by about `(τ² + σ_w²/m) q / G` in `τ²` (q between-patient design columns, G patients).
        case ml
        /// Restricted maximum likelihood: the marginal likelihood with the fixed effects integrated out by
        /// the Laplace approximation (``RandomInterceptRestrictedLikelihood``; glmmTMB's `REML = TRUE`,
        /// exactly `nlme::lme(..., method = "REML")` for uncensored log-normal episodes). Likelihood-ratio
        /// tests between REML fits with different fixed effects are not valid: the fit reports Wald tests.
        case reml
    }
}
