import Regression
import Reporting

/// Any fitted survival regression presented by its parameters (``SurvivalRegressionFit/waldTable``):
/// estimate, model-based and robust SE, z, p and interval on the estimation scale, the log-likelihoods,
/// information criteria and the tests the model reports. It claims every fit, so it comes last in
/// ``RegressionResult/estimateTypes``: a registered model is shown without a presentation of its own.
public struct ParameterEstimates: RegressionEstimates {
    /// The fit.
    public let fit: any SurvivalRegressionFit

    /// Presents `fit` by its parameters.
    /// - Parameter fit: The fit.
    public init(_ fit: any SurvivalRegressionFit) {
        self.fit = fit
    }

    /// Claims any fit.
    public init?(fit: any SurvivalRegressionFit, context: RegressionEstimatesContext) {
        self.init(fit)
    }

    public var fittedModel: String { fit.modelName }
    public var warnings: [String] { fit.warningMessages }
    public var ratioName: String? { nil }
    public var title: String { "\(fit.modelName) survival regression model" }
    public var modelLine: String { fit.modelName }

    public func methods(formula: String, words: OutcomeWording) -> (model: String, ties: String?) {
        ("\(fit.modelName) survival regression model of \(words.outcome) duration, formula \(formula)", nil)
    }

    /// None: the parameters are not log ratios.
    public func forestRows(_ result: RegressionResult) -> [ForestRows.Row] { [] }

    public func sections(_ result: RegressionResult) -> [ReportDocument.Section] {
        let robust = fit.robustVariance != nil
        let columns = RegressionRenderer.parameterColumns(robust: robust)
        let rows = fit.waldTable.map { row -> [ReportCell] in
            var cells: [ReportCell] = [.text(row.name), .number(row.estimate), .number(row.standardError)]
            if robust { cells.append(.number(row.robustStandardError)) }
            return cells + [.number(row.z), .number(row.pValue), .number(row.lower), .number(row.upper)]
        }
        let note = "lower, upper: \(Provenance.percent(fit.confidenceLevel)) Wald interval on the estimation scale"
            + (robust ? "; z, p and the interval use the robust SE." : ".")
        var measures: [[ReportCell]] = [[.text("log-likelihood (model)"), .number(fit.logLikelihood)]]
        if let reference = fit.referenceLogLikelihood {
            measures.insert([.text("log-likelihood (reference)"), .number(reference)], at: 0)
        }
        measures += [
            [.text("AIC"), .number(result.aic)], [.text("BIC"), .number(result.bic)],
            [.text("parameters"), .integer(fit.parameterCount)], [.text("iterations"), .integer(fit.iterations)],
            [.text("converged"), .text(fit.isConverged ? "yes" : "NO")],
        ]
        let tests = fit.tests.map { test -> [ReportCell] in
            [.text(test.kind.rawValue), .number(test.statistic), .integer(test.degreesOfFreedom), .number(test.pValue)]
        }
        return [
            ReportDocument.Section(
                heading: "Parameters", tables: [ReportTable(title: "", columns: columns, rows: rows, notes: [note])]),
            RegressionRenderer.fitSection(measures: measures, tests: tests, note: "The tests the model reports."),
        ]
    }

    public func addRows(_ result: RegressionResult, to table: inout RegressionCSVRows) {
        for row in fit.waldTable {
            table.add(
                "parameter", term: row.name, measure: "estimate", estimate: row.estimate, standardError: row.standardError,
                robust: row.robustStandardError, z: row.z, p: row.pValue, lower: row.lower, upper: row.upper)
        }
        table.addLikelihoods(
            logLikelihood: fit.logLikelihood, nullLogLikelihood: fit.referenceLogLikelihood, aic: result.aic, bic: result.bic)
        table.add("fit", measure: "iterations", count: fit.iterations)
        for test in fit.tests {
            table.add("test", measure: Self.key(test), estimate: test.statistic, p: test.pValue, df: test.degreesOfFreedom)
        }
    }

    public func jsonMembers(_ result: RegressionResult) -> [(key: String, value: JSONValue)] {
        let parameters = fit.waldTable.map { row -> JSONValue in
            .object([
                ("name", .string(row.name)), ("estimate", .optional(row.estimate)),
                ("std_error", .optional(row.standardError)), ("robust_std_error", .optional(row.robustStandardError)),
                ("z", .optional(row.z)), ("p_value", .optional(row.pValue)), ("lower", .optional(row.lower)),
                ("upper", .optional(row.upper)),
            ])
        }
        return [
            ("confidence_level", .optional(fit.confidenceLevel)),
            ("reference_levels", RegressionRenderer.referenceJSON(result)),
            ("parameters", .array(parameters)),
            ("log_likelihood", .optional(fit.logLikelihood)),
            ("null_log_likelihood", .optional(fit.referenceLogLikelihood)),
            ("aic", .optional(result.aic)),
            ("bic", .optional(result.bic)),
            ("iterations", .integer(fit.iterations)),
            ("converged", .bool(fit.isConverged)),
            ("tests", .object(fit.tests.map { (Self.key($0), RegressionRenderer.testJSON($0.statistic, $0.degreesOfFreedom, $0.pValue)) })),
        ]
    }

    /// A test's name as a JSON key or CSV measure: `likelihood_ratio`, `wald`, ...
    static func key(_ test: RegressionTest) -> String {
        test.kind.rawValue.split(separator: " ").joined(separator: "_")
    }
}
