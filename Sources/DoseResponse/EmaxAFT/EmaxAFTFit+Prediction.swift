import Foundation
import NumericCore
import Regression
import Survival

/// Predictions of the Emax AFT at a dose and covariate profile: the AFT's delta-method predictions
/// (``AFTPredictor``, as ``AFTFit``'s) at the location `η = log g(d) + xᵀb` with gradient `∂η/∂θ`.
extension EmaxAFTFit {
    /// The delta-method predictor with ``inferenceVariance``.
    package var predictor: AFTPredictor {
        AFTPredictor(distribution: distribution, scale: scale, variance: inferenceVariance, confidenceLevel: confidenceLevel)
    }

    /// Survival, quantiles and restricted mean at one dose and covariate profile.
    ///
    /// - Parameters:
    ///   - dose: The dose, `>= 0`.
    ///   - covariates: The `p` covariate values in `termNames` order (the design row without intercept).
    ///   - times: Times `≥ 0` for `S(t | d, x)`.
    ///   - probabilities: Quantile probabilities (default the median).
    ///   - tau: Horizon of the restricted mean, or nil.
    ///   - confidenceLevel: Two-sided level, default the fit's.
    /// - Returns: The prediction (`profile` holds the covariates, `linearPredictor` the location `η`).
    /// - Throws: `.lengthMismatch`/`.nonFiniteValue` for the covariates, `.invalidArgument` for a bad dose,
    ///   time, probability, tau or level, `.undefinedStatistic` where the curve is not positive.
    /// - Complexity: O(k² (times + probabilities)) plus one quadrature for `tau`.
    public func predict(dose: Double, covariates: [Double], times: [Double] = [], probabilities: [Double] = [0.5],
                        tau: Double? = nil, confidenceLevel: Double? = nil) throws(StatModelError) -> SurvivalProfilePrediction {
        let context = "EmaxAFTFit.predict"
        let (eta, gradient) = try locate(dose: dose, covariates: covariates, context: context)
        let predictor = self.predictor
        return SurvivalProfilePrediction(
            profile: covariates, dose: dose, stratum: nil, linearPredictor: eta,
            linearPredictorStandardError: predictor.quadraticForm(gradient).squareRoot(),
            survival: try predictor.survival(location: eta, gradient: gradient, times: times,
                                             confidenceLevel: confidenceLevel, context: context),
            quantiles: try predictor.quantiles(location: eta, gradient: gradient, probabilities: probabilities,
                                               confidenceLevel: confidenceLevel, context: context),
            restrictedMean: try tau.map { (t: Double) throws(StatModelError) in
                try predictor.restrictedMean(location: eta, gradient: gradient, tau: t, confidenceLevel: confidenceLevel,
                                             context: context)
            },
            confidenceLevel: confidenceLevel ?? self.confidenceLevel)
    }

    /// The restricted mean `∫₀^τ S(t | d, x) dt` with its delta-method SE (what a relief-coverage schedule
    /// needs: `RMST(I)/I`).
    ///
    /// - Parameters:
    ///   - dose: The dose, `>= 0`.
    ///   - covariates: The `p` covariate values.
    ///   - tau: The horizon, finite and `> 0`.
    ///   - confidenceLevel: Two-sided level, default the fit's.
    /// - Returns: The restricted mean with SE and interval.
    /// - Throws: As ``predict(dose:covariates:times:probabilities:tau:confidenceLevel:)``.
    /// - Complexity: One adaptive quadrature plus O(k²).
    public func predictRestrictedMean(dose: Double, covariates: [Double], tau: Double,
                                      confidenceLevel: Double? = nil) throws(StatModelError) -> TimedEstimate {
        let context = "EmaxAFTFit.predictRestrictedMean"
        let (eta, gradient) = try locate(dose: dose, covariates: covariates, context: context)
        return try predictor.restrictedMean(location: eta, gradient: gradient, tau: tau, confidenceLevel: confidenceLevel,
                                            context: context)
    }

    /// `η` and `∂η/∂θ` over the location parameters (without `log σ`), after checking the profile.
    private func locate(dose: Double, covariates: [Double], context: String) throws(StatModelError) -> (Double, [Double]) {
        guard dose.isFinite, dose >= 0 else {
            throw .invalidArgument(context: context, message: "dose \(dose) must be a finite value >= 0.")
        }
        guard covariates.count == termNames.count else {
            throw .lengthMismatch(context: context, argument: "covariates", expected: termNames.count, found: covariates.count)
        }
        for (i, value) in covariates.enumerated() where !value.isFinite {
            throw .nonFiniteValue(context: context, argument: "covariates", index: i)
        }
        guard let location = location(dose: dose, covariates: covariates) else {
            throw .undefinedStatistic(context: context, message: "the Emax curve is not positive at dose \(dose); no prediction there.")
        }
        return (location.value, Array(location.gradient.prefix(theta.count - 1)))
    }
}
