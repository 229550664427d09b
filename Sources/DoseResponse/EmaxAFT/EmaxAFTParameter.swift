/// One parameter of an `EmaxAFTFit` on its natural scale, with a standard error and a confidence interval.
///
/// `e0`, `ed50`, `h` and `scale` are estimated on the log scale: their SE is the delta-method
/// `estimate × se(log)` and their interval `exp(log estimate ± z·se(log))` (always positive). `eMax` and
/// the covariate coefficients `b` (log time ratios) are estimated directly: `estimate ± z·se`.
public struct EmaxAFTParameter: Sendable, Equatable {
    /// `"e0"`, `"eMax"`, `"ed50"`, `"h"`, a covariate term name, or `"scale"` (σ).
    public let name: String
    /// The estimate on the natural scale (days for `e0` and `eMax`, dose units for `ed50`).
    public let estimate: Double
    /// The standard error used for inference (robust when the fit is robust or clustered).
    public let standardError: Double
    /// The lower confidence limit (Wald; for `ed50` see also `EmaxAFTFit.ed50ProfileInterval`).
    public let lower: Double
    /// The upper confidence limit.
    public let upper: Double
}
