import Foundation
import NumericCore
import Survival

/// A gamma-frailty Weibull fit as a ``SurvivalRegressionFit``: parameters `(β, Log(scale), Log(theta))`,
/// the boundary likelihood-ratio test of `θ = 0` (``PatientVariationFit``; the time ratios hold for a patient given
/// their frailty and, as the population curve depends on `log t − xᵀβ` only, for a new patient too); predictions in `GammaFrailtyAFTFit+Prediction.swift`.
extension GammaFrailtyAFTFit: PatientVariationFit {
    /// `weibull`.
    public var modelName: String { "weibull" }
    /// The term names, `Log(scale)` and `Log(theta)`.
    public var parameterNames: [String] { termNames + ["Log(scale)", "Log(theta)"] }
}
