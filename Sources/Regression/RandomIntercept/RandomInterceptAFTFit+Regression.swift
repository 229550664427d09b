import Foundation
import NumericCore
import Survival

/// A random-intercept AFT fit as a ``SurvivalRegressionFit``: parameters `(β, Log(scale), Log(tau))`,
/// the boundary likelihood-ratio test of `τ = 0` (``PatientVariationFit``); predictions in `RandomInterceptAFTFit+Prediction.swift`.
extension RandomInterceptAFTFit: PatientVariationFit {
    /// The distribution's name (`weibull`, `lognormal`, `loglogistic`).
    public var modelName: String { distribution.name }
    /// The term names, `Log(scale)` and `Log(tau)`.
    public var parameterNames: [String] { termNames + ["Log(scale)", "Log(tau)"] }
    /// Likelihood-ratio tests of fixed effects compare maximised likelihoods: not between REML fits (their
    /// restricted likelihoods differ with the fixed effects), so a REML fit has Wald tests only, as nlme warns.
    public var supportsLikelihoodRatioTests: Bool { estimation == .ml }
    /// `−2ℓ + log(m) k` with `m` the episodes, less the fixed effects for a REML fit (nlme's `BIC` of a REML
    /// `lme`: its `logLik` has `nobs` = N − p).
    public var bic: Double {
        let m = estimation == .reml ? n - coefficientCount : n
        return -2 * logLikelihood + log(Double(m)) * Double(parameterCount)
    }
}
