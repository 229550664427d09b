import NumericCore
import Survival

extension RandomInterceptAFT {
    /// The reduced fits of the per-term likelihood-ratio tests: full fits without τ's profile interval
    /// (the tests use only the maximised log-likelihoods).
    public func maximizedLogLikelihoods(_ data: RegressionData, keeping subsets: [[Int]], from estimates: [Double]?)
        -> [Result<ReducedFit, StatModelError>]
    {
        if estimation == .reml {
            let error = StatModelError.invalidArgument(
                context: Self.context(distribution), message: "likelihood-ratio tests between REML fits with different fixed "
                    + "effects are not valid (their restricted likelihoods differ); use Wald tests or maximum-likelihood fits.")
            return subsets.map { _ in .failure(error) }
        }
        var model = self
        model.profilesTau = false
        return model.refittedLogLikelihoods(data, keeping: subsets)
    }
}
