import DataIO
import Reporting

/// `relief fit cox|exponential|weibull|lognormal|loglogistic|aft`: Cox proportional-hazards or
/// parametric AFT regression, as R's `coxph`, `cox.zph` and `survreg`.
public struct FitRequest: AnalysisRequest {
    public var source: DataSource
    /// The model (not `emax`/`sigemax`: see ``EmaxFitRequest``).
    public var model: ModelName
    /// Formula, cluster, ties, references, distribution, confidence level.
    public var specification: ModelSpecification
    let fitter: RegressionFitter

    /// Creates the request, parsing the formula.
    /// - Throws: `FormulaError`, ``AnalysisError`` for a formula the model cannot use.
    public init(source: DataSource, model: ModelName, specification: ModelSpecification) throws {
        self.source = source
        self.model = model
        self.specification = specification
        self.fitter = try RegressionFitter(model: model, specification: specification)
    }

    /// The request that fits `model`: an ``EmaxFitRequest`` (with `doseColumn`) for a model with a dose
    /// role, else a ``FitRequest``.
    /// - Throws: What the request's initializer throws.
    public static func fitting(
        _ model: ModelName, source: DataSource, doseColumn: String, specification: ModelSpecification
    ) throws -> any AnalysisRequest {
        model.needsDose
            ? try EmaxFitRequest(source: source, model: model, doseColumn: doseColumn, specification: specification)
            : try FitRequest(source: source, model: model, specification: specification)
    }

    public var covariates: [String] { fitter.covariates }

    /// Models registered with ``SurvivalModelRequirements/allowsEntryTimes`` (Cox) take `(start, stop]` rows.
    public var acceptsEntryTimes: Bool { model.entry.requirements.allowsEntryTimes }

    public func check(_ source: DataSource) throws { try fitter.checkColumns(source) }

    /// The data formats, and svg and html for the forest plot of the ratios.
    public static var outputFormats: [OutputFormat] { OutputFormat.figureFormats }

    public func compute(_ dataset: SurvivalDataset) throws -> (result: RegressionResult, warnings: [String]) {
        let result = try fitter.fit(dataset).result
        return (result, result.warnings)
    }

    public func render(
        _ result: RegressionResult, format: OutputFormat, input: ReportInput, provenance: Provenance, warnings: [String]
    ) -> String {
        RegressionRenderer(format: format).render(result, input: input, provenance: provenance, warnings: warnings)
    }
}
