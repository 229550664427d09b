import Analysis
import ArgumentParser
import DataIO
import DoseResponse
import Foundation
import Regression

/// `relief fit emax|sigemax FILE --dose COLUMN --formula ... --dist NAME`: the one-step, censoring-aware
/// Emax dose-response AFT (``EmaxAFT``). The formula gives the other covariates; their design has NO
/// intercept (E0 plays its role), built by `DesignMatrixBuilder(intercept: false)` with the usual factor
/// coding.
struct EmaxFitter {
    var model: ModelName
    var file: String
    var doseColumn: String
    var options: ModelOptions
    var columns: ColumnOptions
    var csv: CSVOptions
    var output: OutputOptions

    /// Points of the reported curve: 0 to the largest dose in 10 equal steps.
    static let curveSteps = 10

    /// The parsed formula, reference levels and the columns to read, after checking them against the
    /// file's header.
    /// - Throws: `FormulaError`, `DesignMatrixError`, `DataError`, ``ModelCommandError``.
    func prepare() throws -> (formula: Formula, referenceLevels: [String: String], covariates: [String]) {
        let formula = try Formula(options.formula)
        let referenceLevels = try options.referenceLevels()
        if formula.termColumns.contains(doseColumn) {
            throw ModelCommandError(
                kind: .usage,
                message: "--formula uses the dose column '\(doseColumn)', which the Emax curve already carries. "
                    + "Drop it from --formula (give only the other covariates)")
        }
        if !formula.strataColumns.isEmpty {
            throw ModelCommandError(kind: .usage, message: "strata() applies to Cox models only; put the column in as a term")
        }
        let header = try SurvivalDatasetReader(dialect: csv.dialect, roles: ColumnRoles()).header(path: file)
        try formula.checkColumns(header)
        for (option, column) in [("--dose", doseColumn), ("--cluster", options.cluster ?? doseColumn)] where !header.contains(column) {
            throw ModelCommandError(
                kind: .usage,
                message: "no column '\(column)' (\(option)); the columns are "
                    + header.map { "'\($0)'" }.joined(separator: ", ") + ". Name an existing column with \(option)")
        }
        var covariates = [doseColumn] + formula.variables.filter { $0 != doseColumn }
        if let cluster = options.cluster, !covariates.contains(cluster) { covariates.append(cluster) }
        return (formula, referenceLevels, covariates)
    }

    /// Builds the covariate design (no intercept) and fits the Emax AFT.
    /// - Parameters:
    ///   - dataset: The dataset read with the covariates of ``prepare()``.
    ///   - formula: The covariate formula.
    ///   - referenceLevels: Factor reference levels.
    /// - Returns: The fit, the design and the doses.
    /// - Throws: `DesignMatrixError`, `StatModelError`, ``ModelCommandError``.
    func fit(_ dataset: SurvivalDataset, formula: Formula, referenceLevels: [String: String]) throws
        -> (fit: EmaxAFTFit, design: DesignMatrix, dose: [Double]) {
        guard let dose = dataset.covariates.first(where: { $0.name == doseColumn })?.numericValues else {
            throw ModelCommandError(kind: .badData, message: "column '\(doseColumn)' (--dose) holds text; it must be numeric")
        }
        let design = try DesignMatrixBuilder(
            intercept: false, referenceLevels: referenceLevels, clusterColumn: options.cluster
        ).build(formula, data: dataset)
        let spec = EmaxAFT(
            curve: model == .sigemax ? .sigmoidEmax : .emax, distribution: options.distributions(model: model).first ?? .weibull,
            confidenceLevel: options.confLevel)
        let fit = try spec.fit(
            dose: dose, x: design.x, time: dataset.time, event: dataset.event, cluster: design.cluster,
            termNames: design.termNames)
        return (fit, design, dose)
    }

    /// Reads, fits and renders, reporting errors as the other model commands do.
    func run() throws {
        try ModelFailure.run {
            let (formula, referenceLevels, covariates) = try prepare()
            var numberOptions = options.provenanceOptions(model: model)
            numberOptions.append(("dose", doseColumn))
            let pipeline = AnalysisPipeline(
                file: file, columns: columns, csv: csv, output: output, numberOptions: numberOptions, covariates: covariates)
            try pipeline.run(
                fit: { dataset in
                    let (fit, design, dose) = try self.fit(dataset, formula: formula, referenceLevels: referenceLevels)
                    let top = dose.max() ?? 0
                    let grid = (0...Self.curveSteps).map { top * Double($0) / Double(Self.curveSteps) }
                    let report = EmaxFitReport(
                        fit: fit, doseColumn: doseColumn, formula: formula.text,
                        referenceLevels: design.referenceLevels.sorted { $0.key < $1.key }.map { (column: $0.key, level: $0.value) },
                        clusterColumn: design.clusterColumn, curve: fit.curvePoints(doses: grid))
                    return (report, fit.warnings)
                },
                render: { result, input, provenance, warnings in
                    EmaxFitRenderer(format: output.format.format).render(
                        result, input: input, provenance: provenance, warnings: warnings)
                })
        }
    }
}
