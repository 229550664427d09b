import NumericCore
import Survival

extension RandomInterceptAFT {
    /// The reduced fits of the per-term likelihood-ratio tests: full fits without τ's profile interval
    /// (the tests use only the maximised log-likelihoods).
    public func maximizedLogLikelihoods(_ data: RegressionData, keeping subsets: [[Int]], from estimates: [Double]?)
        -> [Result<ReducedFit, StatModelError>]
    {
        var model = self
        model.profilesTau = false
        return model.refittedLogLikelihoods(data, keeping: subsets)
    }
}
