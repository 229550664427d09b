import Reporting
import Regression

/// What `relief fit` reports: a fitted survival regression model with the formula and design facts a
/// reader needs to interpret it (term names, reference levels, strata, clusters) and its warnings.
///
/// It holds the engines' results unchanged; ``RegressionRenderer`` lays them out and never recomputes a
/// statistic. The information criteria are given by the caller (the AFT fit has its own; for a Cox model
/// the caller passes R's `AIC(coxph)` = `−2 log L + 2p` and `BIC(coxph)` = `−2 log L + log(events) p`).
public struct RegressionResult: Sendable {
    /// The model name as requested (`cox`, `weibull`, ..., `aft`).
    public var model: String
    /// The formula's right-hand side as given.
    public var formula: String
    /// The design columns in order, R's names (`(Intercept)` first for AFT models).
    public var termNames: [String]
    /// The reference level of each factor column, sorted by column name.
    public var referenceLevels: [(column: String, level: String)]
    /// The `strata()` columns (Cox), or empty.
    public var strataColumns: [String]
    /// The cluster column of the robust variance, if any.
    public var clusterColumn: String?
    /// The case weights of a weighted fit (`--weights`), or nil.
    public var caseWeights: CaseWeightsSummary? = nil
    /// The fitted model as it is presented (``CoxEstimates``, ``AFTEstimates``, ...).
    public var estimates: any RegressionEstimates
    /// Akaike's information criterion of the fitted model, `nil` when not defined.
    public var aic: Double?
    /// The Bayesian information criterion of the fitted model, `nil` when not defined.
    public var bic: Double?
    /// The model's warnings (monotone likelihood, non-convergence, ...), in the order found.
    public var warnings: [String]
    /// Per term, the Wald and likelihood-ratio tests against the model without it (R's `drop1`), or
    /// nil when not asked for.
    public var termTests: TermTests? = nil
    /// The unit and outcome words of the text; the renderers set it from the input
    /// (``Reporting/ReportInput/wording``) before laying out the sections.
    public var wording = OutcomeWording()

    /// The name of the fitted model: `cox`, or the AFT distribution (the best one for `--dist all`).
    public var fittedModel: String { estimates.fittedModel }

    /// The number of rows used by the fit.
    public var n: Int { estimates.n }

    /// The number of events.
    public var events: Int { estimates.events }

    /// The confidence level of the intervals.
    public var confidenceLevel: Double { estimates.confidenceLevel }

    /// The number of clusters of the robust variance, `nil` without clusters.
    public var clusterCount: Int? { clusterColumn == nil ? nil : estimates.fit.clusterCount }

    /// The term name of design column `index`, or `x<index+1>` when the names are short.
    /// - Parameter index: The 0-based column.
    /// - Returns: The name.
    /// - Complexity: O(1).
    public func termName(_ index: Int) -> String {
        termNames.indices.contains(index) ? termNames[index] : "x\(index + 1)"
    }
}
