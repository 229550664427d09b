import NumericCore
import Survival

extension ParametricAFT {
    /// Fits each distribution (default: exponential, Weibull, log-normal, log-logistic) with this
    /// specification's settings and returns the fits ranked by AIC, best (smallest) first — what
    /// `relief fit aft --dist all` prints.
    ///
    /// - Parameters:
    ///   - distributions: The candidates.
    ///   - x: The design matrix with the intercept column.
    ///   - time: Follow-up times `> 0`.
    ///   - event: Event indicators.
    ///   - weights: Case weights or nil.
    ///   - cluster: Cluster codes or nil.
    /// - Returns: The fits, sorted by `aic` ascending (ties keep the input order).
    /// - Throws: The first error of any fit (the input checks are the same for all).
    /// - Complexity: the sum of the individual fits.
    public func compareDistributions(_ distributions: [AFTDistribution] = AFTDistribution.all, x: Matrix,
                                     time: [Double], event: [Bool], weights: [Double]? = nil,
                                     cluster: [Int]? = nil) throws(StatModelError) -> [AFTFit] {
        var fits: [(index: Int, fit: AFTFit)] = []
        for (index, distribution) in distributions.enumerated() {
            var spec = self
            spec.distribution = distribution
            fits.append((index, try spec.fit(x: x, time: time, event: event, weights: weights, cluster: cluster)))
        }
        return fits.sorted { ($0.fit.aic, $0.index) < ($1.fit.aic, $1.index) }.map(\.fit)
    }
}
