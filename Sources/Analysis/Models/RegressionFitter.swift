import DataIO
import Foundation
import NumericCore
import Regression

/// The modelling step of `relief fit`, `relief predict`, `relief schedule` and the report: parses the formula, checks its columns
/// against the file's header, builds the design from the dataset and fits the Cox or AFT model(s).
struct RegressionFitter {
    let model: ModelName
    let specification: ModelSpecification
    let formula: Formula
    let referenceLevels: [String: String]

    /// Parses the formula and the reference levels.
    /// - Throws: `FormulaError` (shown with a caret), `DesignMatrixError` for a malformed `--ref`,
    ///   ``AnalysisError`` for a formula the model cannot use.
    init(model: ModelName, specification: ModelSpecification) throws {
        self.model = model
        self.specification = specification
        self.formula = try Formula(specification.formula)
        self.referenceLevels = specification.referenceLevels
        if model.isEmax {
            throw AnalysisError(.usage, "\(model.rawValue) is fitted by `relief fit \(model.rawValue) FILE --dose COLUMN --formula ...`; "
                    + "relief predict and relief schedule take exponential, weibull, lognormal or loglogistic")
        }
        if formula.isNull {
            throw AnalysisError(.usage, "--formula '\(specification.formula)' has no model terms. Give at least one column, e.g. --formula \"dose_mg_kg + interval_days\"")
        }
        if model.isParametric, !formula.strataColumns.isEmpty {
            throw AnalysisError(.usage, "strata(\(formula.strataColumns.joined(separator: ", "))) applies to Cox models only. "
                    + "For a \(model.rawValue) model put the column in as a term, or fit `relief fit cox`.")
        }
    }

    /// The columns to read besides time and event: the formula's and the cluster column.
    var covariates: [String] {
        var columns = formula.variables
        if let cluster = specification.cluster, !columns.contains(cluster) { columns.append(cluster) }
        return columns
    }

    /// Checks that every column the formula and `--cluster` name exists in the file, before reading it.
    /// - Parameter source: The data source.
    /// - Throws: `DataError` for the file, `FormulaError` (`.unknownColumn`, listing the columns) or
    ///   ``AnalysisError`` for an unknown cluster column.
    func checkColumns(_ source: DataSource) throws {
        let header = try source.header()
        try formula.checkColumns(header)
        if let cluster = specification.cluster, !header.contains(cluster) {
            throw AnalysisError(
                .usage,
                "no column '\(cluster)' (--cluster); the columns are "
                    + header.map { "'\($0)'" }.joined(separator: ", ") + ". Name an existing column with --cluster")
        }
    }

    /// The design of the formula on the dataset (intercept for AFT models, none for Cox).
    /// - Parameter dataset: The dataset read with ``covariates``.
    /// - Returns: The design matrix.
    /// - Throws: `DesignMatrixError`.
    func design(_ dataset: SurvivalDataset) throws(DesignMatrixError) -> DesignMatrix {
        try DesignMatrixBuilder(intercept: model.isParametric, referenceLevels: referenceLevels, clusterColumn: specification.cluster)
            .build(formula, data: dataset)
    }

    /// Fits the model.
    /// - Parameter dataset: The dataset read with ``covariates``.
    /// - Returns: The result and the design it was fitted on.
    /// - Throws: `DesignMatrixError`, `StatModelError`, ``AnalysisError`` for degenerate columns.
    func fit(_ dataset: SurvivalDataset) throws -> (result: RegressionResult, design: DesignMatrix) {
        let design = try design(dataset)
        let references = design.referenceLevels.sorted { $0.key < $1.key }.map { (column: $0.key, level: $0.value) }
        if model == .cox {
            let spec = CoxPH(
                ties: specification.ties ?? .efron, confidenceLevel: specification.confidenceLevel,
                termNames: design.termNames)
            let fit = try spec.fit(
                x: design.x, time: dataset.time, event: dataset.event, strata: design.strata, cluster: design.cluster)
            var warnings = fit.warningMessages
            var zph: CoxZPHResult?
            if specification.testsProportionalHazards {
                do {
                    zph = try CoxZPH().test(fit, x: design.x, time: dataset.time, event: dataset.event, strata: design.strata)
                } catch {
                    warnings.append("the proportional-hazards test (cox.zph) is not available: \(error)")
                }
            }
            // R's AIC(coxph) and BIC(coxph) (n = events), computed by the fit.
            let result = RegressionResult(
                model: model.rawValue, formula: formula.text, termNames: design.termNames, referenceLevels: references,
                strataColumns: formula.strataColumns, clusterColumn: design.clusterColumn,
                estimates: .cox(fit, proportionalHazards: zph), aic: fit.aic, bic: fit.bic, warnings: warnings)
            return (result, design)
        }
        try checkDegenerate(design)
        let distributions = specification.distributions(model: model)
        let spec = ParametricAFT(confidenceLevel: specification.confidenceLevel)
        let fits: [AFTFit]
        if distributions.count > 1 {
            fits = try spec.compareDistributions(distributions, x: design.x, time: dataset.time, event: dataset.event, cluster: design.cluster)
        } else {
            var single = spec
            single.distribution = distributions.first ?? .weibull
            fits = [try single.fit(x: design.x, time: dataset.time, event: dataset.event, cluster: design.cluster)]
        }
        guard let best = fits.first else {
            throw AnalysisError(.usage, "no distribution to fit; give --dist")
        }
        var warnings = best.warnings.map { "\(best.distribution.name): \($0)" }
        for other in fits.dropFirst() { warnings += other.warnings.map { "\(other.distribution.name): \($0)" } }
        let result = RegressionResult(
            model: model.rawValue, formula: formula.text, termNames: design.termNames, referenceLevels: references,
            strataColumns: [], clusterColumn: design.clusterColumn,
            estimates: .aft(best, comparison: fits.count > 1 ? fits : []), aic: best.aic, bic: best.bic,
            warnings: warnings)
        return (result, design)
    }

    /// Refuses constant and collinear design columns by name (R would report their coefficients as NA).
    func checkDegenerate(_ design: DesignMatrix) throws {
        let degenerate = try DegenerateColumns(design.x)
        guard !degenerate.isEmpty else { return }
        func names(_ indices: [Int]) -> String {
            indices.map { design.termNames.indices.contains($0) ? "'\(design.termNames[$0])'" : "column \($0 + 1)" }
                .joined(separator: ", ")
        }
        var parts: [String] = []
        if !degenerate.constant.isEmpty { parts.append("constant column(s) \(names(degenerate.constant))") }
        if !degenerate.collinear.isEmpty {
            parts.append("column(s) \(names(degenerate.collinear)) collinear with earlier columns")
        }
        throw AnalysisError(.badData, "the design has " + parts.joined(separator: " and ")
                + "; their coefficients are not estimable. Drop or merge those terms (or check the rows used).")
    }
}
