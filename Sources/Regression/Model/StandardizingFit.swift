import NumericCore
import Survival

/// A fit that gives covariate-adjusted (standardised, g-computation) curves: every row's predicted
/// survival averaged, for each of several sets of design rows. `relief compare --adjust` asks for them
/// through this protocol, so a model gets adjusted curves by conforming (and setting
/// ``SurvivalModelCapabilities/standardizedCurves`` in its registry entry), not by a branch in Analysis.
public protocol StandardizingFit: SurvivalRegressionFit {
    /// The standardised curve of each set of rows.
    ///
    /// - Parameters:
    ///   - groups: Design matrices with the fit's columns (the sample's rows with the group set to each
    ///     level in turn). A stratified Cox fit needs the rows of `data` in its order (each row's curve
    ///     uses its own stratum's baseline, from `data.strata`).
    ///   - data: The data the model was fitted on (a Cox fit rebuilds its baseline hazard from it).
    ///   - times: Times `≥ 0` of the survival estimates.
    ///   - tau: The restricted-mean horizon, `> 0`.
    ///   - figureSteps: About how many points a figure draws (a smooth curve's grid; a step curve uses its
    ///     own times when it has at most this many before τ).
    /// - Returns: The curves at `times` followed by the figure's times.
    /// - Throws: ``StatModelError`` for rows of the wrong width or count, bad times or τ, or a fit the
    ///   average is not defined for.
    func standardized(groups: [Matrix], data: RegressionData, times: [Double], tau: Double, figureSteps: Int)
        throws(StatModelError) -> StandardizedCurves

    /// `gᵀ V g` for a gradient in the parameters of ``StandardizedSurvival``'s gradients, with the
    /// variance the fit reports (robust when it has one).
    func standardizedQuadraticForm(_ gradient: [Double]) -> Double
}

extension StandardizingFit {
    /// A standardised curve's estimates with delta-method SEs and plain intervals (`± z SE`).
    /// - Parameters:
    ///   - curve: The curve, from this fit.
    ///   - level: The two-sided level.
    /// - Returns: The survival at each time and the restricted mean.
    public func standardizedEstimates(_ curve: StandardizedSurvival, level: Double) -> (survival: [Contrast], restrictedMean: Contrast) {
        let survival = curve.survival.indices.map { k in
            let variance = standardizedQuadraticForm(curve.survivalGradients[k]) + BaselineLoadings.survivalVariance(k, curve.baselines, minus: [])
            return Contrast.wald(curve.survival[k], max(variance, 0).squareRoot(), level: level, transform: { $0 })
        }
        let variance = standardizedQuadraticForm(curve.restrictedMeanGradient) + BaselineLoadings.restrictedMeanVariance(curve.baselines, minus: [])
        return (survival, Contrast.wald(curve.restrictedMean, max(variance, 0).squareRoot(), level: level, transform: { $0 }))
    }

    /// `group − reference` of two standardised curves of this fit: survival differences at each time and
    /// the restricted-mean difference, with delta-method SEs from the differences of the gradients and
    /// baseline loadings (the curves share the fit's estimates, so they are not independent).
    /// - Parameters:
    ///   - group: The group's curve.
    ///   - reference: The reference's curve (same times and τ).
    ///   - level: The two-sided level.
    /// - Returns: The differences.
    public func standardizedContrast(_ group: StandardizedSurvival, _ reference: StandardizedSurvival, level: Double)
        -> (survival: [Contrast], restrictedMean: Contrast)
    {
        func gradientForm(_ ga: [Double], _ gb: [Double]) -> Double { standardizedQuadraticForm(zip(ga, gb).map { $0 - $1 }) }
        let survival = group.survival.indices.compactMap { k -> Contrast? in
            guard reference.survival.indices.contains(k) else { return nil }
            let variance = gradientForm(group.survivalGradients[k], reference.survivalGradients[k])
                + BaselineLoadings.survivalVariance(k, group.baselines, minus: reference.baselines)
            return Contrast.wald(group.survival[k] - reference.survival[k], max(variance, 0).squareRoot(), level: level, transform: { $0 })
        }
        let variance = gradientForm(group.restrictedMeanGradient, reference.restrictedMeanGradient)
            + BaselineLoadings.restrictedMeanVariance(group.baselines, minus: reference.baselines)
        return (survival, Contrast.wald(group.restrictedMean - reference.restrictedMean, max(variance, 0).squareRoot(), level: level,
                                        transform: { $0 }))
    }
}
