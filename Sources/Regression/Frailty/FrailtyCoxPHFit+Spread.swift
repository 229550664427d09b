import Foundation
import NumericCore
import Survival

extension FrailtyCoxPHFit {
    /// The 25th and 75th percentiles of the patients' hazard multipliers `z = exp(w)`: for a gamma frailty
    /// (mean 1, variance θ) `z = (θ/2) χ²_{2/θ}` quantiles; for a gaussian one `exp(±0.6745 √θ)`. Both 1
    /// when θ = 0.
    public var frailtyQuartiles: (lower: Double, upper: Double) {
        guard theta > 0, theta.isFinite else { return (1, 1) }
        switch distribution {
        case .gamma:
            let chi = ChiSquared(degreesOfFreedom: 2 / theta)
            return (theta / 2 * chi.quantile(0.25), theta / 2 * chi.quantile(0.75))
        case .gaussian:
            let spread = Normal.quantile(0.75) * theta.squareRoot()
            return (exp(-spread), exp(spread))
        }
    }

    /// The middle 50% of patients' typical relief at a profile: the median relief of the patient whose
    /// hazard multiplier is the 75th percentile (shorter relief, `lower`) and of the one at the 25th
    /// (longer relief, `upper`), each from the fitted baseline hazard as `relief predict cox --patient`
    /// draws a patient's own curve, at that patient's log frailty. nil where a median is not reached.
    /// - Parameters:
    ///   - profile: A design row (no intercept), length `p`.
    ///   - data: The data the model was fitted on (the baseline hazard is rebuilt from it).
    /// - Throws: What the baseline hazard throws for data that do not match the fit.
    /// - Complexity: O(n log n) for the baseline hazard.
    public func typicalReliefSpan(at profile: [Double], data: RegressionData) throws(StatModelError) -> (lower: Double?, upper: Double?) {
        guard profile.count == coefficients.count, let groups = data.frailty, groups.count == frailties.count else {
            throw .invalidArgument(context: FrailtyCoxPH.fitContext, message: "the profile or data do not match the frailty fit.")
        }
        let baseline = try offsetBaseline(data, groups: groups, patientVariance: 0)
        let quartiles = frailtyQuartiles
        func median(_ z: Double) throws(StatModelError) -> Double? {
            try baseline.predict(profile: profile + [log(z), 0], confidenceLevel: confidenceLevel).median.estimate
        }
        return (try median(quartiles.upper), try median(quartiles.lower))
    }
}
