import NumericCore
import Regression
import Survival

extension EmaxAFT {
    /// The Emax AFT refitted on subsets of its covariate columns, for the per-term likelihood-ratio
    /// tests of ``TermTests``: each subset is a full fit (dose-level grid, then Newton) without the
    /// profile-likelihood interval of ED50, which the test does not use; the subsets run concurrently.
    /// A reduced fit whose ED50 is not identified gives the log-likelihood with ED50 held at its bound
    /// (the maximum inside DoseFinding's range), reported as not converged.
    ///
    /// - Parameters:
    ///   - data: The Emax fit's data; its clusters are ignored.
    ///   - subsets: Per reduced model, the covariate columns it keeps.
    ///   - estimates: Not used (each reduced fit starts from its own dose-level grid).
    /// - Returns: Per subset, the log-likelihood on the log-time scale and whether the fit converged.
    /// - Complexity: One Emax fit per subset, spread over the cores.
    public func maximizedLogLikelihoods(_ data: RegressionData, keeping subsets: [[Int]], from estimates: [Double]?)
        -> [Result<ReducedFit, StatModelError>]
    {
        var reducedModel = self
        reducedModel.profileInterval = false
        reducedModel.robust = false
        let model = reducedModel
        return Parallel.map(subsets.count) { k in
            do throws(StatModelError) {
                var reduced = try data.keepingColumns(subsets[k])
                reduced.cluster = nil
                let fit = try model.fit(reduced)
                return .success((fit.logLikelihood, fit.isConverged && fit.identification.isIdentified))
            } catch {
                return .failure(error)
            }
        }
    }
}
