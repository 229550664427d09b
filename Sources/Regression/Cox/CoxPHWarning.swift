/// A condition found while fitting a Cox model that does not stop the fit but limits what the results
/// mean. `description` is the sentence a report shows.
public enum CoxPHWarning: Sendable, Equatable, CustomStringConvertible {
    /// The log partial likelihood converged while this coefficient was still moving (R: "Loglik
    /// converged before variable N; coefficient may be infinite"): a monotone likelihood, e.g. no events
    /// in one level of a binary term. `index` is the 0-based column.
    case infiniteCoefficient(index: Int, term: String)
    /// Newton–Raphson stopped after `iterations` without meeting the convergence rule.
    case notConverged(iterations: Int)
    /// Not converged and the linear predictor is huge (> 500) or the last step is not finite (R: "one or
    /// more coefficients may be infinite").
    case possiblyInfiniteCoefficients
    /// The information matrix was numerically singular for this column at the solution (R would report
    /// the coefficient as NA); its variance is reported as NaN.
    case singularInformation(index: Int, term: String)

    /// A one-line explanation with what it means for the reported tests.
    public var description: String {
        switch self {
        case .infiniteCoefficient(let index, let term):
            return "coefficient of '\(term)' (column \(index + 1)) may be infinite: the log partial likelihood "
                + "converged while it was still moving (monotone likelihood, e.g. no events in one level). "
                + "Its Wald test, standard error and confidence interval are not valid; the likelihood-ratio "
                + "and score tests still are."
        case .notConverged(let iterations):
            return "Newton-Raphson did not converge in \(iterations) iteration(s); the estimates are those of "
                + "the last iteration. Raise the iteration limit or check the design for separation."
        case .possiblyInfiniteCoefficients:
            return "one or more coefficients may be infinite (the linear predictor exceeds 500 or the last "
                + "step is not finite); Wald tests are not valid."
        case .singularInformation(let index, let term):
            return "the information matrix is singular for '\(term)' (column \(index + 1)) at the solution; "
                + "its coefficient is not estimable and its variance is reported as NaN."
        }
    }
}
