import NumericCore
import Survival

extension CoxPH {
    /// The maximised log partial likelihoods of the models with only the design columns of each subset
    /// (the per-term likelihood-ratio tests of ``TermTests``), from one sort of the rows: the data are
    /// validated, time-fixed, sorted, centred and scaled once, then each reduced model keeps its columns
    /// of the sorted data and runs the same Newton iterations as ``fit(_:)`` from `β = 0`, so its
    /// log-likelihood is the one a separate fit gives (R's `drop1` refits from `β = 0`; a warm start from
    /// the full estimates reaches the same maximum in fewer iterations). No concordance, robust variance
    /// or tests.
    ///
    /// - Parameters:
    ///   - input: As for ``fit(_:)``; its clusters are ignored.
    ///   - subsets: Per reduced model, the columns of `input.x` it keeps.
    ///   - estimates: The full model's coefficients: each reduced model starts from those of its columns
    ///     (from `β = 0` when they are not all finite, or without them).
    /// - Returns: Per subset, the log partial likelihood and convergence, or the error of the input.
    /// - Complexity: One O(n) sort, then O(n p²) per Newton iteration of each reduced model (run concurrently).
    public func maximizedLogLikelihoods(_ input: RegressionData, keeping subsets: [[Int]], from estimates: [Double]?)
        -> [Result<ReducedFit, StatModelError>]
    {
        var sorted: CoxSortedData
        do throws(StatModelError) {
            sorted = try sortedRows(input).data
        } catch {
            return subsets.map { _ in .failure(error) }
        }
        let scales = Self.centreAndScale(&sorted).scales
        let prepared = sorted
        let warm = estimates.flatMap { $0.count == scales.count && $0.allSatisfy(\.isFinite) ? $0 : nil }
        return Parallel.map(subsets.count) { k in
            guard let data = prepared.keepingColumns(subsets[k]) else {
                return .failure(.invalidArgument(context: Self.fitContext, message: "a reduced model names a column outside the design"))
            }
            var likelihood = CoxPartialLikelihood(data, ties: ties)
            let outcome = DampedNewton.coxph(maxIterations: maxIterations, epsilon: epsilon, choleskyTolerance: choleskyTolerance)
                .maximize(&likelihood, from: warm.map { full in subsets[k].map { full[$0] / scales[$0] } } ?? [Double](repeating: 0, count: data.p))
            return .success((outcome.evaluation.value, outcome.isConverged))
        }
    }
}
