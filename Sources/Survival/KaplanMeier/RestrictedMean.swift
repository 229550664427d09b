/// Restricted mean survival time up to `tau` with its standard error, as R's `print.survfit` with `rmean = tau`
/// (`*rmean`, `*se(rmean)`).
public struct RestrictedMean: Sendable, Equatable {
    /// The horizon (upper limit of integration).
    public let tau: Double
    /// ∫ S(t) dt from min(0, first time) to tau.
    public let estimate: Double
    /// Its standard error (R's `se(rmean)`).
    public let standardError: Double
}
