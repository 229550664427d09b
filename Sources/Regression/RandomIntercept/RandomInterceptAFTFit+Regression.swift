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
}
