import DataIO
import DoseResponse
import Regression
import Reporting

/// `relief fit emax|sigemax` (a model that needs a dose column): the one-step Emax dose-response AFT, log T = log(E0 + Emax·d^h/(ED50^h + d^h))
/// + x'b + σW, with the fitted curve from dose 0 to the largest dose.
public struct EmaxFitRequest: AnalysisRequest {
    public var source: DataSource
    /// `emax` (h = 1) or `sigemax` (h estimated).
    public var model: ModelName
    /// The numeric dose column.
    public var doseColumn: String
    /// The other covariates (formula), cluster, distribution, confidence level.
    public var specification: ModelSpecification
    let fitter: RegressionFitter

    /// Points of the reported curve: 0 to the largest dose in 10 equal steps.
    static let curveSteps = 10

    /// Creates the request, parsing the formula.
    /// - Throws: `FormulaError`, ``AnalysisError``.
    public init(source: DataSource, model: ModelName, doseColumn: String, specification: ModelSpecification) throws {
        guard model.needsDose else {
            throw AnalysisError(.usage, "\(model) needs no dose column; fit it with FitRequest (relief fit \(model))")
        }
        self.source = source
        self.model = model
        self.doseColumn = doseColumn
        self.specification = specification
        self.fitter = try RegressionFitter(model: model, specification: specification, doseColumn: doseColumn)
    }

    public var covariates: [String] { fitter.covariates }

    /// `(start, stop]` rows: the likelihood conditional on survival to each row's entry.
    public var acceptsEntryTimes: Bool { true }

    public func check(_ source: DataSource) throws { try fitter.checkColumns(source) }

    public func compute(_ dataset: SurvivalDataset) throws -> (result: EmaxFitReport, warnings: [String]) {
        let (fitted, design, data) = try fitter.fitModel(dataset)
        guard let fit = fitted as? EmaxAFTFit else {
            throw AnalysisError(.usage, "the \(fitted.modelName) model has no dose-response curve to report")
        }
        let top = data.dose?.max() ?? 0
        let grid = (0...Self.curveSteps).map { top * Double($0) / Double(Self.curveSteps) }
        // The reported model's curve: the Emax curve, or the alternative's when ED50 is not identified.
        let curve = fit.identification.isIdentified ? fit.curvePoints(doses: grid)
            : fit.alternative?.curvePoints(doses: grid) ?? []
        var report = EmaxFitReport(
            fit: fit, doseColumn: doseColumn, formula: fitter.formula.text,
            referenceLevels: design.referenceLevels.sorted { $0.key < $1.key }.map { (column: $0.key, level: $0.value) },
            clusterColumn: design.clusterColumn, curve: curve)
        report.termTests = try termTests(fit, design: design, data: data)
        return (report, (fitter.leftOutWarning(dataset).map { [$0] } ?? []) + fit.warnings + (report.termTests?.warnings ?? []))
    }

    /// The per-term tests of the reported model: the Emax fit refitted without each covariate term, or,
    /// when ED50 is not identified, the alternative (``DoseTermAFT``) refitted without it. Dropping every
    /// covariate still leaves the dose curve, so the model without them is fitted too.
    func termTests(_ fit: EmaxAFTFit, design: DesignMatrix, data: RegressionData) throws -> TermTests? {
        let mode = specification.termTestMode(for: model)
        guard mode != .omitted, !design.terms.isEmpty else { return nil }
        let refits = mode == .likelihoodRatio
        if fit.identification.isIdentified {
            let model = refits ? try model.entry.make(specification.settings) : nil
            return TermTests(fit: fit, design: design, data: data, model: model, referenceLogLikelihood: nil)
        }
        guard let alternative = fit.alternative else { return nil }
        let model = DoseTermAFT(doseTerm: alternative.doseTerm,
                                model: ParametricAFT(distribution: fit.distribution, confidenceLevel: fit.confidenceLevel))
        return TermTests(fit: alternative.fit, design: design, data: data, model: refits ? model : nil, referenceLogLikelihood: nil)
    }

    public func render(
        _ result: EmaxFitReport, format: OutputFormat, input: ReportInput, provenance: Provenance, warnings: [String]
    ) -> String {
        EmaxFitRenderer(format: format).render(result, input: input, provenance: provenance, warnings: warnings)
    }
}
