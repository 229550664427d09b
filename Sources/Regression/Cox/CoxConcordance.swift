/// Harrell's concordance of a Cox model's linear predictor with the observed times, as R's
/// `fit$concordance` / `concordance(fit)` (`timewt = "n"`, pairs compared within strata only).
///
/// A pair is comparable when the shorter time is an event. It is *concordant* when the subject who
/// failed first has the higher risk score, *discordant* when lower, tied on x when the scores are equal;
/// pairs of events at the same time are tied on y. With case weights a pair counts `w_i · w_j`.
/// `C = (concordant + tiedX / 2) / (concordant + discordant + tiedX)`; the standard error is R's
/// infinitesimal-jackknife one (summed within clusters when the fit has clusters).
public struct CoxConcordance: Sendable, Equatable {
    /// Weighted count of concordant pairs.
    public let concordant: Double
    /// Weighted count of discordant pairs.
    public let discordant: Double
    /// Comparable pairs tied on the risk score (`tied.x`).
    public let tiedX: Double
    /// Pairs of events at the same time with different scores (`tied.y`).
    public let tiedY: Double
    /// Pairs of events at the same time with equal scores (`tied.xy`).
    public let tiedXY: Double
    /// The concordance `C`.
    public let concordance: Double
    /// Its standard error (`sqrt(var)` of R's `concordancefit`).
    public let standardError: Double
}
