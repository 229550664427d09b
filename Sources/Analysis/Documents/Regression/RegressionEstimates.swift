import Regression
import Reporting

/// How one kind of fitted survival regression presents itself in a ``RegressionResult``: its title and
/// model lines, its coefficient tables in every format, the ratio a forest plot shows, and the sentences
/// of the report's methods and of a schedule's assumptions.
///
/// A conformer claims the fits it knows (``init(fit:context:)``); ``RegressionResult/estimateTypes``
/// lists them, most specific first, and ends with ``ParameterEstimates``, which presents any
/// ``SurvivalRegressionFit`` by its parameters. A new model is therefore shown by `relief fit` without a
/// conformer; one is added only to present what is particular to it (hazard ratios, a scale, ...).
/// Conformers only lay out numbers the fit holds; they never compute a statistic.
public protocol RegressionEstimates: Sendable {
    /// Claims `fit` when it is of the kind this type presents.
    /// - Parameters:
    ///   - fit: The fit, as the registry's model returned it.
    ///   - context: The design and data it was fitted on, and what to add.
    /// - Returns: `nil` when the fit is not of this kind.
    init?(fit: any SurvivalRegressionFit, context: RegressionEstimatesContext)

    /// The fit.
    var fit: any SurvivalRegressionFit { get }
    /// The name of the fitted model: `cox`, or the AFT distribution (the best one for `--dist all`).
    var fittedModel: String { get }
    /// The model's warnings, in the order found.
    var warnings: [String] { get }
    /// The name of the ratio `exp(coef)`: `hazard_ratio`, `time_ratio`, or `nil` when the parameters are
    /// not log ratios.
    var ratioName: String? { get }
    /// The document title.
    var title: String { get }
    /// The first model line, e.g. `cox, efron ties`.
    var modelLine: String { get }
    /// The model lines of a document header: the model, formula, rows and events, strata, variance and
    /// the interval's level (the default is ``RegressionRenderer/modelLines(_:)``).
    func modelLines(_ result: RegressionResult) -> [(key: String, value: String)]
    /// The sentence a relief-coverage schedule states as its model assumption (`formula`: the model's;
    /// `words`: the unit and outcome words).
    func scheduleAssumption(formula: String, words: OutcomeWording) -> String
    /// The report's methods sentence for the model fitted with `formula`, and its ties method.
    func methods(formula: String, words: OutcomeWording) -> (model: String, ties: String?)
    /// The forest-plot rows: per term (intercept left out), the ratio and its confidence limits.
    func forestRows(_ result: RegressionResult) -> [ForestRows.Row]
    /// The sections after the warnings: the coefficient tables, the fit measures and tests (their words
    /// from ``RegressionResult/wording``).
    func sections(_ result: RegressionResult) -> [ReportDocument.Section]
    /// Adds the model's rows (after the input and `n`/`events` rows) to the tidy CSV table.
    func addRows(_ result: RegressionResult, to table: inout RegressionCSVRows)
    /// The JSON members after `strata` and `cluster`, in order.
    func jsonMembers(_ result: RegressionResult) -> [(key: String, value: JSONValue)]
}

extension RegressionEstimates {
    public func modelLines(_ result: RegressionResult) -> [(key: String, value: String)] {
        RegressionRenderer.modelLines(result)
    }

    public func scheduleAssumption(formula: String, words: OutcomeWording) -> String {
        "the interval is a covariate of the \(fittedModel) model (formula: \(formula)): coverage at interval I uses the "
            + "\(words.outcome) distribution fitted for episodes started by infusions every I \(words.units)"
    }

    /// The number of rows used by the fit.
    public var n: Int { fit.n }
    /// The number of events.
    public var events: Int { fit.events }
    /// The confidence level of the intervals.
    public var confidenceLevel: Double { fit.confidenceLevel }
}
