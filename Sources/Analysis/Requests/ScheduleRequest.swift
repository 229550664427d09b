import DataIO
import DoseResponse
import Foundation
import Regression
import Reporting

/// `relief schedule`: at each dose, how often to infuse to keep the patient in relief. Fits a parametric
/// model (or the one-step Emax AFT) whose formula holds the dose and interval columns, then reports the
/// relief coverage RMST(I)/I per dose × interval with a delta-method CI, and per dose the longest
/// interval reaching the target.
public struct ScheduleRequest: AnalysisRequest {
    public var source: DataSource
    /// exponential, weibull, lognormal, loglogistic, emax or sigemax.
    public var model: ModelName
    /// Formula, cluster, distribution (emax), confidence level.
    public var specification: ModelSpecification
    /// The dose grid.
    public var doses: [Double]
    /// The interval grid (days).
    public var intervals: [Double]
    /// Wanted coverage, strictly between 0 and 1.
    public var target: Double
    /// The dose column of the formula (or of the Emax curve).
    public var doseColumn: String
    /// The interval column of the formula.
    public var intervalColumn: String
    /// One value for every other formula column.
    public var settings: [ProfileSetting]
    /// Whether to solve the crossing interval between grid points.
    public var solvesContinuously: Bool
    let fitter: RegressionFitter

    /// Creates the request and checks the columns against the formula before any data are read.
    /// - Throws: `FormulaError`, `DesignMatrixError`, ``AnalysisError``.
    public init(
        source: DataSource, model: ModelName, specification: ModelSpecification, doses: [Double], intervals: [Double],
        target: Double = 0.8, doseColumn: String = "dose_mg_kg", intervalColumn: String = "interval_days",
        settings: [ProfileSetting] = [], solvesContinuously: Bool = true
    ) throws {
        guard model.entry.capabilities.drivesCoverageSchedule else {
            throw AnalysisError(.usage, "--model '\(model)': use " + Self.models.map(\.rawValue).joined(separator: ", "))
        }
        self.source = source
        self.model = model
        self.specification = specification
        self.doses = doses
        self.intervals = intervals
        self.target = target
        self.doseColumn = doseColumn
        self.intervalColumn = intervalColumn
        self.settings = settings
        self.solvesContinuously = solvesContinuously
        do {
            fitter = try RegressionFitter(model: model, specification: specification, doseColumn: doseColumn)
            if model.needsDose {
                try EmaxCoverageModel.checkColumns(
                    formula: fitter.formula, doseColumn: doseColumn, intervalColumn: intervalColumn, fixed: settings)
            } else {
                try AFTCoverageModel.checkColumns(
                    formula: fitter.formula, doseColumn: doseColumn, intervalColumn: intervalColumn, fixed: settings)
            }
        } catch let error as MaintenanceScheduleError {
            throw Self.translate(error)
        }
    }

    /// The registered models that can drive a schedule (`aft` fits the family of the specification).
    public static var models: [ModelName] {
        ModelName.all.filter { $0.entry.capabilities.drivesCoverageSchedule }
    }

    public var covariates: [String] { fitter.covariates }

    public func check(_ source: DataSource) throws { try fitter.checkColumns(source) }

    public func compute(_ dataset: SurvivalDataset) throws -> (result: ScheduleReport, warnings: [String]) {
        do {
            let (fit, design, _) = try fitter.fitModel(dataset)
            let coverageModel = try MaintenanceSchedule.coverageModel(
                for: fit, coding: design.coding, doseColumn: doseColumn, intervalColumn: intervalColumn, fixed: settings)
            if let emax = fit as? EmaxAFTFit {
                return try emaxReport(emax, design: design, coverageModel: coverageModel, dataset: dataset)
            }
            let regression = try RegressionResult(
                fit: fit, model: model.rawValue, formula: fitter.formula, design: design, dataset: dataset,
                testsProportionalHazards: false)
            let family = (fit as? AFTFit)?.distribution.name ?? model.rawValue
            let schedule = try schedule(dataset).compute(
                coverageModel,
                modelAssumption: "the interval is a covariate of the \(family) model "
                    + "(formula: \(regression.formula)): coverage at interval I uses the relief distribution "
                    + "fitted for episodes started by infusions every I days")
            return (ScheduleReport(regression: regression, schedule: schedule), regression.warnings + schedule.warnings)
        } catch let error as MaintenanceScheduleError {
            throw Self.translate(error)
        }
    }

    public func render(
        _ result: ScheduleReport, format: OutputFormat, input: ReportInput, provenance: Provenance, warnings: [String]
    ) -> String {
        ScheduleRenderer(format: format).render(result, input: input, provenance: provenance, warnings: warnings)
    }

    /// The schedule grid on `dataset`, with the observed dose and interval ranges.
    func schedule(_ dataset: SurvivalDataset) -> MaintenanceSchedule {
        MaintenanceSchedule(
            doses: doses, intervals: intervals, target: target, confidenceLevel: specification.confidenceLevel,
            solvesContinuously: solvesContinuously, observedDoses: Self.range(dataset, column: doseColumn),
            observedIntervals: Self.range(dataset, column: intervalColumn))
    }

    /// The schedule of a one-step Emax fit, with the model lines its report shows.
    func emaxReport(_ fit: EmaxAFTFit, design: DesignMatrix, coverageModel: any ReliefCoverageModel, dataset: SurvivalDataset)
        throws -> (result: ScheduleReport, warnings: [String])
    {
        let schedule = try schedule(dataset).compute(
            coverageModel,
            modelAssumption: "the dose acts through the fitted \(fit.curve.rawValue) curve and the interval is a covariate "
                + "of the \(fit.distribution.name) Emax AFT (covariates: \(fitter.formula.text)): coverage at interval I "
                + "uses the relief distribution fitted for episodes started by infusions every I days")
        var lines: [(key: String, value: String)] = [
            ("model", "\(fit.curve.rawValue) AFT, \(fit.distribution.name) errors (dose: \(doseColumn))"),
            ("formula", fitter.formula.text), ("n", "\(fit.n) rows, \(fit.events) events"),
        ]
        if let column = design.clusterColumn { lines.append(("variance", "robust (sandwich), clustered by \(column)")) }
        let report = ScheduleReport(
            model: fit.curve.rawValue, formula: fitter.formula.text, modelLines: lines, n: fit.n, events: fit.events,
            schedule: schedule, modelWarnings: fit.warnings)
        return (report, fit.warnings + schedule.warnings)
    }

    /// The range of a numeric column, `nil` when it is not numeric or empty.
    static func range(_ dataset: SurvivalDataset, column: String) -> ClosedRange<Double>? {
        guard let values = dataset.covariates.first(where: { $0.name == column })?.numericValues,
            let low = values.min(), let high = values.max()
        else { return nil }
        return low...high
    }

    /// A schedule error as the error its cause is (design, model), or as a usage / bad-data error.
    static func translate(_ error: MaintenanceScheduleError) -> any Error {
        switch error {
        case .design(let inner): return inner
        case .model(let inner): return inner
        default: return AnalysisError(error.kind == .usage ? .usage : .badData, error.description)
        }
    }
}
