import NumericCore
import Survival

extension ParametricAFT {
    /// The maximised log-likelihoods (time scale, as ``AFTFit/logLikelihood``) of the models with only the
    /// design columns of each subset, for the per-term likelihood-ratio tests of ``TermTests``: each
    /// reduced model starts from the full model's estimates of its columns and scale (the maximum is the
    /// same as from R's starting values, in fewer iterations), without clusters.
    ///
    /// - Parameters:
    ///   - input: As for ``fit(_:)``; its clusters are ignored.
    ///   - subsets: Per reduced model, the columns of `input.x` it keeps.
    ///   - estimates: The full model's `(β, log σ)`, or nil for R's starting values.
    /// - Returns: Per subset, the log-likelihood and convergence, or why the fit failed.
    /// - Complexity: O(n p²) per Newton iteration of each reduced model (run concurrently).
    public func maximizedLogLikelihoods(_ input: RegressionData, keeping subsets: [[Int]], from estimates: [Double]?)
        -> [Result<ReducedFit, StatModelError>]
    {
        let columns = input.x.columns
        return Parallel.map(subsets.count) { k in
            let kept = subsets[k]
            var start: AFTStart?
            if let estimates, estimates.count == columns + (distribution.estimatesScale ? 1 : 0),
                kept.allSatisfy({ $0 >= 0 && $0 < columns })
            {
                start = AFTStart(parameters: kept.map { estimates[$0] } + estimates.dropFirst(columns))
            }
            do throws(StatModelError) {
                let fit = try fit(input.keepingColumns(kept), start: start)
                return .success((fit.logLikelihood, fit.isConverged))
            } catch {
                return .failure(error)
            }
        }
    }
}
