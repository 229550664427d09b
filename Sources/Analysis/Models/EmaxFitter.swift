import DataIO
import DoseResponse
import Foundation
import Regression

/// The modelling step of `relief fit emax|sigemax` and `relief schedule --model emax|sigemax`: the
/// one-step, censoring-aware Emax dose-response AFT (``EmaxAFT``). The formula gives the other
/// covariates; their design has NO intercept (E0 plays its role), built by
/// `DesignMatrixBuilder(intercept: false)` with the usual factor coding.
struct EmaxFitter {
    /// `emax` or `sigemax`.
    var model: ModelName
    /// The dose column.
    var doseColumn: String
    /// Formula (other covariates), cluster, distribution, confidence level.
    var specification: ModelSpecification
    /// The parsed covariate formula.
    let formula: Formula

    /// Parses the formula and checks it leaves the dose to the curve.
    /// - Throws: `FormulaError`, ``AnalysisError``.
    init(model: ModelName, doseColumn: String, specification: ModelSpecification) throws {
        self.model = model
        self.doseColumn = doseColumn
        self.specification = specification
        self.formula = try Formula(specification.formula)
        if formula.termColumns.contains(doseColumn) {
            throw AnalysisError(
                .usage,
                "--formula uses the dose column '\(doseColumn)', which the Emax curve already carries. "
                    + "Drop it from --formula (give only the other covariates)")
        }
        if !formula.strataColumns.isEmpty {
            throw AnalysisError(.usage, "strata() applies to Cox models only; put the column in as a term")
        }
    }

    /// The columns to read: the dose, the formula's variables and the cluster column.
    var covariates: [String] {
        var covariates = [doseColumn] + formula.variables.filter { $0 != doseColumn }
        if let cluster = specification.cluster, !covariates.contains(cluster) { covariates.append(cluster) }
        return covariates
    }

    /// Checks the formula, dose and cluster columns against the file's header.
    /// - Throws: `DataError`, `FormulaError`, ``AnalysisError``.
    func checkColumns(_ source: DataSource) throws {
        let header = try source.header()
        try formula.checkColumns(header)
        for (option, column) in [("--dose", doseColumn), ("--cluster", specification.cluster ?? doseColumn)]
        where !header.contains(column) {
            throw AnalysisError(
                .usage,
                "no column '\(column)' (\(option)); the columns are "
                    + header.map { "'\($0)'" }.joined(separator: ", ") + ". Name an existing column with \(option)")
        }
    }

    /// Builds the covariate design (no intercept) and fits the Emax AFT.
    /// - Parameter dataset: The dataset read with ``covariates``.
    /// - Returns: The fit, the design and the doses.
    /// - Throws: `DesignMatrixError`, `StatModelError`, ``AnalysisError``.
    func fit(_ dataset: SurvivalDataset) throws -> (fit: EmaxAFTFit, design: DesignMatrix, dose: [Double]) {
        guard let dose = dataset.covariates.first(where: { $0.name == doseColumn })?.numericValues else {
            throw AnalysisError(.badData, "column '\(doseColumn)' (--dose) holds text; it must be numeric")
        }
        let design = try DesignMatrixBuilder(
            intercept: false, referenceLevels: specification.referenceLevels, clusterColumn: specification.cluster
        ).build(formula, data: dataset)
        let spec = EmaxAFT(
            curve: model == .sigemax ? .sigmoidEmax : .emax,
            distribution: specification.distributions(model: model).first ?? .weibull,
            confidenceLevel: specification.confidenceLevel)
        let fit = try spec.fit(
            dose: dose, x: design.x, time: dataset.time, event: dataset.event, cluster: design.cluster,
            termNames: design.termNames)
        return (fit, design, dose)
    }
}
