/// Which per-term tests a fit reports (``ModelSpecification/termTests``).
public enum TermTestMode: String, Sendable, CaseIterable {
    /// The Wald test of each term and the likelihood-ratio test against the model refitted without it
    /// (R's `drop1(fit, test = "Chisq")`): one refit per term, run concurrently.
    case likelihoodRatio = "lr"
    /// The Wald test of each term only (no refits).
    case wald
    /// No per-term table (`none` on the command line; not named `none`, which an optional
    /// ``ModelSpecification/termTests`` would read as nil, the model's default).
    case omitted = "none"
}
