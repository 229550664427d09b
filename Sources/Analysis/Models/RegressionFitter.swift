import DataIO
import DoseResponse
import Foundation
import NumericCore
import Regression

/// The modelling step of every job that fits a model (`relief fit`, `predict`, `schedule`, the report):
/// parses the formula, checks it and the columns against what the registered model needs, builds the
/// design and fits the model through the ``SurvivalModelRegistry`` entry. Nothing here depends on the
/// model's name: the entry's requirements decide the design (intercept), the dose column and strata.
struct RegressionFitter: Sendable {
    let model: ModelName
    let specification: ModelSpecification
    let formula: Formula
    /// The dose column, for models that need one (``ModelName/needsDose``).
    let doseColumn: String?

    var requirements: SurvivalModelRequirements { model.entry.requirements }

    /// Parses the formula and checks it against the model.
    /// - Throws: `FormulaError` (shown with a caret), ``AnalysisError`` for a formula or dose the model
    ///   cannot use.
    init(model: ModelName, specification: ModelSpecification, doseColumn: String? = nil) throws {
        self.model = model
        self.specification = specification
        self.formula = try Formula(specification.formula)
        self.doseColumn = doseColumn
        let requirements = model.entry.requirements
        if let distribution = specification.frailtyDistribution, formula.frailtyColumn == nil {
            throw AnalysisError(
                .usage, "--frailty-distribution \(distribution.rawValue) needs a frailty(column) term in --formula, "
                    + "e.g. --formula \"dose_group + interval_days + frailty(patient_id)\"")
        }
        if let nodes = specification.quadratureNodes {
            guard formula.frailtyColumn != nil, requirements.allowsFrailty, requirements.intercept else {
                throw AnalysisError(
                    .usage, "--quadrature-nodes applies to weibull, lognormal and loglogistic fits with frailty(column) in --formula")
            }
            if specification.frailtyDistribution == .gamma {
                throw AnalysisError(
                    .usage, "--quadrature-nodes applies to the normal random intercept; the gamma frailty's likelihood is "
                        + "closed form. Drop --quadrature-nodes")
            }
            guard nodes >= 1, nodes <= GaussHermite.maximumNodes else {
                throw AnalysisError(.usage, "--quadrature-nodes \(nodes): use 1 (Laplace) to \(GaussHermite.maximumNodes), e.g. 9")
            }
        }
        try specification.checkEstimation(for: model, formula: formula)
        if let weights = specification.weights { try Self.checkWeights(weights, model: model, frailty: formula.frailtyColumn) }
        if let column = formula.frailtyColumn {
            guard requirements.allowsFrailty else {
                throw AnalysisError(
                    .usage,
                    "frailty(\(column)) applies to `relief fit cox`, weibull, lognormal and loglogistic only; the \(model) "
                        + "model with a random effect per patient is not built. Fit one of those with "
                        + "--formula \"... + frailty(\(column))\", or use cluster(\(column)) for robust standard errors")
            }
            if let distribution = specification.frailtyDistribution, !requirements.frailtyDistributions.contains(distribution) {
                throw AnalysisError(
                    .usage,
                    "--frailty-distribution \(distribution.rawValue) is not built for \(model); its frailty(\(column)) takes "
                        + requirements.frailtyDistributions.map(\.rawValue).joined(separator: " or ")
                        + ". Drop --frailty-distribution")
            }
            if specification.cluster == column {
                throw AnalysisError(
                    .usage,
                    "--cluster \(column) and frailty(\(column)) name the same column: frailty() models the patient "
                        + "effect itself. Drop --cluster, or drop frailty() for robust SEs only")
            }
        }
        if requirements.needsDose {
            guard let doseColumn else {
                throw AnalysisError(.usage, "\(model) is fitted by `relief fit \(model) FILE --dose COLUMN --formula ...`; "
                        + "relief predict and relief schedule take exponential, weibull, lognormal or loglogistic")
            }
            if formula.termColumns.contains(doseColumn) {
                throw AnalysisError(
                    .usage,
                    "--formula uses the dose column '\(doseColumn)', which the Emax curve already carries. "
                        + "Drop it from --formula (give only the other covariates)")
            }
            if !formula.strataColumns.isEmpty {
                throw AnalysisError(.usage, "strata() applies to Cox models only; put the column in as a term")
            }
            return
        }
        if formula.isNull {
            throw AnalysisError(.usage, "--formula '\(specification.formula)' has no model terms. Give at least one column, e.g. --formula \"dose_mg_kg + interval_days\"")
        }
        if !requirements.allowsStrata, !formula.strataColumns.isEmpty {
            throw AnalysisError(.usage, "strata(\(formula.strataColumns.joined(separator: ", "))) applies to Cox models only. "
                    + "For a \(model) model put the column in as a term, or fit `relief fit cox`.")
        }
    }

    /// Refuses `--weights` for a model whose registry entry takes no case weights (with or without its `frailty()`
    /// term), naming the models that do (``SurvivalModelRequirements/takesWeights``).
    /// - Throws: ``AnalysisError`` (usage).
    static func checkWeights(_ column: String, model: ModelName, frailty: String?) throws {
        let requirements = model.entry.requirements
        if !requirements.takesWeights {
            let takers = ModelName.all.filter { $0.entry.requirements.takesWeights }.map(\.rawValue)
            throw AnalysisError(
                .usage, "--weights \(column) is not built for \(model); case weights (R's coxph/survreg(..., weights =)) apply to "
                    + takers.joined(separator: ", ") + ". Drop --weights, or fit one of those")
        }
        if let frailty, requirements.allowsFrailty, !requirements.allowsWeightsWithFrailty {
            let takers = ModelName.all.filter { $0.entry.requirements.allowsWeightsWithFrailty }.map { "`relief fit \($0)`" }
            throw AnalysisError(
                .usage, "--weights \(column) with frailty(\(frailty)) is not built for \(model) (its frailty likelihood takes no "
                    + "case weights); case weights with frailty() apply to " + takers.joined(separator: ", ") + ". Drop --weights, "
                    + "or drop frailty(\(frailty)) and use cluster(\(frailty)) for robust SEs of the weighted fit")
        }
    }

    /// The columns to read besides time and event: the dose, the formula's, the cluster and the weight column.
    var covariates: [String] {
        var columns = formula.variables
        if let doseColumn, requirements.needsDose { columns = [doseColumn] + columns.filter { $0 != doseColumn } }
        for column in [specification.cluster, specification.weights].compactMap({ $0 }) where !columns.contains(column) {
            columns.append(column)
        }
        return columns
    }

    /// Checks that every column the formula, the dose, `--cluster` and `--weights` name exists, before reading.
    /// - Throws: `DataError`, `FormulaError` (`.unknownColumn`, listing the columns), ``AnalysisError``.
    func checkColumns(_ source: DataSource) throws {
        let header = try source.header()
        try formula.checkColumns(header)
        var named: [(option: String, column: String)] = []
        if let doseColumn, requirements.needsDose { named.append(("--dose", doseColumn)) }
        if let cluster = specification.cluster { named.append(("--cluster", cluster)) }
        if let weights = specification.weights { named.append(("--weights", weights)) }
        for (option, column) in named where !header.contains(column) {
            throw AnalysisError(
                .usage,
                "no column '\(column)' (\(option)); the columns are "
                    + header.map { "'\($0)'" }.joined(separator: ", ") + ". Name an existing column with \(option)")
        }
    }

    /// The design of the formula on the dataset (with the intercept when the model wants it).
    func design(_ dataset: SurvivalDataset) throws(DesignMatrixError) -> DesignMatrix {
        try DesignMatrixBuilder(
            intercept: requirements.intercept, referenceLevels: specification.referenceLevels,
            clusterColumn: specification.cluster, maximumColumns: specification.maximumColumns
        ).build(formula, data: dataset)
    }

    /// Fits the registered model.
    /// - Parameters:
    ///   - dataset: The dataset read with ``covariates``.
    ///   - releasingDesign: Hand the fit the only copy of the design matrix
    ///     (``SurvivalRegressionModel/fit(releasing:)``): the design and data returned then hold no matrix
    ///     (`rows × 0`), for a caller that reads no design column after the fit.
    /// - Returns: The fit, the design it was fitted on and the doses (for models that need them).
    /// - Throws: `DesignMatrixError`, `StatModelError`, ``AnalysisError``.
    func fitModel(_ dataset: SurvivalDataset, releasingDesign: Bool = false)
        throws -> (fit: any SurvivalRegressionFit, design: DesignMatrix, data: RegressionData)
    {
        let dataset = usable(dataset)
        var dose: [Double]?
        if let doseColumn, requirements.needsDose {
            guard let values = dataset.covariates.first(where: { $0.name == doseColumn })?.numericValues else {
                throw AnalysisError(.badData, "column '\(doseColumn)' (--dose) holds text; it must be numeric")
            }
            dose = values
        }
        if let column = formula.frailtyColumn, dataset.start != nil, !requirements.allowsFrailtyWithEntryTimes {
            throw AnalysisError(
                .usage,
                "frailty(\(column)) with entry times (--start, counting-process rows) is not built yet; fit one row per "
                    + "episode (gap times), or use cluster(\(column)) for robust SEs with --start")
        }
        var design = try design(dataset)
        try dataset.checkNoOverlappingIntervals(separate: design.strata)
        if requirements.intercept { try checkDegenerate(design) }
        let configured = try model.entry.make(specification.settings(for: model))
        var data = RegressionData(design: design, time: dataset.time, event: dataset.event, dose: dose, start: dataset.start)
        if let column = specification.weights {
            guard let covariate = dataset.covariate(named: column), let values = covariate.numericValues else {
                throw DataError(.badData, file: dataset.source.file, column: column,
                                columnNumber: dataset.covariate(named: column)?.columnNumber,
                                message: "the --weights column holds text", hint: "name a column of numbers above 0")
            }
            if let row = values.firstIndex(where: { !($0.isFinite && $0 > 0) }) {
                throw DataError(
                    .badData, file: dataset.source.file, line: dataset.rowLines.indices.contains(row) ? dataset.rowLines[row] : nil,
                    column: column, columnNumber: covariate.columnNumber,
                    message: "case weight \(values[row]) (--weights) is not a number above 0",
                    hint: "give every row a weight > 0, or leave the row out of the file instead of weighting it 0")
            }
            data.weights = values
        }
        guard releasingDesign else { return (try configured.fit(data), design, data) }
        _ = design.takeMatrix()
        let given = data
        data.x = Matrix(rows: data.x.rows, columns: 0)
        return (try configured.fit(releasing: consume given), design, data)
    }

    /// Whether ``fit(_:)`` reads a design column after the fit: `cox.zph`, likelihood-ratio refits, and the
    /// frailty models' reference profiles and spreads do; without them the fit may release the design.
    var readsDesignAfterFit: Bool {
        specification.testsProportionalHazards || formula.frailtyColumn != nil
            || specification.termTestMode(for: model) == .likelihoodRatio
    }

    /// Fits the model and collects what `relief fit` reports.
    /// - Parameter dataset: The dataset read with ``covariates``.
    /// - Returns: The result and the design it was fitted on.
    /// - Throws: `DesignMatrixError`, `StatModelError`, ``AnalysisError``.
    func fit(_ dataset: SurvivalDataset) throws -> (result: RegressionResult, design: DesignMatrix) {
        let (fit, design, data) = try fitModel(dataset, releasingDesign: !readsDesignAfterFit)
        var result = result(fit, design: design, dataset: dataset, data: data)
        if specification.termTestMode(for: model) != .omitted {
            result.termTests = try termTests(fit, design: design, data: data)
            result.warnings += result.termTests?.warnings ?? []
        }
        return (result, design)
    }

    /// The per-term tests of a fit; the likelihood-ratio refits use the registered model of the fitted
    /// family (for `aft --dist all`, the best family).
    func termTests(_ fit: any SurvivalRegressionFit, design: DesignMatrix, data: RegressionData) throws -> TermTests {
        var refit: (any SurvivalRegressionModel)?
        // A penalised fit (the frailty Cox model) has Wald tests on fit$var only; a random-intercept AFT
        // refits each reduced model with its random intercept (marginal likelihoods).
        if specification.termTestMode(for: model) == .likelihoodRatio, fit.supportsLikelihoodRatioTests {
            refit = try ModelName.registry.entry(named: fit.modelName).make(specification.settings(for: model))
        }
        return TermTests(fit: fit, design: design, data: data, model: refit)
    }

    /// The rows the model can use: without durations of 0 when it works on log(time).
    func usable(_ dataset: SurvivalDataset) -> SurvivalDataset {
        guard requirements.positiveTimes else { return dataset }
        return dataset.removingRows(column: nil, reason: "duration 0 (the model needs times > 0)") { dataset.time[$0] <= 0 }
    }

    /// The warning of the rows ``usable(_:)`` leaves out, or `nil`.
    func leftOutWarning(_ dataset: SurvivalDataset) -> String? {
        guard requirements.positiveTimes else { return nil }
        let lines = dataset.zeroDurationLines
        guard !lines.isEmpty else { return nil }
        return "\(lines.count) \(lines.count == 1 ? "row" : "rows") with a duration of 0 (\(DataSource.lineList(lines))) "
            + "left out of the \(model.rawValue) fit: it models log(time), which needs times > 0"
    }

    /// The presentation of a fit of this model (``RegressionResult``).
    /// - Parameters:
    ///   - fit: The fit.
    ///   - design: The design it was fitted on.
    ///   - dataset: The data.
    ///   - data: The model's data (the fitted rows).
    /// - Returns: The result.
    func result(_ fit: any SurvivalRegressionFit, design: DesignMatrix, dataset: SurvivalDataset, data: RegressionData) -> RegressionResult {
        let context = RegressionEstimatesContext(
            design: design, dataset: dataset, doseColumn: requirements.needsDose ? doseColumn : nil,
            testsProportionalHazards: specification.testsProportionalHazards, data: data)
        var result = RegressionResult(fit: fit, model: model.rawValue, formula: formula, context: context)
        if let column = specification.weights, let weights = data.weights {
            result.caseWeights = CaseWeightsSummary(
                column: column, weights: weights, robust: fit.robustVariance != nil, clustered: design.clusterColumn != nil,
                penalised: formula.frailtyColumn != nil)
        }
        if let warning = leftOutWarning(dataset) { result.warnings.insert(warning, at: 0) }
        return result
    }

    /// The relief-coverage model of a fit of this model, `fixed` holding every term column other than dose
    /// and interval.
    /// - Throws: `MaintenanceScheduleError` for a model without restricted means or a column mismatch.
    func coverageModel(
        _ fitted: (fit: any SurvivalRegressionFit, design: DesignMatrix, data: RegressionData), doseColumn: String,
        intervalColumn: String, fixed: [ProfileSetting]
    ) throws -> RegressionCoverageModel {
        try RegressionCoverageModel(
            fit: fitted.fit, coding: fitted.design.coding, doseColumn: doseColumn, intervalColumn: intervalColumn,
            fixed: fixed, data: fitted.data)
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
        throw AnalysisError(
            .badData,
            "the design has " + parts.joined(separator: " and ")
                + "; their coefficients are not estimable. Drop or merge those terms (or check the rows used).")
    }
}
