import DoseResponse
import Regression
import Reporting

/// A one-step Emax (or sigmoid-Emax) AFT fit in a ``RegressionResult``: presented by its parameters
/// (``ParameterEstimates``), with the model line and schedule assumption that name its dose curve.
/// (`relief fit emax` has its own report, ``EmaxFitReport``, with ED50 and the curve.)
public struct EmaxEstimates: RegressionEstimates {
    /// The fit.
    public let emax: EmaxAFTFit
    /// The dose column the curve acts through.
    public let doseColumn: String
    /// The parameter presentation.
    let parameters: ParameterEstimates

    /// Claims an ``EmaxAFTFit``.
    public init?(fit: any SurvivalRegressionFit, context: RegressionEstimatesContext) {
        guard let emax = fit as? EmaxAFTFit else { return nil }
        self.emax = emax
        self.doseColumn = context.doseColumn ?? "dose"
        self.parameters = ParameterEstimates(emax)
    }

    public var fit: any SurvivalRegressionFit { emax }
    public var fittedModel: String { emax.curve.rawValue }
    public var warnings: [String] { emax.warnings }
    public var ratioName: String? { nil }
    public var title: String { "\(emax.curve.rawValue) accelerated failure time model" }
    public var modelLine: String { "\(emax.curve.rawValue) AFT, \(emax.distribution.name) errors (dose: \(doseColumn))" }

    /// The model, formula, rows and events, and the variance when clustered.
    public func modelLines(_ result: RegressionResult) -> [(key: String, value: String)] {
        var lines: [(key: String, value: String)] = [
            ("model", modelLine), ("formula", result.formula), ("n", "\(emax.n) rows, \(emax.events) events"),
        ]
        if let column = result.clusterColumn { lines.append(("variance", "robust (sandwich), clustered by \(column)")) }
        return lines
    }

    public func scheduleAssumption(formula: String, words: OutcomeWording) -> String {
        "the dose acts through the fitted \(emax.curve.rawValue) curve and the interval is a covariate "
            + "of the \(emax.distribution.name) Emax AFT (covariates: \(formula)): coverage at interval I "
            + "uses the \(words.outcome) distribution fitted for episodes started by infusions every I \(words.units)"
    }

    public func methods(formula: String, words: OutcomeWording) -> (model: String, ties: String?) {
        (
            "one-step \(emax.curve.rawValue) accelerated failure time model (\(emax.distribution.name) errors) with the dose "
                + "\(doseColumn) acting through the curve, covariates \(formula)",
            nil
        )
    }

    public func forestRows(_ result: RegressionResult) -> [ForestRows.Row] { [] }

    public func sections(_ result: RegressionResult) -> [ReportDocument.Section] { parameters.sections(result) }

    public func addRows(_ result: RegressionResult, to table: inout RegressionCSVRows) {
        parameters.addRows(result, to: &table)
    }

    public func jsonMembers(_ result: RegressionResult) -> [(key: String, value: JSONValue)] {
        [("distribution", .string(emax.distribution.name))] + parameters.jsonMembers(result)
    }
}
